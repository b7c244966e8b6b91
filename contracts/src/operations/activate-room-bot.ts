import { defineOperation } from '../define-operation.js';
import { bodyErrorCodes } from '../error-codes.js';
import { FormBooleanSchema } from '../form-boolean.js';
import { NumericIdSchema, RoomIdSchema, TimestampSchema } from '../ids.js';
import { ChannelSourceSchema } from '../channels.js';
import { z } from '../zod.js';
import { RoomParamsSchema } from './app-code-params.js';

/** The body of the per-room bot switch. */
export const ActivateRoomBotRequestSchema = z
  .strictObject({ is_active: z.boolean().describe('true: the bot answers this room again.') })
  .openapi('ActivateRoomBotRequest', { example: { is_active: false } });

/** The same body, form-encoded, as older clients send it. */
export const ActivateRoomBotFormSchema = z
  .strictObject({ is_active: FormBooleanSchema })
  .openapi('ActivateRoomBotForm', { example: { is_active: 'false' } });

const roomLogExample = {
  id: 91234,
  app_id: 1,
  user_id: '6281234567890',
  room_id: '187250792',
  source: 'wa',
  channel_id: 963,
  name: 'Budi Santoso',
  user_avatar_url: 'https://latest-multichannel.qiscus.com/img/default_avatar.svg',
  room_badge: 'https://latest-multichannel.qiscus.com/img/wa_icon_100.png',
  is_handled_by_bot: false,
  is_waiting: false,
  resolved: false,
  resolved_ts: null,
  has_no_message: false,
  start_service_comment_id: '2487134935',
  extras: '{}',
  check_wa_contact: false,
  origin: 'wa',
  sub_source: null,
  type: null,
  customer_id: null,
  created_at: '2026-11-24T01:50:02Z',
  updated_at: '2026-11-24T02:11:40Z',
  deleted_at: null,
};

/** A room as Qiscus's agent service stores it (the `room_log` record). */
export const RoomLogSchema = z
  .strictObject({
    id: NumericIdSchema,
    app_id: NumericIdSchema,
    user_id: z.string().describe('The customer’s user id (a phone number on WhatsApp).'),
    room_id: RoomIdSchema,
    source: ChannelSourceSchema,
    channel_id: NumericIdSchema,
    name: z.string(),
    user_avatar_url: z.string(),
    room_badge: z.string(),
    is_handled_by_bot: z.boolean(),
    is_waiting: z.boolean(),
    resolved: z.boolean(),
    resolved_ts: TimestampSchema.nullable(),
    has_no_message: z.boolean(),
    start_service_comment_id: z.string(),
    extras: z.string().describe('JSON-encoded extras.'),
    check_wa_contact: z.boolean(),
    origin: z.string(),
    sub_source: z.string().nullable(),
    type: z.string().nullable(),
    customer_id: z.number().int().nullable(),
    created_at: TimestampSchema,
    updated_at: TimestampSchema,
    deleted_at: TimestampSchema.nullable(),
  })
  .openapi('RoomLog', { example: roomLogExample });
export type RoomLog = z.infer<typeof RoomLogSchema>;

/** What the per-room switch answers: the room record. */
export const ActivateRoomBotResponseSchema = z
  .strictObject({ data: RoomLogSchema })
  .openapi('ActivateRoomBotResponse', { example: { data: roomLogExample } });

/** `POST /bot/{room_id}/activate`: switch the bot on or off for one room. */
export const activateRoomBot = defineOperation({
  id: 'activateRoomBot',
  method: 'post',
  path: '/bot/{room_id}/activate',
  summary: 'Switch the bot on or off for one room',
  description:
    'While the bot is off for a room it receives no webhooks for it. Note that this path has no app code prefix.',
  tags: ['Bot activation'],
  auth: { styles: ['appIdAndSecretKey', 'authorization'], authorizationAccepts: ['adminToken'] },
  request: {
    params: RoomParamsSchema,
    body: {
      required: true,
      description: 'JSON, or form-encoded as older clients send it.',
      content: {
        'application/json': {
          schema: ActivateRoomBotRequestSchema,
          examples: {
            off: { summary: 'Switch the bot off', value: { is_active: false } },
            on: { summary: 'Switch the bot back on', value: { is_active: true } },
          },
        },
        'application/x-www-form-urlencoded': {
          schema: ActivateRoomBotFormSchema,
          examples: {
            off: { summary: 'Switch the bot off', value: { is_active: 'false' } },
            on: { summary: 'Switch the bot back on', value: { is_active: 'true' } },
          },
        },
        // Qiscus's n8n node sends its form calls as multipart/form-data.
        'multipart/form-data': {
          schema: ActivateRoomBotFormSchema,
          examples: {
            off: { summary: 'Switch the bot off', value: { is_active: 'false' } },
            on: { summary: 'Switch the bot back on', value: { is_active: 'true' } },
          },
        },
      },
    },
  },
  responses: {
    200: {
      description: 'The room, with `is_handled_by_bot` set as asked.',
      schema: ActivateRoomBotResponseSchema,
      examples: {
        off: {
          summary: 'The bot is off for the room',
          value: {
            data: roomLogExample,
          },
        },
      },
    },
  },
  errors: ['UNAUTHORIZED', ...bodyErrorCodes, 'ROOM_NOT_FOUND'],
  fidelity: [
    {
      source: 'CODE-Q',
      fact: 'Path, JSON body, auth and the room record it answers with (qiscus-go).',
    },
    { source: 'CODE', fact: 'The form-encoded body and Authorization with an admin token.' },
  ],
});
