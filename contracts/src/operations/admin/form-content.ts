import type { Example } from '../../define-operation.js';
import type { z } from '../../zod.js';

/**
 * A body taken as JSON, form-encoded and multipart, with one schema: the admin endpoints'
 * callers use all three (Qiscus's n8n node sends multipart, PHP and Go bots form-encoded).
 */
export function jsonAndFormBody<const S extends z.ZodType>(
  description: string,
  schema: S,
  examples: Readonly<Record<string, Example>>,
  formExamples: Readonly<Record<string, Example>> = examples,
) {
  return {
    required: true as const,
    description,
    content: {
      'application/json': { schema, examples },
      'application/x-www-form-urlencoded': { schema, examples: formExamples },
      'multipart/form-data': { schema, examples: formExamples },
    },
  };
}
