import { HarnessError } from '../errors.js';
import type { CommandOutput } from './command.js';
import { commandTable } from './command-table.js';
import { packageVersion } from './package-version.js';

function mainHelp(): string {
  const width = Math.max(...commandTable.map((command) => command.name.length)) + 2;
  const list = commandTable.map((command) => `  ${command.name.padEnd(width)}${command.summary}`);
  return `qiscus-mock ${packageVersion}: a local stand-in for the Qiscus Omnichannel bot API.

Usage: qiscus-mock <command> [options]

Commands:
${list.join('\n')}

Options:
  -h, --help     show this help, or a command's help: qiscus-mock <command> --help
  -v, --version  print the version

Exit codes: 0 success, 1 test failures or violations found, 2 usage or configuration error.
Docs: README.md, then a page per topic in docs/ (docs/mock-server.md, docs/scripts.md …).`;
}

/**
 * Runs `qiscus-mock` with the given arguments (without `node` and the script) and resolves to
 * the exit code. Usage errors are reported on stderr with exit code 2.
 */
export async function runCli(argv: readonly string[], output: CommandOutput): Promise<number> {
  const [first, ...rest] = argv;
  // `help <command>` is `<command> --help`, so an unknown one is reported as such.
  if (first === 'help' && rest[0] !== undefined) return runCli([rest[0], '--help'], output);
  if (first === undefined || first === '-h' || first === '--help' || first === 'help') {
    output.stdout(`${mainHelp()}\n`);
    return 0;
  }
  if (first === '-v' || first === '--version') {
    output.stdout(`${packageVersion}\n`);
    return 0;
  }
  const entry = commandTable.find((candidate) => candidate.name === first);
  if (!entry) {
    const why = first.startsWith('-')
      ? `Unknown option "${first}"; options go after the command.`
      : `Unknown command "${first}".`;
    output.stderr(`${why} Run \`qiscus-mock --help\` for the commands there are.\n`);
    return 2;
  }
  const command = await entry.load();
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
