import { isJsonObject } from './is-json-object.js';
import { decodedSchemaOf } from './json-string.js';
import type { z } from './zod.js';

type Schema = z.core.$ZodType;

/** The schema that describes a value, through wrappers and, for unions, by the value's discriminator. */
function unwrap(schema: Schema, value: unknown): Schema[] {
  const def = schema._zod.def as z.core.$ZodTypeDef & Record<string, unknown>;
  switch (def.type) {
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'nonoptional':
    case 'catch':
      return unwrap(def.innerType as Schema, value);
    case 'pipe':
      return unwrap(def.in as Schema, value);
    case 'lazy':
      return unwrap((def.getter as () => Schema)(), value);
    case 'union': {
      const options = def.options as Schema[];
      const discriminator = def.discriminator as string | undefined;
      if (discriminator !== undefined && isJsonObject(value)) {
        const chosen = options.filter((option) =>
          option._zod.propValues?.[discriminator]?.has(value[discriminator] as never),
        );
        if (chosen.length > 0) return chosen.flatMap((option) => unwrap(option, value));
      }
      return options.flatMap((option) => unwrap(option, value));
    }
    default:
      return [schema];
  }
}

interface Located {
  readonly schema: Schema;
  readonly value: unknown;
}

/** What describes a value: its unwrapped schemas, looking inside JSON strings such as `room.options`. */
function describe({ schema, value }: Located): Located[] {
  return unwrap(schema, value).flatMap((inner) => {
    const decoded = decodedSchemaOf(inner);
    if (decoded === undefined || typeof value !== 'string') return [{ schema: inner, value }];
    try {
      return describe({ schema: decoded, value: JSON.parse(value) as unknown });
    } catch {
      return [];
    }
  });
}

/** The schemas that describe the value at `path` below `root`. */
function schemasAt(root: Schema, path: readonly PropertyKey[], input: unknown): Located[] {
  let current: Located[] = describe({ schema: root, value: input });
  for (const key of path) {
    current = current.flatMap(({ schema, value }) => {
      const def = schema._zod.def as z.core.$ZodTypeDef & Record<string, unknown>;
      const child: unknown =
        isJsonObject(value) || Array.isArray(value) ? (value as never)[key] : undefined;
      let next: Schema | undefined;
      if (def.type === 'object') next = (def.shape as Record<string, Schema>)[String(key)];
      else if (def.type === 'array') next = def.element as Schema;
      else if (def.type === 'record') next = def.valueType as Schema;
      return next ? describe({ schema: next, value: child }) : [];
    });
  }
  return current;
}

/** The field names the contract allows in the object at `path` of `input` (an object's shape, or a record's closed key set). */
export function knownFieldsAt(
  root: Schema,
  path: readonly PropertyKey[],
  input: unknown,
): string[] {
  const names = schemasAt(root, path, input).flatMap(({ schema }) => {
    const def = schema._zod.def as z.core.$ZodTypeDef & Record<string, unknown>;
    if (def.type === 'object') return Object.keys(def.shape as object);
    // A record whose keys are a closed set (an enum, literals): those keys are its fields.
    if (def.type === 'record') {
      const keys = (def.keyType as Schema)._zod.values;
      return keys ? [...keys].filter((key): key is string => typeof key === 'string') : [];
    }
    return [];
  });
  return [...new Set(names)];
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    let diagonal = row[0] ?? 0;
    row[0] = i;
    for (let j = 1; j <= b.length; j += 1) {
      const above = row[j] ?? 0;
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min(above + 1, (row[j - 1] ?? 0) + 1, diagonal + cost);
      diagonal = above;
    }
  }
  return row[b.length] ?? 0;
}

const normalise = (name: string) => name.toLowerCase().replace(/[-_\s]/g, '');

/** The known field an unknown one was probably meant to be: same letters, or a slip of one or two. */
export function suggestField(unknown: string, known: readonly string[]): string | undefined {
  const exact = known.find((name) => normalise(name) === normalise(unknown));
  if (exact) return exact;
  // Short names are too alike to guess between: `c` is not a slip of `a`.
  const length = normalise(unknown).length;
  const limit = length <= 2 ? 0 : length <= 4 ? 1 : 2;
  let best: { name: string; distance: number } | undefined;
  for (const name of known) {
    const distance = editDistance(normalise(unknown), normalise(name));
    if (distance <= limit && (!best || distance < best.distance)) best = { name, distance };
  }
  return best?.name;
}

/** Removes the fields at the given paths from a copy of `input`; a JSON string on the way is decoded and re-encoded. */
export function withoutFields(input: unknown, paths: readonly (readonly PropertyKey[])[]): unknown {
  const copy: unknown = structuredClone(input);
  const remove = (value: unknown, path: readonly PropertyKey[]): unknown => {
    if (typeof value === 'string') {
      try {
        return JSON.stringify(remove(JSON.parse(value), path));
      } catch {
        return value;
      }
    }
    const [head, ...rest] = path;
    if (head === undefined || (!isJsonObject(value) && !Array.isArray(value))) return value;
    const container = value as Record<PropertyKey, unknown>;
    if (rest.length === 0) Reflect.deleteProperty(container, head);
    else container[head] = remove(container[head], rest);
    return value;
  };
  return paths.reduce<unknown>((value, path) => remove(value, path), copy);
}
