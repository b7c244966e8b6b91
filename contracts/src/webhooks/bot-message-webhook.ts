import { ChannelSourceSchema } from '../channels.js';
import { defineWebhook } from '../define-operation.js';
import { AppCodeSchema, NumericIdSchema, RoomIdSchema, TimestampSchema } from '../ids.js';
import { CommentTypeSchema } from '../message-type.js';
import { z } from '../zod.js';
import { RoomOptionsJsonSchema, roomOptionsJsonExample } from './room-options.js';

const roomExample = {
  id: '187250792',
  id_str: '187250792',
  is_public_channel: false,
  name: 'Budi Santoso',
  options: roomOptionsJsonExample,
  participants: [{ email: '6281234567890' }, { email: 'qiscus-mock-app_admin@qismo.com' }],
  room_avatar: 'https://latest-multichannel.qiscus.com/img/default_avatar.svg',
  topic_id: '187250792',
  topic_id_str: '187250792',
  type: 'group',
};
const fromExample = {
  avatar_url: 'https://latest-multichannel.qiscus.com/img/default_avatar.svg',
  email: '6281234567890',
  id: 0,
  id_str: '0',
  name: 'Budi Santoso',
};
const messageExample = {
  comment_before_id: 0,
  comment_before_id_str: '0',
  created_at: '2026-11-24T02:10:30Z',
  disable_link_preview: false,
  extras: null,
  id: 2487134935,
  id_str: '2487134935',
  payload: null,
  text: 'Hi, I need help with my invoice',
  timestamp: '2026-11-24T02:10:30Z',
  type: 'text',
  unique_temp_id: 'wa_wamid.HBgNNjI4MTIzNDU2Nzg5MBUCABIYFjNFQjA',
  unix_nano_timestamp: 1795486230000,
  unix_timestamp: 1795486230,
};
const channelExample = { id: 963, name: 'Qiscus Mock WhatsApp', source: 'wa' };

const textWebhookExample = {
  app_code: 'qiscus-mock-app',
  channel: channelExample,
  payload: {
    from: fromExample,
    message: messageExample,
    room: roomExample,
    type: 'post_comment_mobile',
  },
  type: 'post_comment_mobile',
};

const jsonObject = z.record(z.string(), z.unknown());

/** `post_comment_mobile` for a message from a customer's client, `post_comment_rest` for one sent through the REST API. */
export const WebhookEventTypeSchema = z
  .enum(['post_comment_mobile', 'post_comment_rest'])
  .openapi('WebhookEventType', { example: 'post_comment_mobile' });

/** The customer who wrote. */
export const WebhookSenderSchema = z
  .strictObject({
    avatar_url: z.string(),
    email: z
      .string()
      .min(1)
      .describe('The customer’s user id: a phone number on WhatsApp, an e-mail on the web widget.'),
    id: NumericIdSchema,
    id_str: z.string(),
    name: z.string(),
  })
  .openapi('WebhookSender', { example: fromExample });

/** The message the customer wrote. */
export const WebhookMessageSchema = z
  .strictObject({
    comment_before_id: NumericIdSchema,
    comment_before_id_str: z.string(),
    created_at: TimestampSchema,
    disable_link_preview: z.boolean(),
    extras: jsonObject.nullable(),
    id: NumericIdSchema,
    id_str: z.string(),
    payload: jsonObject
      .nullable()
      .describe(
        'null for text; `{ url, caption }` for a file; the button’s payload for a postback.',
      ),
    text: z
      .string()
      .describe('The text; for a file, its caption; for a postback, what the button says.'),
    timestamp: TimestampSchema,
    type: CommentTypeSchema,
    unique_temp_id: z.string(),
    unix_nano_timestamp: z
      .number()
      .nonnegative()
      .describe('Named nanoseconds; Qiscus’s documented sample holds milliseconds.'),
    unix_timestamp: z.number().int().nonnegative(),
  })
  .openapi('WebhookMessage', { example: messageExample });

/** The room the message was written in. */
export const WebhookRoomSchema = z
  .strictObject({
    id: RoomIdSchema,
    id_str: RoomIdSchema,
    is_public_channel: z.boolean(),
    name: z.string(),
    options: RoomOptionsJsonSchema,
    participants: z.array(z.strictObject({ email: z.string() })),
    room_avatar: z.string(),
    topic_id: z.string(),
    topic_id_str: z.string(),
    type: z.enum(['group', 'single']),
  })
  .openapi('WebhookRoom', { example: roomExample });

/**
 * The bot webhook, in the newer shape Qiscus documents: what the bot receives for each message a
 * customer writes while the bot is on for the room.
 */
export const BotMessageWebhookSchema = z
  .strictObject({
    app_code: AppCodeSchema,
    channel: z
      .strictObject({ id: NumericIdSchema, name: z.string(), source: ChannelSourceSchema })
      .describe('The channel the customer wrote through.'),
    payload: z.strictObject({
      from: WebhookSenderSchema,
      message: WebhookMessageSchema,
      room: WebhookRoomSchema,
      type: WebhookEventTypeSchema,
    }),
    type: WebhookEventTypeSchema.describe('Equal to payload.type.'),
  })
  .superRefine((webhook, ctx) => {
    if (webhook.type !== webhook.payload.type) {
      ctx.addIssue({
        code: 'custom',
        path: ['type'],
        message: `must equal payload.type ("${webhook.payload.type}")`,
      });
    }
  })
  .openapi('BotMessageWebhook', { example: textWebhookExample });
export type BotMessageWebhook = z.infer<typeof BotMessageWebhookSchema>;

/** The bot webhook: Qiscus POSTs it to the bot's webhook URL for every customer message. */
export const botMessageWebhook = defineWebhook({
  id: 'botMessage',
  summary: 'A customer wrote (sent to the bot)',
  description:
    'POSTed to the bot webhook URL set with POST /api/v1/app/bot/integrate, for every message a customer writes while the bot is on for the app and the room. Not sent while the bot is off, or after a handover until the bot is switched back on for the room. `room.options` is a JSON string.',
  tags: ['Webhooks'],
  body: BotMessageWebhookSchema,
  examples: {
    text: {
      summary: 'A text on WhatsApp',
      value: textWebhookExample,
    },
    fileAttachment: {
      summary: 'A photo with a caption on the web widget',
      value: {
        app_code: 'qiscus-mock-app',
        channel: { id: 101, name: 'Qiscus Mock Live Chat', source: 'qiscus' },
        payload: {
          from: { ...fromExample, email: 'budi.santoso@example.com' },
          message: {
            ...messageExample,
            payload: {
              url: 'https://files.example.com/uploads/receipt.jpg',
              caption: 'My receipt',
            },
            text: 'My receipt',
            type: 'file_attachment',
            unique_temp_id: 'qiscus_1795486230000',
          },
          room: {
            ...roomExample,
            options:
              '{"channel":"qiscus","channel_details":{"channel_id":101,"name":"Qiscus Mock Live Chat"},"is_resolved":false,"is_waiting":false,"source":"qiscus"}',
            participants: [
              { email: 'budi.santoso@example.com' },
              { email: 'qiscus-mock-app_admin@qismo.com' },
            ],
          },
          type: 'post_comment_mobile',
        },
        type: 'post_comment_mobile',
      },
    },
  },
  reply: {
    description:
      'Any 2xx acknowledges the webhook; Qiscus ignores the body. The bot answers by calling POST /{app_code}/bot.',
  },
  fidelity: [
    { source: 'DOC', fact: 'The payload, field by field, and room.options as a JSON string.' },
    {
      source: 'INFERRED',
      fact: 'When it is not sent (bot off for the app or the room, after a handover), from the product brief.',
    },
  ],
});
