import { channelAliases, formatIssuePath, suggestField, type z } from '#contracts';

/** One problem of a script file: where (a path in the document), and what is wrong. */
export interface ScriptProblem {
  readonly path: readonly PropertyKey[];
  /** Point at the key itself rather than its value (an unknown field). */
  readonly atKey: boolean;
  readonly message: string;
}

/** How a value reads in a message: `a number`, `a list`, `"whatsapp"` … */
function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'nothing (an empty value)';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `the text ${JSON.stringify(value)}`;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') {
    return `the ${typeof value} ${String(value)}`;
  }
  return `a ${typeof value}`;
}

const typeWords: Readonly<Record<string, string>> = {
  string: 'a text',
  number: 'a number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a mapping',
  record: 'a mapping',
};

/** The value at `path` inside `root`, if there is one. */
function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let current = root;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

/**
 * Turns a zod issue of a script into problems a person can act on, each with its path: what is
 * wrong and what was expected, with a "did you mean" for a mistyped field or value.
 */
export function describeIssue(
  issue: z.core.$ZodIssue,
  root: unknown,
  knownFields: (path: readonly PropertyKey[]) => readonly string[],
): ScriptProblem[] {
  const path = issue.path;
  const value = valueAt(root, path);
  const at = (message: string): ScriptProblem[] => [{ path, atKey: false, message }];
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((key) => {
        const custom = !issue.message.startsWith('Unrecognized key');
        const known = knownFields(path);
        const close = suggestField(key, known);
        const message = custom
          ? issue.message
          : close
            ? `is not a field here; did you mean "${close}"?`
            : `is not a field here: the fields are ${known.join(', ')}`;
        return { path: [...path, key], atKey: true, message };
      });
    case 'invalid_type': {
      const expected = typeWords[issue.expected] ?? issue.expected;
      if (value === undefined) return at(`is required (${expected})`);
      const quote =
        issue.expected === 'string' && (typeof value === 'number' || typeof value === 'boolean')
          ? `; put it in quotes: "${String(value)}"`
          : '';
      return at(`must be ${expected}, not ${describeValue(value)}${quote}`);
    }
    case 'invalid_value': {
      const options = issue.values.map(String);
      if (value === undefined) return at(`is required: one of ${options.join(', ')}`);
      const named = typeof value === 'string' ? channelAliases[value.toLowerCase()] : undefined;
      const close =
        named !== undefined && options.includes(named)
          ? named
          : typeof value === 'string'
            ? suggestField(value, options)
            : undefined;
      const hint = close ? `; did you mean "${close}"?` : '';
      return at(`must be one of ${options.join(', ')}, not ${describeValue(value)}${hint}`);
    }
    case 'too_small':
      if (issue.origin === 'array') {
        return at(
          issue.minimum === 1
            ? 'must not be empty: list at least one'
            : `must list at least ${String(issue.minimum)}`,
        );
      }
      if (issue.origin === 'string') return at('must not be empty');
      return at(`must be at least ${String(issue.minimum)}`);
    case 'too_big':
      if (issue.origin === 'string')
        return at(`is too long: at most ${String(issue.maximum)} characters`);
      return at(`must be at most ${String(issue.maximum)}`);
    default:
      return at(issue.message);
  }
}

/** A problem's path as a person reads it: `steps[1].bot.text`. */
export function formatProblemPath(path: readonly PropertyKey[]): string {
  return formatIssuePath(path);
}
