export type { Command, CommandOutput } from './cli/command.js';
export { runCli } from './cli/run-cli.js';
export { HarnessError, harnessErrorCodes, type HarnessErrorCode } from './errors.js';
/** Starts the mock and the reference bot, wired to each other. */
export {
  startLocalStack,
  type LocalStack,
  type LocalStackOptions,
} from './stack/start-local-stack.js';
