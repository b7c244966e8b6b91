import type { OperationDescriptor, WebhookDescriptor } from './define-operation.js';
import { activateRoomBot } from './operations/activate-room-bot.js';
import { adminOperations } from './operations/admin/admin-operations.js';
import { getAppBot, integrateAppBot, setAppBotActivation } from './operations/app-bot-settings.js';
import { handOverToRole } from './operations/hand-over-to-role.js';
import { handOver } from './operations/hand-over.js';
import { postBotMessage } from './operations/post-bot-message.js';
import { botMessageWebhook } from './webhooks/bot-message-webhook.js';
import { customAgentAllocationWebhook } from './webhooks/custom-agent-allocation-webhook.js';
import { markAsResolvedWebhook } from './webhooks/mark-as-resolved-webhook.js';
import { newSessionWebhook } from './webhooks/new-session-webhook.js';
import { legacyBotMessageWebhook } from './webhooks/legacy-bot-message-webhook.js';

/** Every operation of the Qiscus surface, each listed once. Server, harness and docs iterate it. */
export const operations = [
  postBotMessage,
  handOver,
  handOverToRole,
  activateRoomBot,
  getAppBot,
  setAppBotActivation,
  integrateAppBot,
  // The admin API that bots call besides: issue 14.
  ...adminOperations,
] as const satisfies readonly OperationDescriptor[];

/** Every webhook Qiscus sends that the mock reproduces. */
export const webhooks = [
  botMessageWebhook,
  legacyBotMessageWebhook,
  newSessionWebhook,
  customAgentAllocationWebhook,
  markAsResolvedWebhook,
] as const satisfies readonly WebhookDescriptor[];
