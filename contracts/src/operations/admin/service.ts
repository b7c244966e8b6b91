import { NumericIdSchema, RoomIdSchema, TimestampSchema } from '../../ids.js';
import { z } from '../../zod.js';

/** A realistic service: one customer session of a room, here resolved. */
export const serviceExample = {
  id: 115830865,
  app_id: 1,
  room_id: '187250792',
  room_log_id: 187250792,
  user_id: 1,
  notes: 'Invoice resent.',
  is_resolved: true,
  resolved_at: '2026-11-24T02:15:00Z',
  first_comment_id: '2487134935',
  last_comment_id: '2487134940',
  retrieved_at: '2026-11-24T02:10:31Z',
  created_at: '2026-11-24T02:10:30Z',
  updated_at: '2026-11-24T02:15:00Z',
};

/**
 * A service: Qiscus's record of one session of a room, from the customer's first message until
 * it is resolved. Comment ids are strings, as in the captured answers.
 */
export const ServiceSchema = z
  .strictObject({
    id: NumericIdSchema,
    app_id: NumericIdSchema,
    room_id: RoomIdSchema,
    room_log_id: NumericIdSchema,
    user_id: NumericIdSchema.describe('The customer’s numeric user id.'),
    notes: z.string().nullable(),
    is_resolved: z.boolean(),
    resolved_at: TimestampSchema.nullable(),
    first_comment_id: z.string().describe('The session’s first message, as a string.'),
    last_comment_id: z.string().describe('The latest message, as a string.'),
    retrieved_at: TimestampSchema.nullable(),
    created_at: TimestampSchema,
    updated_at: TimestampSchema,
  })
  .openapi('Service', { example: serviceExample });
export type Service = z.infer<typeof ServiceSchema>;
