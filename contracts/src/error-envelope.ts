import { errorCodes } from './error-codes.js';
import { z } from './zod.js';

/** A stable error code of the Qiscus surface; see `errorCodes` for when each is used. */
export const ErrorCodeSchema = z
  .enum(Object.keys(errorCodes) as [keyof typeof errorCodes, ...(keyof typeof errorCodes)[]])
  .openapi('ErrorCode', { example: 'MESSAGE_TYPE_NOT_SUPPORTED' });
export type ErrorCode = z.infer<typeof ErrorCodeSchema>;

/** One problem in a refused request: where (a field path such as `payload.buttons[0].label`) and what. */
export const ErrorDetailSchema = z
  .strictObject({
    path: z
      .string()
      .describe('Where the problem is, e.g. `payload.buttons[0].label`; empty for the whole body.'),
    message: z.string().min(1).describe('What is wrong there, and how to fix it.'),
  })
  .openapi('ErrorDetail', {
    example: { path: 'payload.buttons[0].label', message: 'is required (expected string)' },
  });
export type ErrorDetail = z.infer<typeof ErrorDetailSchema>;

/** The most details one error lists; the message says how many more there were. */
export const maxErrorDetails = 20;

/**
 * The error body: the `{ "errors": { "message" } }` envelope Qiscus's Omnichannel API uses,
 * extended inside `errors` with a stable `code` and the `details` of every problem.
 */
export const ErrorEnvelopeSchema = z
  .strictObject({
    status: z
      .number()
      .int()
      .min(400)
      .max(599)
      .describe('The HTTP status, repeated; it is the status of errors.code.'),
    errors: z.strictObject({
      message: z.string().min(1).describe('One line a person can act on.'),
      code: ErrorCodeSchema,
      details: z.array(ErrorDetailSchema).max(maxErrorDetails),
    }),
  })
  .superRefine((envelope, ctx) => {
    const expected = errorCodes[envelope.errors.code].status;
    if (envelope.status !== expected) {
      ctx.addIssue({
        code: 'custom',
        path: ['status'],
        message: `must be ${expected} for ${envelope.errors.code}`,
      });
    }
  })
  .openapi('ErrorEnvelope', {
    example: {
      status: 400,
      errors: {
        message:
          'buttons messages are not supported in WhatsApp rooms: send the choices as a text message instead.',
        code: 'MESSAGE_TYPE_NOT_SUPPORTED',
        details: [
          {
            path: 'type',
            message:
              'WhatsApp (wa) refuses buttons; it accepts text, file_attachment, card, custom and location.',
          },
        ],
      },
    },
  });
export type ErrorEnvelope = z.infer<typeof ErrorEnvelopeSchema>;
