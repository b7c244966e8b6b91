import { FormBooleanSchema } from '../../form-boolean.js';
import type { RoomId } from '../../ids.js';
import { z } from '../../zod.js';

/**
 * A number sent as text or as a number. The union's own message only covers a value of neither
 * type: a string or a number that fails its member's check is refused with that member's
 * message, so each check carries the words.
 */
export function idField<A extends z.ZodType, B extends z.ZodType>(
  members: (message: string) => readonly [A, B],
  message: string,
) {
  return z.union(members(message), {
    // A missing id: the contracts' "is required", which their error map does not give a union.
    error: (issue) => (issue.input === undefined ? 'is required' : message),
  });
}

/**
 * A room id in an admin body: a string in forms and most JSON callers, a number in some JSON
 * callers. Both are taken; an id no room has is answered ROOM_NOT_FOUND.
 */
export const RoomIdFieldSchema = idField(
  (message) => [
    z.string().regex(/^[0-9]{1,19}$/, message),
    z.number().int(message).nonnegative(message),
  ],
  'must be the numeric id of the room, e.g. "187250792"',
)
  .transform((value) => String(value) as RoomId)
  .openapi({ example: '187250792', description: 'The room id, as a string or a number.' });

/** An agent id: a number in JSON, text in a form. */
export const AgentIdFieldSchema = idField(
  (message) => [
    z.number().int(message).nonnegative(message),
    z.string().regex(/^[0-9]{1,19}$/, message),
  ],
  'must be the numeric id of an agent, e.g. 164868',
)
  .transform((value) => Number(value))
  .openapi({ example: 164868, description: 'The agent id, as a number (or digits in a form).' });

/** A yes/no field: a JSON boolean, or "true"/"false" in a form. */
export const BooleanFieldSchema = z
  .union([z.boolean(), FormBooleanSchema])
  .openapi({ example: true, description: 'true or false (text in a form).' });

/** A whole number in the query string, e.g. `limit=20`. */
export const QueryIntSchema = z
  .string()
  .regex(/^[0-9]{1,9}$/, 'must be a whole number such as 20')
  .transform(Number)
  .openapi({ type: 'integer', example: 20 });

/** A page number in the query string, 1 or more. */
export const QueryPageSchema = QueryIntSchema.refine((value) => value >= 1, 'must be 1 or more');
