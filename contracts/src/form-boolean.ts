import { z } from './zod.js';

/**
 * A boolean sent in a form-encoded body, where every value is text: exactly `true` or `false`.
 * Parsed to a boolean; anything else is refused rather than guessed at.
 */
export const FormBooleanSchema = z
  .enum(['true', 'false'], {
    error: (issue) => (issue.input === undefined ? undefined : 'must be "true" or "false"'),
  })
  .transform((value) => value === 'true')
  .openapi({ type: 'string', enum: ['true', 'false'], example: 'true' });
