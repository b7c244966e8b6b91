import { usageError } from '../errors.js';
import { validateRecording, type RecordingCheck } from '../recording/validate-recording.js';
import type { Command } from './command.js';
import { parseCommandArgs } from './parse-command-args.js';

const help = `Usage: qiscus-mock validate <recording.jsonl …> [options]

Re-checks every exchange of recordings (from \`serve --record\`, \`start --record\` or
\`test --record\`) against the contracts of this version: each body that no longer fits, and each
call the API no longer has, is listed as file:line with its field path. Recordings are read as
streams; a torn last line (the recorder was killed) is reported and skipped.

Options:
  --json                   one JSON object on stdout instead of the list
  -h, --help               show this help

Examples:
  qiscus-mock validate recordings/*.jsonl

Exit codes: 0 every exchange fits, 1 some no longer fit, 2 a usage error or a file that is not a
readable recording (another format, a newer version, a corrupt line: named as file:line).`;

function formatCheck(check: RecordingCheck): string {
  const lines = check.warnings.map((warning) => `warning: ${warning}`);
  for (const finding of check.findings) {
    const where = finding.violation.path ? ` at ${finding.violation.path}` : '';
    lines.push(
      `${finding.file}:${finding.line}: exchange ${finding.seq} (${finding.method} ${finding.path})${where}: ${finding.violation.message}`,
    );
  }
  const verdict =
    check.findings.length === 0
      ? 'every one fits the contracts'
      : `${check.findings.length} ${check.findings.length === 1 ? 'problem' : 'problems'}`;
  lines.push(`${check.file}: ${check.exchanges} exchanges, ${verdict}`);
  return `${lines.join('\n')}\n`;
}

/** `qiscus-mock validate`: a drift check of recordings against the current contracts. */
export const validateCommand: Command = {
  name: 'validate',
  help,
  async run(args, output) {
    const { values, positionals } = parseCommandArgs(
      'validate',
      args,
      { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
      true,
    );
    if (values.help) {
      output.stdout(`${help}\n`);
      return 0;
    }
    if (positionals.length === 0) {
      throw usageError(
        'Give the recordings to check, such as `qiscus-mock validate recording.jsonl`.\nRun `qiscus-mock validate --help` for its flags.',
      );
    }
    const checks: RecordingCheck[] = [];
    for (const file of positionals) {
      const check = await validateRecording(file);
      checks.push(check);
      if (!values.json) output.stdout(formatCheck(check));
    }
    if (values.json) output.stdout(`${JSON.stringify({ recordings: checks }, null, 2)}\n`);
    return checks.some((check) => check.findings.length > 0) ? 1 : 0;
  },
};
