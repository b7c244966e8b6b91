import { ErrorDetailSchema } from '../error-envelope.js';
import { z } from '../zod.js';

/**
 * An error of the mock's own `/_mock` API, as RFC 9457 problem details
 * (`application/problem+json`), with a stable `code` and the field path of every problem.
 */
export const ProblemSchema = z
  .strictObject({
    type: z
      .string()
      .describe('A URN naming the kind of problem, e.g. `urn:qiscus-mock:room-not-found`.'),
    title: z.string().min(1).describe('The kind of problem, the same for every occurrence.'),
    status: z.number().int().min(400).max(599),
    detail: z.string().min(1).describe('What went wrong this time, and how to fix it.'),
    code: z
      .string()
      .regex(/^MOCK_ERR_[A-Z_]+$/)
      .describe('A stable code; the README lists every one.'),
    errors: z.array(ErrorDetailSchema).max(20).optional(),
  })
  .openapi('Problem', {
    example: {
      type: 'urn:qiscus-mock:room-not-found',
      title: 'Room not found',
      status: 404,
      detail: 'No room has the id "999". GET /_mock/rooms lists the rooms there are.',
      code: 'MOCK_ERR_ROOM_NOT_FOUND',
    },
  });
export type Problem = z.infer<typeof ProblemSchema>;
