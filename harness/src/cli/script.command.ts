import path from 'node:path';
import { usageError } from '../errors.js';
import { scriptsFromRecording } from '../recording/scripts-from-recording.js';
import type { Command } from './command.js';
import { parseCommandArgs } from './parse-command-args.js';
import { writeOutputFile } from './write-output-file.js';

const help = `Usage: qiscus-mock script <recording.jsonl> [options]

Turns a recording into conversation scripts, one per recorded room, in the YAML format
\`qiscus-mock test\` runs: the customer's messages and button presses become customer steps, the
bot's messages bot steps (type, text, button labels, card titles, file URL), its hand-overs
handover steps, agents' messages agent steps, and resolving the room a resolve step.

Options:
  --out DIR                the folder to write the scripts to (default: the current folder);
                           each is named <recording>-<n>.yaml
  -h, --help               show this help

Example:
  qiscus-mock script recordings/support.jsonl --out scripts/
  qiscus-mock test scripts/

Exit codes: 0 written, 2 a usage error, a file that is not a readable recording, or a script
that cannot be written.`;

/** `qiscus-mock script`: conversation scripts from a recording. */
export const scriptCommand: Command = {
  name: 'script',
  help,
  async run(args, output) {
    const { values, positionals } = parseCommandArgs(
      'script',
      args,
      { out: { type: 'string', short: 'o' }, help: { type: 'boolean', short: 'h' } },
      true,
    );
    if (values.help) {
      output.stdout(`${help}\n`);
      return 0;
    }
    const [file, ...extra] = positionals;
    if (file === undefined || extra.length > 0) {
      throw usageError(
        'Give one recording, such as `qiscus-mock script recording.jsonl --out scripts/`.\nRun `qiscus-mock script --help` for its flags.',
      );
    }
    const scripts = await scriptsFromRecording(file);
    const base = path.basename(file).replace(/(\.recording)?\.jsonl$/, '');
    for (const [index, script] of scripts.entries()) {
      const target = path.join(values.out ?? '.', `${base}-${index + 1}.yaml`);
      await writeOutputFile(target, script.yaml, 'the script', '--out scripts/');
      output.stdout(`Wrote ${target} (room ${script.roomId})\n`);
    }
    if (scripts.length === 0) output.stdout(`${file} has no conversation to make a script of.\n`);
    return 0;
  },
};
