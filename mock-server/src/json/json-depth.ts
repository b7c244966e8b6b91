import { formatIssuePath } from '#contracts';

/**
 * How deep a JSON body may nest (objects and arrays). Deeper values break `JSON.stringify` and
 * every recursive reader after them (issue 15: a `custom` payload 5,000 arrays deep answered 500
 * and then broke every read of the rooms and the traffic), and no real payload comes near it.
 */
export const maxJsonDepth = 64;

/**
 * Whether JSON text nests deeper than `limit`, found by one pass over the characters (strings
 * skipped), without parsing. Text shorter than twice the limit cannot, and is not scanned.
 */
export function jsonTextTooDeep(text: string, limit = maxJsonDepth): boolean {
  if (text.length <= limit * 2) return false;
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i += 1;
      else if (c === 34) inString = false;
    } else if (c === 34) {
      inString = true;
    } else if (c === 91 || c === 123) {
      depth += 1;
      if (depth > limit) return true;
    } else if (c === 93 || c === 125) {
      depth -= 1;
    }
  }
  return false;
}

/**
 * The path of the first value nested deeper than `limit` (e.g. `payload.custom[0][0]…`), or
 * undefined when none is. Walks with its own stack, so a deep value cannot overflow the call stack.
 */
export function findTooDeepPath(value: unknown, limit = maxJsonDepth): string | undefined {
  const stack: { readonly value: unknown; readonly path: readonly PropertyKey[] }[] = [
    { value, path: [] },
  ];
  while (stack.length > 0) {
    const item = stack.pop();
    if (!item || typeof item.value !== 'object' || item.value === null) continue;
    if (item.path.length >= limit) return formatIssuePath(item.path) || '(body)';
    const entries: [PropertyKey, unknown][] = Array.isArray(item.value)
      ? item.value.map((inner, index) => [index, inner])
      : Object.entries(item.value);
    for (let i = entries.length - 1; i >= 0; i -= 1) {
      const [key, inner] = entries[i] as [PropertyKey, unknown];
      if (typeof inner === 'object' && inner !== null) {
        stack.push({ value: inner, path: [...item.path, key] });
      }
    }
  }
  return undefined;
}
