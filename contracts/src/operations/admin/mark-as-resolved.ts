import { defineOperation } from '../../define-operation.js';
import { bodyErrorCodes } from '../../error-codes.js';
import { NumericIdSchema, RoomIdSchema } from '../../ids.js';
import { z } from '../../zod.js';
import { adminApiAuth, adminAuthFidelity } from './admin-auth.js';
import { BooleanFieldSchema, idField, RoomIdFieldSchema } from './field-inputs.js';
import { jsonAndFormBody } from './form-content.js';
import { ServiceSchema, serviceExample } from './service.js';

/** The body of `mark_as_resolved`, JSON or form. */
export const MarkAsResolvedRequestSchema = z
  .strictObject({
    room_id: RoomIdFieldSchema,
    last_comment_id: idField(
      (message) => [
        z.string().regex(/^[0-9]{1,19}$/, message),
        z.number().int(message).nonnegative(message),
      ],
      'must be the numeric id of a message, e.g. "2487134940"',
    )
      .optional()
      .describe('The latest message the resolver saw (a string in most callers, a number in one).'),
    notes: z.string().max(10_000).optional(),
    is_send_email: BooleanFieldSchema.optional(),
    extras: z.string().optional().describe('A JSON string; kept as it is.'),
  })
  .openapi('MarkAsResolvedRequest', {
    example: { room_id: '187250792', last_comment_id: '2487134940', notes: 'Invoice resent.' },
  });
export type MarkAsResolvedRequest = z.output<typeof MarkAsResolvedRequestSchema>;

const roomInfoExample = {
  room: {
    room_avatar_url: 'https://latest-multichannel.qiscus.com/img/default_avatar.svg',
    room_channel_id: 963,
    room_id: '187250792',
    room_name: 'Budi',
    room_options:
      '{"channel":"qiscus","channel_details":{"channel_id":963,"name":"Qiscus Mock Widget"},"is_resolved":true,"is_waiting":false,"source":"qiscus"}',
    room_type: 'group',
  },
};

const resolvedExample = { data: { service: serviceExample, room_info: roomInfoExample } };

/** What `mark_as_resolved` answers: the closed session and the room. */
export const MarkAsResolvedResponseSchema = z
  .strictObject({
    data: z.strictObject({
      service: ServiceSchema,
      room_info: z.strictObject({
        room: z.strictObject({
          room_avatar_url: z.string(),
          room_channel_id: NumericIdSchema,
          room_id: RoomIdSchema,
          room_name: z.string(),
          room_options: z.string().describe('A JSON string, as in the bot webhook.'),
          room_type: z.literal('group'),
        }),
      }),
    }),
  })
  .openapi('MarkAsResolvedResponse', { example: resolvedExample });

/** `POST /api/v1/admin/service/mark_as_resolved`: end the room's session. */
export const markAsResolved = defineOperation({
  id: 'markAsResolved',
  method: 'post',
  path: '/api/v1/admin/service/mark_as_resolved',
  summary: 'Resolve a room',
  description:
    'Ends the session as the inbox’s Resolve does: the next customer message opens a new session (the bot has the room again), and the Mark-as-Resolved webhook goes out when one is set.',
  tags: ['Admin: rooms'],
  auth: adminApiAuth,
  request: {
    body: jsonAndFormBody(
      'JSON, form-encoded or multipart.',
      MarkAsResolvedRequestSchema,
      {
        resolve: {
          summary: 'Resolve with the last message seen',
          value: { room_id: '187250792', last_comment_id: '2487134940' },
        },
      },
      {
        resolve: {
          summary: 'Resolve with notes (form)',
          value: { room_id: '187250792', notes: 'Invoice resent.', last_comment_id: '2487134940' },
        },
      },
    ),
  },
  responses: {
    200: {
      description: 'The resolved session and the room.',
      schema: MarkAsResolvedResponseSchema,
      examples: { resolved: { summary: 'The room is resolved', value: resolvedExample } },
    },
  },
  errors: ['UNAUTHORIZED', 'ROOM_NOT_FOUND', ...bodyErrorCodes],
  fidelity: [
    {
      source: 'CODE-Q',
      fact: 'Path, fields and the data.service / data.room_info answer as in Qiscus’s Go client; JSON with string ids and form bodies both seen in third-party bots.',
    },
    adminAuthFidelity,
  ],
});
