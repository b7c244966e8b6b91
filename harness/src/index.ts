export type { Command, CommandOutput } from './cli/command.js';
export { runCli } from './cli/run-cli.js';
export { HarnessError, harnessErrorCodes, type HarnessErrorCode } from './errors.js';
