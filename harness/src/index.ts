export type { Command, CommandOutput } from './cli/command.js';
export { runCli } from './cli/run-cli.js';
export { HarnessError, harnessErrorCodes, type HarnessErrorCode } from './errors.js';
/** Starts the mock and the reference bot, wired to each other. */
export {
  startLocalStack,
  type LocalStack,
  type LocalStackOptions,
} from './stack/start-local-stack.js';
/** Loads and checks conversation scripts without running them; HARNESS_ERR_SCRIPT lists every problem. */
export { loadScripts } from './script/load-scripts.js';
/** A script that loaded and passed every check, and one of its steps. */
export type { LoadedScript, LoadedStep } from './script/script-schema.js';
