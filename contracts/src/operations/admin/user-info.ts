import { ChannelSchema } from '../../control/channel.js';
import { defineOperation } from '../../define-operation.js';
import { bodyErrorCodes } from '../../error-codes.js';
import { NumericIdSchema, RoomIdSchema, TimestampSchema } from '../../ids.js';
import { z } from '../../zod.js';
import { adminApiAuth, adminAuthFidelity } from './admin-auth.js';

/** One of the customer's additional-info properties, as the inbox shows them. */
export const UserPropertySchema = z
  .strictObject({
    key: z.string().min(1).max(191),
    value: z.string().max(10_000),
  })
  .openapi('UserProperty', { example: { key: 'Order ID', value: 'INV-2026-0042' } });
export type UserProperty = z.infer<typeof UserPropertySchema>;

/** The body of `POST …/user_info`: the whole list, which replaces the one kept. */
export const SetUserInfoRequestSchema = z
  .strictObject({ user_properties: z.array(UserPropertySchema).max(100) })
  .openapi('SetUserInfoRequest', {
    example: { user_properties: [{ key: 'Order ID', value: 'INV-2026-0042' }] },
  });

const userInfoExample = {
  data: {
    extras: { user_properties: [{ key: 'Order ID', value: 'INV-2026-0042' }] },
    first_initiated: '2026-11-24T02:10:30Z',
    first_agent_response_time: null,
    user_id: 'budi@example.com',
    channel_id: 963,
    is_blocked: false,
    channel_name: 'Qiscus Mock Widget',
    channel: { id: 963, source: 'qiscus', name: 'Qiscus Mock Widget' },
    room_id: '187250792',
  },
};

/** What both `user_info` calls answer: the customer's properties and where they came from. */
export const UserInfoResponseSchema = z
  .strictObject({
    data: z.strictObject({
      extras: z.strictObject({ user_properties: z.array(UserPropertySchema) }),
      first_initiated: TimestampSchema,
      first_agent_response_time: z.string().nullable(),
      user_id: z.string().describe('The customer’s id on the channel.'),
      channel_id: NumericIdSchema,
      is_blocked: z.boolean(),
      channel_name: z.string(),
      channel: ChannelSchema,
      room_id: RoomIdSchema,
    }),
  })
  .openapi('UserInfoResponse', { example: userInfoExample });

const roomParams = z.strictObject({ room_id: RoomIdSchema });
const userInfoPath = '/api/v1/qiscus/room/{room_id}/user_info';
const userInfoFidelity = [
  {
    source: 'CODE-Q',
    fact: 'Path, the user_properties list and the data.extras.user_properties answer, as Qiscus’s n8n node sends and reads them; a POST replaces the whole list.',
  },
  adminAuthFidelity,
  { source: 'INFERRED', fact: 'room_id in the answer, and first_agent_response_time as null.' },
] as const;

/** `GET /api/v1/qiscus/room/{room_id}/user_info`: the customer's additional info. */
export const getUserInfo = defineOperation({
  id: 'getUserInfo',
  method: 'get',
  path: userInfoPath,
  summary: 'Read the customer’s additional info',
  description: 'The properties kept for the room’s customer, as the inbox shows them.',
  tags: ['Admin: rooms'],
  auth: adminApiAuth,
  request: { params: roomParams },
  responses: {
    200: {
      description: 'The customer’s properties.',
      schema: UserInfoResponseSchema,
      examples: { one: { summary: 'One property', value: userInfoExample } },
    },
  },
  errors: ['UNAUTHORIZED', 'VALIDATION_FAILED', 'ROOM_NOT_FOUND'],
  fidelity: userInfoFidelity,
});

/** `POST /api/v1/qiscus/room/{room_id}/user_info`: replace the customer's additional info. */
export const setUserInfo = defineOperation({
  id: 'setUserInfo',
  method: 'post',
  path: userInfoPath,
  summary: 'Write the customer’s additional info',
  description:
    'Replaces the whole list, as Qiscus does: read it first and send it back with your changes to keep the others.',
  tags: ['Admin: rooms'],
  auth: adminApiAuth,
  request: {
    params: roomParams,
    body: {
      required: true,
      description: 'JSON.',
      content: {
        'application/json': {
          schema: SetUserInfoRequestSchema,
          examples: {
            order: {
              summary: 'Note the order id',
              value: { user_properties: [{ key: 'Order ID', value: 'INV-2026-0042' }] },
            },
          },
        },
      },
    },
  },
  responses: {
    200: {
      description: 'The properties now kept.',
      schema: UserInfoResponseSchema,
      examples: { written: { summary: 'Written', value: userInfoExample } },
    },
  },
  errors: ['UNAUTHORIZED', 'ROOM_NOT_FOUND', ...bodyErrorCodes],
  fidelity: userInfoFidelity,
});
