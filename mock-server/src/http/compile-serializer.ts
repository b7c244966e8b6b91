import type FastJsonStringify from 'fast-json-stringify';
import { createRequire } from 'node:module';
import { z } from '#contracts';

// Required on the first answer compiled, not at start: it brings ajv, which is slow to load.
let fastJsonStringify: typeof FastJsonStringify | undefined;
const requireHere = createRequire(import.meta.url);

/**
 * A serializer compiled from a contract schema: fast-json-stringify over the schema's JSON
 * Schema, as fastify does for response schemas, so a hot route's answer is written without
 * JSON.stringify's walk over an unknown shape. Throws when JSON Schema cannot express the schema.
 */
export function compileContractSerializer(schema: z.ZodType): (value: unknown) => string {
  const jsonSchema = z.toJSONSchema(schema, {
    target: 'draft-7',
    io: 'output',
    unrepresentable: 'throw',
  });
  fastJsonStringify ??= requireHere('fast-json-stringify') as typeof FastJsonStringify;
  return fastJsonStringify(jsonSchema as Parameters<typeof FastJsonStringify>[0]);
}

/** `compileContractSerializer`, or JSON.stringify where the schema cannot be compiled. */
export function compileSerializer(schema: z.ZodType | undefined): (value: unknown) => string {
  if (!schema) return (value) => JSON.stringify(value);
  try {
    return compileContractSerializer(schema);
  } catch {
    return (value) => JSON.stringify(value);
  }
}
