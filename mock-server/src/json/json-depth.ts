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

/** An open array (the index reached) or object (where its current key's text is, quotes included). */
type Frame =
  | { kind: 'array'; index: number }
  | { kind: 'object'; keyStart: number; keyEnd: number; expectKey: boolean };

/** A key's text (quotes included) as the string it spells; '' for an object with no key yet. */
function keyAt(bytes: Buffer, start: number, end: number): string {
  if (end === 0) return '';
  const raw = bytes.toString('utf8', start, end);
  try {
    return JSON.parse(raw) as string;
  } catch {
    return raw.slice(1, -1);
  }
}

/** What one pass over a JSON body's bytes finds, before it is decoded or parsed. */
export interface JsonScan {
  /** The path of the first value nested deeper than the limit; undefined when none is. */
  readonly tooDeepPath: string | undefined;
  /**
   * Where the text ends while something is still open (the body was cut off): inside a string,
   * or with objects or arrays not closed; undefined when it ends closed (or was not scanned to
   * its end, as it is when it nests too deep).
   */
  readonly endsOpen: 'string' | 'nesting' | undefined;
}

/**
 * Scans JSON bytes once, without decoding or parsing them: the path of the first value nested
 * deeper than `limit` (e.g. `payload.custom[0][0]…`), and whether the text ends with a string,
 * an object or an array still open. The structural characters are ASCII, which never occurs
 * inside a multi-byte UTF-8 sequence, so the bytes are read as they are. Parsing 500,000 nested
 * arrays first cost a second and a hundred megabytes per request, and decoding each refused
 * megabyte to a string left it for V8's slowest collections (issue 15).
 */
export function scanJsonBytes(bytes: Buffer, limit = maxJsonDepth): JsonScan {
  const stack: Frame[] = [];
  const length = bytes.length;
  for (let i = 0; i < length; i += 1) {
    const c = bytes[i];
    if (c === 34) {
      const start = i;
      for (i += 1; i < length; i += 1) {
        const inner = bytes[i];
        if (inner === 92) i += 1;
        else if (inner === 34) break;
      }
      if (i >= length) return { tooDeepPath: undefined, endsOpen: 'string' };
      // Only where the key is: decoded when a path is named, not for each of thousands.
      const top = stack[stack.length - 1];
      if (top?.kind === 'object' && top.expectKey) {
        top.keyStart = start;
        top.keyEnd = i + 1;
        top.expectKey = false;
      }
    } else if (c === 91 || c === 123) {
      if (stack.length >= limit) {
        const path = stack.map((frame) =>
          frame.kind === 'array' ? frame.index : keyAt(bytes, frame.keyStart, frame.keyEnd),
        );
        return { tooDeepPath: formatIssuePath(path) || '(body)', endsOpen: undefined };
      }
      stack.push(
        c === 91
          ? { kind: 'array', index: 0 }
          : { kind: 'object', keyStart: 0, keyEnd: 0, expectKey: true },
      );
    } else if (c === 93 || c === 125) {
      stack.pop();
    } else if (c === 44) {
      const top = stack[stack.length - 1];
      if (top?.kind === 'array') top.index += 1;
      else if (top) top.expectKey = true;
    }
  }
  return { tooDeepPath: undefined, endsOpen: stack.length > 0 ? 'nesting' : undefined };
}
