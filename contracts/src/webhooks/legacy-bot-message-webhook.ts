import { ChannelSourceSchema } from '../channels.js';
import { defineWebhook } from '../define-operation.js';
import { CommentTypeSchema } from '../message-type.js';
import { z } from '../zod.js';
import { RoomOptionsJsonSchema } from './room-options.js';

const legacyExample = {
  type: 'post_comment_mobile',
  payload: {
    from: { id: 1, email: '6281234567890', name: 'Budi Santoso' },
    room: {
      id: 187250792,
      topic_id: 187250792,
      type: 'group',
      name: 'Budi Santoso',
      options: {
        is_resolved: false,
        source: 'wa',
        is_waiting: 'false',
        channel_details: { channel_id: 963, name: 'Qiscus Mock WhatsApp' },
      },
      participants: [
        {
          id: 1,
          email: '6281234567890',
          username: 'Budi Santoso',
          avatar_url: 'https://latest-multichannel.qiscus.com/img/default_avatar.svg',
        },
      ],
    },
    message: { type: 'text', text: 'Hi, I need help with my invoice', payload: {} },
  },
};

/**
 * The bot webhook in the older shape Qiscus documented (and some clients still parse): numeric
 * ids, and `room.options` an object (the sample) or a JSON string (real traffic). The mock sends the newer shape; this one is here so
 * recordings and bots written against it can be checked.
 */
export const LegacyBotMessageWebhookSchema = z
  .strictObject({
    type: z.enum(['post_comment_mobile', 'post_comment_rest']),
    payload: z.strictObject({
      from: z.strictObject({ id: z.number().int(), email: z.string(), name: z.string() }),
      room: z.strictObject({
        id: z.number().int(),
        topic_id: z.number().int(),
        type: z.enum(['group', 'single']),
        name: z.string(),
        // An object in the documented sample; a JSON string, as in the newer shape, in real traffic.
        options: z.union([
          RoomOptionsJsonSchema,
          z.strictObject({
            is_resolved: z.boolean(),
            source: ChannelSourceSchema,
            is_waiting: z.union([z.boolean(), z.enum(['true', 'false'])]),
            channel_details: z.strictObject({ channel_id: z.number().int(), name: z.string() }),
          }),
        ]),
        participants: z.array(
          z.strictObject({
            id: z.number().int(),
            email: z.string(),
            username: z.string(),
            avatar_url: z.string(),
          }),
        ),
      }),
      message: z.strictObject({
        type: CommentTypeSchema,
        text: z.string(),
        payload: z.record(z.string(), z.unknown()),
      }),
    }),
  })
  .openapi('LegacyBotMessageWebhook', { example: legacyExample });
export type LegacyBotMessageWebhook = z.infer<typeof LegacyBotMessageWebhookSchema>;

/**
 * The bot webhook in the older shape, as a webhook of the catalogue: the mock sends it only when
 * asked (a customer message with `webhook_variant: legacy`), so a bot can be tried on what older
 * Qiscus versions sent.
 */
export const legacyBotMessageWebhook = defineWebhook({
  id: 'legacyBotMessage',
  summary: 'A customer wrote, in the older shape (sent to the bot on request)',
  description:
    'The bot webhook as older Qiscus documentation shows it: numeric room and sender ids, no message id, no `app_code` or `channel` (so `room.options` is the only place of the channel). `room.options` is an object in the documented sample and a JSON string in real traffic; the mock sends the string. The mock sends the newer shape (botMessage); it sends this one only for a customer message with `webhook_variant: legacy`, so a bot can show it takes what older Qiscus versions sent.',
  tags: ['Webhooks'],
  body: LegacyBotMessageWebhookSchema,
  examples: { text: { summary: 'A text on WhatsApp, older shape', value: legacyExample } },
  reply: {
    description:
      'Any 2xx acknowledges the webhook; Qiscus ignores the body. The bot answers by calling POST /{app_code}/bot with room_id as a string.',
  },
  fidelity: [
    {
      source: 'DOC',
      fact: 'The fields, as the older documentation (and the SDK webhook page) show them.',
    },
    {
      source: 'INFERRED',
      fact: 'That older Qiscus versions sent it to bots. room.options as a JSON string in it: Qiscus documents the string for real traffic and the object only in the sample [DOC/CODE].',
    },
  ],
});
