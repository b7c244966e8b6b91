/** A subcommand of `qiscus-mock`, and where a command writes. */
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
/**
 * Runs conversation scripts against a bot, with the mock in this process; and the defaults of
 * its options (a timeout of 2s per expectation, 15s for a spawned bot to answer, and the number
 * of scripts at once, from the core count), for the command line's help.
 */
export {
  defaultBotStartTimeoutMs,
  defaultConcurrency,
  defaultTimeoutMs,
  runConversations,
} from './run/run-conversations.js';
/** What `runConversations` takes, and what it tells as the run goes. */
export type { RunConversationsOptions, RunProgress } from './run/run-options.js';
/** The result of a run, its scripts, steps and contract findings, as schemas and types. */
export {
  RunResultSchema,
  ScriptResultSchema,
  StepKindSchema,
  StepResultSchema,
  ViolationCodeSchema,
  ViolationSchema,
  type RunResult,
  type ScriptResult,
  type StepKind,
  type StepResult,
  type Violation,
  type ViolationCode,
} from './run/run-result.js';
/** Checks one exchange against the contracts: the findings a run reports. */
export { validateExchange } from './validation/validate-exchange.js';
