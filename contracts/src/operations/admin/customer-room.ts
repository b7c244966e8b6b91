import { ChannelSourceSchema } from '../../channels.js';
import { defineOperation } from '../../define-operation.js';
import { NumericIdSchema, RoomIdSchema, TimestampSchema } from '../../ids.js';
import { z } from '../../zod.js';
import { adminApiAuth, adminAuthFidelity } from './admin-auth.js';

const customerRoomExample = {
  channel_id: 963,
  contact_id: 1,
  id: 187250792,
  is_handled_by_bot: true,
  is_resolved: false,
  is_waiting: false,
  last_comment_sender: 'budi@example.com',
  last_comment_sender_type: 'customer',
  last_comment_text: 'Hi',
  last_comment_timestamp: '2026-11-24T02:10:30Z',
  last_customer_comment_text: 'Hi',
  last_customer_timestamp: '2026-11-24T02:10:30Z',
  name: 'Budi',
  room_badge: null,
  room_id: '187250792',
  room_type: 'group',
  source: 'qiscus',
  user_avatar_url: 'https://latest-multichannel.qiscus.com/img/default_avatar.svg',
  user_id: 'budi@example.com',
};

/** A customer room, as `GET /api/v2/customer_rooms/{room_id}` shows it. */
export const CustomerRoomSchema = z
  .strictObject({
    channel_id: NumericIdSchema,
    contact_id: NumericIdSchema,
    id: NumericIdSchema,
    is_handled_by_bot: z.boolean().describe('The room’s bot switch.'),
    is_resolved: z.boolean(),
    is_waiting: z.boolean(),
    last_comment_sender: z.string().nullable(),
    last_comment_sender_type: z.enum(['customer', 'bot', 'agent']).nullable(),
    last_comment_text: z.string().nullable(),
    last_comment_timestamp: TimestampSchema.nullable(),
    last_customer_comment_text: z.string().nullable(),
    last_customer_timestamp: TimestampSchema.nullable(),
    name: z.string(),
    room_badge: z.string().nullable(),
    room_id: RoomIdSchema,
    room_type: z.literal('group'),
    source: ChannelSourceSchema,
    user_avatar_url: z.string(),
    user_id: z.string(),
  })
  .openapi('CustomerRoom', { example: customerRoomExample });

/** What `GET /api/v2/customer_rooms/{room_id}` answers. */
export const CustomerRoomResponseSchema = z
  .strictObject({
    data: z.strictObject({ customer_room: CustomerRoomSchema }),
    status: z.literal(200),
  })
  .openapi('CustomerRoomResponse', {
    example: { data: { customer_room: customerRoomExample }, status: 200 },
  });

/** `GET /api/v2/customer_rooms/{room_id}`: a room's state as the inbox lists it. */
export const getCustomerRoom = defineOperation({
  id: 'getCustomerRoom',
  method: 'get',
  path: '/api/v2/customer_rooms/{room_id}',
  summary: 'Read a customer room',
  description:
    'Whether the bot handles the room, whether it waits or is resolved, its last message.',
  tags: ['Admin: rooms'],
  auth: adminApiAuth,
  request: { params: z.strictObject({ room_id: RoomIdSchema }) },
  responses: {
    200: {
      description: 'The room.',
      schema: CustomerRoomResponseSchema,
      examples: {
        open: {
          summary: 'With the bot',
          value: { data: { customer_room: customerRoomExample }, status: 200 },
        },
      },
    },
  },
  errors: ['UNAUTHORIZED', 'VALIDATION_FAILED', 'ROOM_NOT_FOUND'],
  fidelity: [
    {
      source: 'CODE-Q',
      fact: 'Path and the data.customer_room fields, as Qiscus’s Go client declares them.',
    },
    adminAuthFidelity,
    { source: 'INFERRED', fact: 'contact_id is the customer’s numeric user id; room_badge null.' },
  ],
});
