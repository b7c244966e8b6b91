/** One field where two values differ. */
export interface FieldDiff {
  /** `request.body.message`, `request.body.payload.buttons[1].label`; '' for the whole value. */
  readonly path: string;
  readonly expected: unknown;
  readonly actual: unknown;
}

/** Marks a value that is not there (a missing field or exchange). */
export const absent = Symbol('absent');

function join(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  return path === '' ? key : `${path}.${key}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Every field where `actual` differs from `expected`, depth first. `same` may decide that two
 * leaves are equal (a scrubbed stand-in bound to the value it stands for).
 */
export function diffValues(
  expected: unknown,
  actual: unknown,
  same: (expected: unknown, actual: unknown) => boolean = Object.is,
  path = '',
): FieldDiff[] {
  if (Array.isArray(expected) && Array.isArray(actual)) {
    const out: FieldDiff[] = [];
    for (let i = 0; i < Math.max(expected.length, actual.length); i += 1) {
      out.push(
        ...diffValues(
          i < expected.length ? expected[i] : absent,
          i < actual.length ? actual[i] : absent,
          same,
          join(path, i),
        ),
      );
    }
    return out;
  }
  if (isRecord(expected) && isRecord(actual)) {
    const keys = [...new Set([...Object.keys(expected), ...Object.keys(actual)])];
    return keys.flatMap((key) =>
      diffValues(
        Object.hasOwn(expected, key) ? expected[key] : absent,
        Object.hasOwn(actual, key) ? actual[key] : absent,
        same,
        join(path, key),
      ),
    );
  }
  if (Object.is(expected, actual) || same(expected, actual)) return [];
  return [{ path, expected, actual }];
}

/** A value as a diff shows it: JSON, or "(nothing)" for a value that is not there. */
export function showValue(value: unknown): string {
  if (value === absent || value === undefined) return '(nothing)';
  return JSON.stringify(value);
}
