// What `import … from 'qiscus-mock'` gives (package.json "exports"): the mock server, the mock
// and the reference bot together, conversation scripts run from code, the reference bot, and
// every error class. The shapes on the wire are in 'qiscus-mock/contracts'.

/** Starts a mock of the Qiscus bot API on 127.0.0.1; see `MockServer` for what it gives. */
export {
  createMockServer,
  createRandomIds,
  createSequentialIds,
  createSteppingClock,
  createSystemClock,
  defaults as mockServerDefaults,
  isMockError,
  mockErrorCodes,
  type AgentOption,
  type ChannelOption,
  type Clock,
  type IdGenerator,
  type MockError,
  type MockErrorCode,
  type MockServer,
  type MockServerOptions,
} from '#mock-server';
/** Starts the bundled reference bot against a Qiscus API (the mock's, or any). */
export {
  BotError,
  QiscusApiError,
  botErrorCodes,
  startReferenceBot,
  type BotErrorCode,
  type ReferenceBot,
  type ReferenceBotOptions,
} from '#reference-bot';
export { HarnessError, harnessErrorCodes, type HarnessErrorCode } from './errors.js';
/** Starts the mock and the reference bot, wired to each other. */
export {
  startLocalStack,
  type LocalStack,
  type LocalStackOptions,
} from './stack/start-local-stack.js';
/** Loads and checks conversation scripts without running them. */
export { loadScripts } from './script/load-scripts.js';
export type { LoadedScript, LoadedStep } from './script/script-schema.js';
/** Runs conversation scripts against a bot, with the mock in this process; results as objects. */
export {
  defaultBotStartTimeoutMs,
  defaultConcurrency,
  defaultTimeoutMs,
  runConversations,
} from './run/run-conversations.js';
export type { RunConversationsOptions, RunProgress } from './run/run-options.js';
export {
  RunResultSchema,
  ScriptResultSchema,
  StepResultSchema,
  ViolationSchema,
  type RunResult,
  type ScriptResult,
  type StepKind,
  type StepResult,
  type Violation,
  type ViolationCode,
} from './run/run-result.js';
