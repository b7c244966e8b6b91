import { contractErrorMap } from './contract-error-map.js';
import { z } from './zod.js';

const decodedSchemas = new WeakMap<z.core.$ZodType, z.ZodType>();

/**
 * A string that holds JSON, checked twice: it must parse, and what it decodes to must fit
 * `inner`. A problem inside is reported at its path below the string's own.
 */
export function jsonStringOf(
  inner: z.ZodType,
  names: {
    /** The component `inner` is registered under in the OpenAPI document. */
    readonly component: string;
    /** What the JSON holds, for messages: "the room options". */
    readonly what: string;
    /** A realistic value. */
    readonly example: string;
  },
) {
  const schema = z
    .string()
    .superRefine((text, ctx) => {
      let decoded: unknown;
      try {
        decoded = JSON.parse(text);
      } catch (error) {
        ctx.addIssue({
          code: 'custom',
          message: `must be a JSON string of ${names.what}; it does not parse (${(error as Error).message})`,
        });
        return;
      }
      const result = inner.safeParse(decoded, { error: contractErrorMap });
      if (result.success) return;
      for (const issue of result.error.issues) {
        // Unknown fields keep their code, so a caller may take them as warnings.
        if (issue.code === 'unrecognized_keys') {
          ctx.addIssue({ code: 'unrecognized_keys', keys: issue.keys, path: issue.path });
        } else ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
      }
    })
    .openapi({
      example: names.example,
      description: `The ${names.what.replace(/^the /, '')} as a JSON-encoded string (decoded: ${names.component}).`,
      contentMediaType: 'application/json',
      contentSchema: { $ref: `#/components/schemas/${names.component}` },
    } as Record<string, unknown>);
  // Set last: `.openapi()` returns a new schema, and this one is what callers hold.
  decodedSchemas.set(schema, inner);
  return schema;
}

/** The schema a JSON string made by `jsonStringOf` decodes to. */
export function decodedSchemaOf(schema: z.core.$ZodType): z.ZodType | undefined {
  return decodedSchemas.get(schema);
}
