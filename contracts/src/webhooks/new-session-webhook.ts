import { ChannelSourceSchema } from '../channels.js';
import { defineWebhook } from '../define-operation.js';
import { NumericIdSchema, RoomIdSchema, TimestampSchema } from '../ids.js';
import { CommentTypeSchema } from '../message-type.js';
import { z } from '../zod.js';
import { WebhookRoomSchema, WebhookSenderSchema } from './bot-message-webhook.js';
import { roomOptionsJsonExample } from './room-options.js';

const avatar = 'https://latest-multichannel.qiscus.com/img/default_avatar.svg';

const newSessionExample = {
  is_new_session: true,
  payload: {
    from: { avatar_url: avatar, email: '6281234567890', id: 0, id_str: '0', name: 'Budi Santoso' },
    message: {
      id: 2487134935,
      id_str: '2487134935',
      payload: null,
      text: 'Hi, I need help with my invoice',
      timestamp: '2026-11-24T02:10:30Z',
      type: 'text',
    },
    room: {
      id: '187250792',
      id_str: '187250792',
      is_public_channel: false,
      name: 'Budi Santoso',
      options: roomOptionsJsonExample,
      participants: [{ email: '6281234567890' }, { email: 'qiscus-mock-app_admin@qismo.com' }],
      room_avatar: avatar,
      topic_id: '187250792',
      topic_id_str: '187250792',
      type: 'group',
    },
  },
  room_log: {
    channel_id: 963,
    created_at: '2026-11-24T02:10:30',
    extras: null,
    has_no_message: true,
    is_waiting: false,
    name: 'Budi Santoso',
    resolved: false,
    room_badge: null,
    room_id: '187250792',
    source: 'wa',
    user_avatar_url: avatar,
    user_id: '6281234567890',
  },
  webhook_type: 'NEW_SESSION_WEBHOOK',
};

/** The New Session webhook: the message that opened a session, its room, and the room's log. */
export const NewSessionWebhookSchema = z
  .strictObject({
    is_new_session: z.literal(true),
    payload: z.strictObject({
      from: WebhookSenderSchema,
      message: z.strictObject({
        id: NumericIdSchema,
        id_str: z.string(),
        payload: z
          .record(z.string(), z.unknown())
          .nullable()
          .describe('null for text; `{ url, caption }` for a file.'),
        text: z.string(),
        timestamp: TimestampSchema,
        type: CommentTypeSchema,
      }),
      room: WebhookRoomSchema,
    }),
    room_log: z.strictObject({
      channel_id: NumericIdSchema,
      created_at: z
        .string()
        .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/)
        .describe('UTC, without a zone suffix, as in the documented sample.'),
      extras: z.string().nullable(),
      has_no_message: z.boolean(),
      is_waiting: z.boolean(),
      name: z.string(),
      resolved: z.boolean(),
      room_badge: z.string().nullable(),
      room_id: RoomIdSchema,
      source: ChannelSourceSchema,
      user_avatar_url: z.string(),
      user_id: z.string().min(1),
    }),
    webhook_type: z.literal('NEW_SESSION_WEBHOOK'),
  })
  .openapi('NewSessionWebhook', { example: newSessionExample });
export type NewSessionWebhook = z.infer<typeof NewSessionWebhookSchema>;

/** The New Session webhook: Qiscus POSTs it when a customer's message opens a session. */
export const newSessionWebhook = defineWebhook({
  id: 'newSession',
  summary: 'A customer’s message opened a new session',
  description:
    'POSTed to the New Session webhook URL (the mock’s config or PATCH /_mock/config; Qiscus’s registration path is not published) on a customer’s first message, and on the first message after the room was resolved. Sent before the bot webhook of the same message. Not sent while no URL is set or the webhook is switched off.',
  tags: ['Webhooks'],
  body: NewSessionWebhookSchema,
  examples: { text: { summary: 'A first message on WhatsApp', value: newSessionExample } },
  reply: { description: 'Any 2xx acknowledges the webhook; Qiscus ignores the body.' },
  fidelity: [
    {
      source: 'DOC',
      fact: 'The payload, field by field (support.qiscus.com sample), webhook_type NEW_SESSION_WEBHOOK, and when it is sent.',
    },
    {
      source: 'INFERRED',
      fact: 'room_log.has_no_message, is_waiting and room_badge values for the mock’s rooms; the order (before the bot webhook); the way to set its URL (no registration path is published).',
    },
  ],
});
