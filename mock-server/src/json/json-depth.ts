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

type Frame = { kind: 'array'; index: number } | { kind: 'object'; key: string; expectKey: boolean };

/**
 * The path of the first value nested deeper than `limit` (e.g. `payload.custom[0][0]…`), or
 * undefined when none is, read from the JSON text in one pass, before it is parsed: parsing
 * 500,000 nested arrays first cost a second and a hundred megabytes per request (issue 15).
 */
export function findTooDeepPath(text: string, limit = maxJsonDepth): string | undefined {
  if (text.length <= limit * 2) return undefined;
  const stack: Frame[] = [];
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c === 34) {
      const start = i;
      for (i += 1; i < text.length; i += 1) {
        const inner = text.charCodeAt(i);
        if (inner === 92) i += 1;
        else if (inner === 34) break;
      }
      const top = stack.at(-1);
      if (top?.kind === 'object' && top.expectKey) {
        const raw = text.slice(start, i + 1);
        try {
          top.key = JSON.parse(raw) as string;
        } catch {
          top.key = raw.slice(1, -1);
        }
        top.expectKey = false;
      }
    } else if (c === 91 || c === 123) {
      if (stack.length >= limit) {
        const path = stack.map((frame) => (frame.kind === 'array' ? frame.index : frame.key));
        return formatIssuePath(path) || '(body)';
      }
      stack.push(
        c === 91 ? { kind: 'array', index: 0 } : { kind: 'object', key: '', expectKey: true },
      );
    } else if (c === 93 || c === 125) {
      stack.pop();
    } else if (c === 44) {
      const top = stack.at(-1);
      if (top?.kind === 'array') top.index += 1;
      else if (top) top.expectKey = true;
    }
  }
  return undefined;
}
