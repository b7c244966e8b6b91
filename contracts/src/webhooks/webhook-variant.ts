import { z } from '../zod.js';
import type { BotMessageWebhook } from './bot-message-webhook.js';

/**
 * Which body the mock sends the bot for a customer message. `documented`: the newer shape Qiscus
 * documents (botMessage). `unknown_fields`: the same with fields the contract does not know, at
 * several levels, as a later Qiscus version may add them. `legacy`: the older documented shape
 * (legacyBotMessage).
 */
export const WebhookVariantSchema = z
  .enum(['documented', 'unknown_fields', 'legacy'])
  .openapi('WebhookVariant', {
    example: 'unknown_fields',
    description:
      'documented (the default): the newer shape Qiscus documents. unknown_fields: the same with fields no contract names (a later Qiscus may add some; a bot must ignore them). legacy: the older documented shape (numeric ids, room.options an object, no message id).',
  });
export type WebhookVariant = z.infer<typeof WebhookVariantSchema>;

/**
 * The fields `unknown_fields` adds, by where they go. Their names come from the Qiscus SDK's
 * comment and room models, which the bot webhook does not document; that a bot may meet them
 * there is inferred (the newer shape itself added fields to the older one).
 */
export const unknownWebhookFields = {
  top: { webhook_version: 3 },
  message: { status: 'sent', user_extras: {}, is_deleted: false },
  room: { is_removed: false, unread_count: 1 },
  from: { user_extras: {} },
} as const;

/** The newer-shape webhook with `unknownWebhookFields` added: what a bot must take as it is. */
export function withUnknownFields(webhook: BotMessageWebhook): Record<string, unknown> {
  const { payload } = webhook;
  return {
    ...webhook,
    ...unknownWebhookFields.top,
    payload: {
      ...payload,
      from: { ...payload.from, ...unknownWebhookFields.from },
      message: { ...payload.message, ...unknownWebhookFields.message },
      room: { ...payload.room, ...unknownWebhookFields.room },
    },
  };
}
