import { defineOperation } from '../../define-operation.js';
import { bodyErrorCodes } from '../../error-codes.js';
import { NumericIdSchema, RoomIdSchema } from '../../ids.js';
import { z } from '../../zod.js';
import { adminApiAuth, adminAuthFidelity } from './admin-auth.js';
import { RoomIdFieldSchema } from './field-inputs.js';
import { jsonAndFormBody } from './form-content.js';

/** A tag: app-wide, so the same name has the same id in every room. */
export const RoomTagSchema = z
  .strictObject({ id: NumericIdSchema, name: z.string().min(1).max(191) })
  .openapi('RoomTag', { example: { id: 1, name: 'vip' } });
export type RoomTag = z.infer<typeof RoomTagSchema>;

/** The body of `POST /api/v1/room_tag/create`. */
export const CreateRoomTagRequestSchema = z
  .strictObject({
    room_id: RoomIdFieldSchema,
    tag: z.string().trim().min(1, 'must not be empty').max(191),
  })
  .openapi('CreateRoomTagRequest', { example: { room_id: '187250792', tag: 'vip' } });

/** What `GET /api/v1/room_tag/{room_id}` answers. */
export const RoomTagListResponseSchema = z
  .strictObject({ data: z.array(RoomTagSchema) })
  .openapi('RoomTagListResponse', { example: { data: [{ id: 1, name: 'vip' }] } });

/** What `POST /api/v1/room_tag/create` answers: the tag. */
export const RoomTagResponseSchema = z
  .strictObject({ data: RoomTagSchema })
  .openapi('RoomTagResponse', { example: { data: { id: 1, name: 'vip' } } });

const tagFidelity = {
  source: 'CODE-Q',
  fact: 'Paths, room_id and tag, and the data answers, as Qiscus’s n8n node uses them.',
} as const;

/** `GET /api/v1/room_tag/{room_id}`: the room's tags. */
export const getRoomTags = defineOperation({
  id: 'getRoomTags',
  method: 'get',
  path: '/api/v1/room_tag/{room_id}',
  summary: 'List a room’s tags',
  description: 'The tags put on the room, oldest first.',
  tags: ['Admin: rooms'],
  auth: adminApiAuth,
  request: { params: z.strictObject({ room_id: RoomIdSchema }) },
  responses: {
    200: {
      description: 'The room’s tags.',
      schema: RoomTagListResponseSchema,
      examples: { vip: { summary: 'One tag', value: { data: [{ id: 1, name: 'vip' }] } } },
    },
  },
  errors: ['UNAUTHORIZED', 'VALIDATION_FAILED', 'ROOM_NOT_FOUND'],
  fidelity: [tagFidelity, adminAuthFidelity],
});

/** `POST /api/v1/room_tag/create`: tag a room. */
export const createRoomTag = defineOperation({
  id: 'createRoomTag',
  method: 'post',
  path: '/api/v1/room_tag/create',
  summary: 'Tag a room',
  description:
    'Puts the tag on the room (once: tagging again with the same name changes nothing) and answers it with its app-wide id.',
  tags: ['Admin: rooms'],
  auth: adminApiAuth,
  request: {
    body: jsonAndFormBody('JSON, form-encoded or multipart.', CreateRoomTagRequestSchema, {
      vip: { summary: 'Tag the room vip', value: { room_id: '187250792', tag: 'vip' } },
    }),
  },
  responses: {
    200: {
      description: 'The tag.',
      schema: RoomTagResponseSchema,
      examples: { vip: { summary: 'The vip tag', value: { data: { id: 1, name: 'vip' } } } },
    },
  },
  errors: ['UNAUTHORIZED', 'ROOM_NOT_FOUND', ...bodyErrorCodes],
  fidelity: [
    tagFidelity,
    adminAuthFidelity,
    { source: 'INFERRED', fact: 'Tagging twice with one name keeps one tag.' },
  ],
});
