export { type BotReply } from './bot-reply.js';
export { buildReferenceBotApp, type BotFailure, type ReferenceBotAppDeps } from './build-app.js';
export { referenceBotCommand, type ReferenceBotIo } from './cli.js';
export { BotError, botErrorCodes, QiscusApiError, type BotErrorCode } from './errors.js';
/** A typed client of the Qiscus bot API, checked against the contracts. */
export { QiscusClient, type QiscusClientOptions } from './qiscus-client.js';
export {
  decideReply,
  freshMemory,
  type BotAction,
  type Decision,
  type HandoverReason,
  type RoomMemory,
} from './reply-policy.js';
/** Starts the reference bot; see `ReferenceBot` for what it gives. */
export {
  startReferenceBot,
  type ReferenceBot,
  type ReferenceBotOptions,
} from './start-reference-bot.js';
