export { formatBanner, type BannerFacts } from './banner.js';
export { serveCommand, serveFlags, serveOptionsFromFlags, type ServeIo } from './cli.js';
export { createSteppingClock, createSystemClock, type Clock } from './clock.js';
export { ConfigFileSchema, type ConfigFile } from './config/config-file-schema.js';
export { loadConfigFile, parseConfigText } from './config/load-config-file.js';
/** Starts a mock server; see `MockServer` for what it gives. */
export { createMockServer, type MockServer } from './create-mock-server.js';
export { type ServedRoute } from './http/build-app.js';
export { isMockError, mockErrorCodes, type MockError, type MockErrorCode } from './errors.js';
/** Whether the mock will send webhooks to a URL: http(s), and on this machine unless allowed. */
export { checkWebhookTarget } from './webhooks/webhook-target.js';
export { createRandomIds, createSequentialIds, type IdGenerator } from './id-generator.js';
/** Replaces names, phone numbers, e-mails and attachment URLs in exchanges, as `--scrub` does. */
export { Scrubber, isScrubbedPlaceholder } from './recording/scrubber.js';
/** A recording's exchanges grouped into turns and conversations, as replay and `script` read them. */
export {
  groupTurns,
  isDriver,
  type LinedExchange,
  type RecordedConversation,
  type RecordedTurn,
} from './recording/conversation-turns.js';
/** Exchanges turned into conversation scripts, one per room (`script`, the dashboard). */
export {
  scriptsFromExchanges,
  type ScriptFromExchanges,
} from './recording/scripts-from-exchanges.js';
export {
  defaults,
  type AgentOption,
  type ChannelOption,
  type MockServerOptions,
} from './options.js';
