import { expect, it } from 'vitest';
import { BotMessageWebhookSchema, botMessageWebhook } from './bot-message-webhook.js';
import { WebhookVariantSchema, withUnknownFields } from './webhook-variant.js';

const webhook = BotMessageWebhookSchema.parse(botMessageWebhook.examples.text.value);

it('adds the unknown fields at the top and in the sender, the message and the room, keeping every field sent', () => {
  const before = structuredClone(webhook);
  const { payload } = webhook;
  expect(withUnknownFields(webhook)).toEqual({
    ...webhook,
    webhook_version: 3,
    payload: {
      ...payload,
      from: { ...payload.from, user_extras: {} },
      message: { ...payload.message, status: 'sent', user_extras: {}, is_deleted: false },
      room: { ...payload.room, is_removed: false, unread_count: 1 },
    },
  });
  expect(webhook).toEqual(before);
});

it('names the three variants a customer message may ask for, and no other', () => {
  expect(WebhookVariantSchema.options).toEqual(['documented', 'unknown_fields', 'legacy']);
  for (const variant of ['documented', 'unknown_fields', 'legacy']) {
    expect(WebhookVariantSchema.safeParse(variant)).toEqual({ success: true, data: variant });
  }
  expect(WebhookVariantSchema.safeParse('newer').success).toBe(false);
});
