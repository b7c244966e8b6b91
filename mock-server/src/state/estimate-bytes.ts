/**
 * About what a JSON-like value costs on the heap, in bytes: each string by its length, each
 * object, array and property by a fixed cost. Found by walking the value, so nothing is written
 * out to measure it: writing a 1 MB `custom` payload out as JSON only to take its length left a
 * megabyte string behind per message, and undercounted what the parsed value really holds (about
 * one and a half times its JSON: each small object is a few dozen bytes, issue 15).
 */
export function estimateBytes(value: unknown): number {
  let total = 0;
  // A stack, not recursion: a value nested deep cannot overflow it.
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const next = pending.pop();
    if (typeof next === 'string') {
      total += 16 + next.length;
    } else if (Array.isArray(next)) {
      total += 16 + 8 * next.length;
      for (const item of next as unknown[]) pending.push(item);
    } else if (typeof next === 'object' && next !== null) {
      total += 24;
      for (const key in next) {
        if (!Object.hasOwn(next, key)) continue;
        total += 8;
        pending.push((next as Record<string, unknown>)[key]);
      }
    } else {
      total += 8;
    }
  }
  return total;
}
