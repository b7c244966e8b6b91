import fc from 'fast-check';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Strings a careless or hostile client sends: lone surrogates, NUL, RTL marks, emoji, long text. */
const oddString = fc.oneof(
  { weight: 4, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  {
    weight: 4,
    arbitrary: fc.constantFrom(
      '\ud800',
      'a\udfffb',
      '\u0000',
      'nul\u0000inside',
      '\u202eevil\u202c',
      '\u200f\u05e9\u05dc\u05d5\u05dd',
      '\ufeff',
      '👍🏽‍',
      '',
      ' ',
      '__proto__',
      'constructor',
    ),
  },
  {
    weight: 1,
    arbitrary: fc.integer({ min: 10_000, max: 100_000 }).map((size) => 'x'.repeat(size)),
  },
);

/** A string a careless or hostile client sends, for a field, a path or a query parameter. */
export const hostileString: fc.Arbitrary<string> = oddString;

/**
 * A value nested `depth` levels deep, as a marker that `toJsonText` expands: built as a value, it
 * made every later mutation walk thousands of levels, which cost seconds per thousand bodies.
 */
function deepMarker(kind: 'array' | 'object', depth: number): string {
  return `\u0001deep:${kind}:${depth}\u0001`;
}

const deepMarkerInJson = /"\\u0001deep:(array|object):([0-9]+)\\u0001"/g;

/** The JSON text of a hostile body, its deep-nesting markers expanded. */
export function toJsonText(body: unknown): string {
  return JSON.stringify(body).replace(deepMarkerInJson, (_, kind: string, depth: string) => {
    const levels = Number(depth);
    return kind === 'array'
      ? `${'['.repeat(levels)}${']'.repeat(levels)}`
      : `${'{"nested":'.repeat(levels)}"leaf"${'}'.repeat(levels)}`;
  });
}

/** A value of any JSON type, to put where another type belongs. */
const wrongValue: fc.Arbitrary<Json> = fc.oneof(
  oddString,
  fc.constantFrom<Json>(null, true, false, 0, -1, 1e308, 3.5, [], {}, [null], { a: 1 }),
  fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<Json>,
  fc.integer({ min: 60, max: 2_000 }).map((depth) => deepMarker('array', depth)),
  fc.integer({ min: 60, max: 300 }).map((depth) => deepMarker('object', depth)),
);

/** Every path to a value inside `value`, the root (`[]`) included. */
function pathsOf(value: Json, prefix: (string | number)[] = []): (string | number)[][] {
  const paths = [prefix];
  if (Array.isArray(value)) {
    value.forEach((item, index) => paths.push(...pathsOf(item, [...prefix, index])));
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) paths.push(...pathsOf(item, [...prefix, key]));
  }
  return paths;
}

type Mutation =
  | { kind: 'replace'; value: Json }
  | { kind: 'delete' }
  | { kind: 'extra'; key: string; value: Json };

function mutateAt(value: Json, path: (string | number)[], mutation: Mutation): Json {
  if (path.length === 0) {
    if (mutation.kind === 'replace') return mutation.value;
    if (mutation.kind === 'extra' && value !== null && typeof value === 'object') {
      return Array.isArray(value)
        ? [...value, mutation.value]
        : { ...value, [mutation.key]: mutation.value };
    }
    return value;
  }
  const [head, ...rest] = path as [string | number, ...(string | number)[]];
  if (Array.isArray(value)) {
    const copy = [...value];
    if (rest.length === 0 && mutation.kind === 'delete') copy.splice(Number(head), 1);
    else copy[Number(head)] = mutateAt(copy[Number(head)] ?? null, rest, mutation);
    return copy;
  }
  if (value === null || typeof value !== 'object') return value;
  if (rest.length === 0 && mutation.kind === 'delete') {
    return Object.fromEntries(Object.entries(value).filter(([key]) => key !== String(head)));
  }
  return { ...value, [head]: mutateAt(value[head] ?? null, rest, mutation) };
}

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 4, arbitrary: wrongValue.map((value) => ({ kind: 'replace' as const, value })) },
  { weight: 2, arbitrary: fc.constant({ kind: 'delete' as const }) },
  {
    weight: 2,
    arbitrary: fc
      .record({
        key: fc.oneof(oddString, fc.constantFrom('__proto__', 'extra')),
        value: wrongValue,
      })
      .map(({ key, value }) => ({ kind: 'extra' as const, key, value })),
  },
);

/**
 * A body built from one of a contract's examples, then mutated one to three times: a field
 * given the wrong type, nested far too deep, a huge or odd string, a field dropped or added.
 * Now and then an example as it is, so some requests are accepted and change the state.
 */
export function hostileBody(examples: readonly unknown[]): fc.Arbitrary<Json> {
  return fc.constantFrom(...(examples as Json[])).chain((example) =>
    fc.oneof(
      { weight: 1, arbitrary: fc.constant(example) },
      {
        weight: 40,
        arbitrary: fc
          .array(fc.tuple(fc.nat(), mutation), { minLength: 1, maxLength: 3 })
          .map((steps) =>
            steps.reduce<Json>((body, [pick, step]) => {
              const paths = pathsOf(body);
              return mutateAt(body, paths[pick % paths.length] ?? [], step);
            }, example),
          ),
      },
    ),
  );
}
