import { contractErrorMap } from './contract-error-map.js';
import type { ErrorDetail } from './error-envelope.js';
import type { z } from './zod.js';

/** Writes a zod issue path the way a person reads it: `payload.buttons[0].label`. */
export function formatIssuePath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}

/** Turns zod issues into error details, one per problem, each naming its field path. */
export function toErrorDetails(issues: readonly z.core.$ZodIssue[]): ErrorDetail[] {
  return issues.flatMap((issue) => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        path: formatIssuePath([...issue.path, key]),
        message: 'is not a field of this object',
      }));
    }
    return [{ path: formatIssuePath(issue.path), message: issue.message }];
  });
}

/** The outcome of checking a value against a contract schema. */
export type ContractCheck<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly problems: readonly ErrorDetail[] };

/**
 * Checks a value against a contract schema and, when it does not fit, lists every problem with
 * the path of the field it is about.
 */
export function checkContract<S extends z.ZodType>(
  schema: S,
  input: unknown,
): ContractCheck<z.output<S>> {
  const result = schema.safeParse(input, { error: contractErrorMap });
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, problems: toErrorDetails(result.error.issues) };
}
