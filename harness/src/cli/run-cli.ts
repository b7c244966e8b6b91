import packageJson from '../../../package.json' with { type: 'json' };
import { HarnessError } from '../errors.js';
import type { Command, CommandOutput } from './command.js';
import { serveCommand } from '#mock-server';
import { referenceBotCommand } from '#reference-bot';
import { conformCommand } from './conform.command.js';
import { openapiCommand } from './openapi.command.js';
import { startCommand } from './start.command.js';
import { testCommand } from './test.command.js';

const commands: readonly Command[] = [
  serveCommand,
  startCommand,
  testCommand,
  conformCommand,
  referenceBotCommand,
  openapiCommand,
];

/** Commands of DESIGN.md that later versions add; named so a user is told, not puzzled. */
const plannedCommands = ['replay', 'validate'];

function mainHelp(): string {
  const width = Math.max(...commands.map((command) => command.name.length)) + 2;
  const list = commands.map((command) => `  ${command.name.padEnd(width)}${command.summary}`);
  return `qiscus-mock ${packageJson.version}: a local stand-in for the Qiscus Omnichannel bot API.

Usage: qiscus-mock <command> [options]

Commands:
${list.join('\n')}

Planned (not in this version yet): ${plannedCommands.join(', ')}

Options:
  -h, --help     show this help, or a command's help: qiscus-mock <command> --help
  -v, --version  print the version

Exit codes: 0 success, 1 test failures or violations found, 2 usage or configuration error.`;
}

/**
 * Runs `qiscus-mock` with the given arguments (without `node` and the script) and resolves to
 * the exit code. Usage errors are reported on stderr with exit code 2.
 */
export async function runCli(argv: readonly string[], output: CommandOutput): Promise<number> {
  const [first, ...rest] = argv;
  // `help <command>` is `<command> --help`, so an unknown or planned one is reported as such.
  if (first === 'help' && rest[0] !== undefined) return runCli([rest[0], '--help'], output);
  if (first === undefined || first === '-h' || first === '--help' || first === 'help') {
    output.stdout(`${mainHelp()}\n`);
    return 0;
  }
  if (first === '-v' || first === '--version') {
    output.stdout(`${packageJson.version}\n`);
    return 0;
  }
  const command = commands.find((candidate) => candidate.name === first);
  if (!command) {
    const why = plannedCommands.includes(first)
      ? `\`qiscus-mock ${first}\` is planned but not in version ${packageJson.version} yet.`
      : first.startsWith('-')
        ? `Unknown option "${first}"; options go after the command.`
        : `Unknown command "${first}".`;
    output.stderr(`${why} Run \`qiscus-mock --help\` for the commands there are.\n`);
    return 2;
  }
  try {
    return await command.run(rest, output);
  } catch (error) {
    if (error instanceof HarnessError) {
      output.stderr(`qiscus-mock ${command.name}: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}
