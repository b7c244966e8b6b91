import { contractErrorMap } from './contract-error-map.js';
import type { ErrorDetail } from './error-envelope.js';
import { knownFieldsAt, suggestField, withoutFields } from './unknown-fields.js';
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

const noWarnings: readonly ErrorDetail[] = Object.freeze([]);

/** What to do with fields the contract does not know. */
export interface CheckOptions {
  /**
   * `refuse` (the default): an unknown field is a problem. `warn`: it is accepted, left out of
   * the value, and reported as a warning with a "did you mean" hint, as the real API (which
   * ignores unknown fields) would take it.
   */
  readonly unknownFields?: 'refuse' | 'warn';
}

/** The outcome of checking a value against a contract schema. */
export type ContractCheck<T> =
  | { readonly ok: true; readonly value: T; readonly warnings: readonly ErrorDetail[] }
  | {
      readonly ok: false;
      readonly problems: readonly ErrorDetail[];
      readonly warnings: readonly ErrorDetail[];
    };

/** One detail per unknown field, with a "did you mean" when a known field is close. */
function unknownFieldDetails(
  schema: z.ZodType,
  input: unknown,
  issues: readonly z.core.$ZodIssueUnrecognizedKeys[],
  otherwise: string,
): ErrorDetail[] {
  return issues.flatMap((issue) => {
    const known = knownFieldsAt(schema, issue.path, input);
    return issue.keys.map((key) => {
      const suggestion = suggestField(key, known);
      return {
        path: formatIssuePath([...issue.path, key]),
        message: suggestion
          ? `is not a field of this object; did you mean "${suggestion}"?`
          : `is not a field of this object${otherwise}`,
      };
    });
  });
}

function isUnknownFields(issue: z.core.$ZodIssue): issue is z.core.$ZodIssueUnrecognizedKeys {
  return issue.code === 'unrecognized_keys';
}

/**
 * Checks a value against a contract schema and, when it does not fit, lists every problem with
 * the path of the field it is about.
 */
export function checkContract<S extends z.ZodType>(
  schema: S,
  input: unknown,
  options: CheckOptions = {},
): ContractCheck<z.output<S>> {
  // Most values fit: check them without the error map, which makes zod measurably slower, and
  // parse again with it only to word the problems.
  const fast = schema.safeParse(input);
  if (fast.success) return { ok: true, value: fast.data, warnings: noWarnings };
  const result = schema.safeParse(input, { error: contractErrorMap });
  if (result.success) return { ok: true, value: result.data, warnings: noWarnings };
  const unknown = result.error.issues.filter(isUnknownFields);
  if (options.unknownFields !== 'warn') {
    // In zod's order, unknown fields with a "did you mean" where one is close.
    const problems = result.error.issues.flatMap((issue) =>
      isUnknownFields(issue)
        ? unknownFieldDetails(schema, input, [issue], '')
        : toErrorDetails([issue]),
    );
    return { ok: false, problems, warnings: [] };
  }
  const warnings = unknownFieldDetails(schema, input, unknown, '; it is ignored');
  const others = result.error.issues.filter((issue) => !isUnknownFields(issue));
  if (others.length > 0) return { ok: false, problems: toErrorDetails(others), warnings };
  const stripped = withoutFields(
    input,
    unknown.flatMap((issue) => issue.keys.map((key) => [...issue.path, key])),
  );
  const retry = schema.safeParse(stripped, { error: contractErrorMap });
  return retry.success
    ? { ok: true, value: retry.data, warnings }
    : { ok: false, problems: toErrorDetails(retry.error.issues), warnings };
}
