import type { z } from './zod.js';

function describeReceived(input: unknown): string {
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'an array';
  if (typeof input === 'string') return `the string ${JSON.stringify(input.slice(0, 40))}`;
  if (typeof input === 'number' || typeof input === 'boolean' || typeof input === 'bigint') {
    return `${typeof input} ${String(input)}`;
  }
  return typeof input === 'object' ? 'an object' : typeof input;
}

/**
 * The messages contract checks give: a missing field says "is required", a wrong type names what
 * came, and everything else keeps the schema's own message.
 */
export const contractErrorMap: z.core.$ZodErrorMap = (issue) => {
  if (issue.code === 'invalid_type') {
    if (issue.input === undefined) {
      return issue.expected === 'nonoptional'
        ? 'is required'
        : `is required (expected ${issue.expected})`;
    }
    return `expected ${issue.expected}, received ${describeReceived(issue.input)}`;
  }
  if (issue.code === 'unrecognized_keys') {
    return `unknown field${issue.keys.length > 1 ? 's' : ''}: ${issue.keys.join(', ')}`;
  }
  return undefined;
};
