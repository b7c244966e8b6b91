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

function describeBound(
  issue: z.core.$ZodRawIssue<z.core.$ZodIssueTooBig | z.core.$ZodIssueTooSmall>,
) {
  const bound = issue.code === 'too_big' ? issue.maximum : issue.minimum;
  const word = issue.code === 'too_big' ? 'most' : 'least';
  switch (issue.origin) {
    case 'string':
      return issue.code === 'too_small' && Number(bound) === 1
        ? 'cannot be empty'
        : `must be at ${word} ${String(bound)} characters long`;
    case 'array':
    case 'set':
      return `must have at ${word} ${String(bound)} item${Number(bound) === 1 ? '' : 's'}`;
    default: {
      // `.positive()` is a minimum of 0 that 0 itself does not meet: "> 0", not ">= 0".
      const or = issue.inclusive === false ? '' : '=';
      return `must be ${issue.code === 'too_big' ? '<' : '>'}${or} ${String(bound)}`;
    }
  }
}

const formats: Partial<Record<string, string>> = {
  email: 'must be an e-mail address',
  url: 'must be a URL',
  datetime: 'must be an ISO 8601 timestamp such as 2026-11-24T02:10:30Z',
};

/**
 * The messages contract checks give, in one voice: a missing field "is required", a wrong type
 * names what came, bounds and choices are spelled out. A schema's own message wins over these.
 */
export const contractErrorMap: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) {
        return issue.expected === 'nonoptional'
          ? 'is required'
          : `is required (expected ${issue.expected})`;
      }
      return `expected ${issue.expected}, received ${describeReceived(issue.input)}`;
    case 'unrecognized_keys':
      return `unknown field${issue.keys.length > 1 ? 's' : ''}: ${issue.keys.join(', ')}`;
    case 'too_big':
    case 'too_small':
      return describeBound(issue);
    case 'invalid_value':
      if (issue.input === undefined) {
        return `is required (${issue.values.map((value) => JSON.stringify(value)).join(' or ')})`;
      }
      return issue.values.length === 1
        ? `must be ${JSON.stringify(issue.values[0])}`
        : `must be one of ${issue.values.map((value) => JSON.stringify(value)).join(', ')}`;
    case 'invalid_format':
      return formats[issue.format];
    default:
      return undefined;
  }
};
