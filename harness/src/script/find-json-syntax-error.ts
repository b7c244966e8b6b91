/** Where a text stops being JSON (an offset into it), and what was expected there. */
export interface JsonSyntaxError {
  readonly offset: number;
  readonly message: string;
}

const whitespace = new Set([' ', '\t', '\n', '\r']);
const literals = ['true', 'false', 'null'] as const;
const numberPattern = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const escapePattern = /\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4})/y;

class Failure extends Error {
  constructor(
    readonly offset: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The first place a text breaks JSON's grammar (RFC 8259), or null when it is JSON. The yaml
 * parser reads `.json` scripts for their positions, but YAML also takes what JSON refuses (a
 * trailing comma, a comment, a bare word), and JSON.parse does not say where in Node 20.
 */
export function findJsonSyntaxError(text: string): JsonSyntaxError | null {
  let at = 0;
  const describe = (): string =>
    at >= text.length ? 'the end of the file' : `\`${text[at] ?? ''}\``;
  const skip = (): void => {
    while (at < text.length && whitespace.has(text[at] ?? '')) at += 1;
  };
  const fail = (expected: string): never => {
    throw new Failure(at, `found ${describe()}, expected ${expected}`);
  };
  const expect = (character: string, expected: string): void => {
    skip();
    if (text[at] !== character) fail(expected);
    at += 1;
  };
  const readString = (): void => {
    at += 1;
    for (;;) {
      const character = text[at];
      if (character === undefined) fail('the closing `"` of the string');
      if (character === '"') break;
      if (character === '\\') {
        escapePattern.lastIndex = at;
        if (!escapePattern.test(text)) fail('an escape such as \\n, \\" or \\u00e9');
        at = escapePattern.lastIndex;
        continue;
      }
      if ((character ?? '').charCodeAt(0) < 0x20)
        fail('an escape such as \\n instead of a raw control character');
      at += 1;
    }
    at += 1;
  };
  const readValue = (): void => {
    skip();
    const character = text[at];
    if (character === '{') {
      readObject();
      return;
    }
    if (character === '[') {
      readArray();
      return;
    }
    if (character === '"') {
      readString();
      return;
    }
    numberPattern.lastIndex = at;
    if (numberPattern.test(text)) {
      at = numberPattern.lastIndex;
      return;
    }
    const literal = literals.find((word) => text.startsWith(word, at));
    if (literal === undefined)
      fail('a value (a string in double quotes, a number, `{`, `[`, true, false or null)');
    at += literal?.length ?? 0;
  };
  const readObject = (): void => {
    at += 1;
    skip();
    if (text[at] === '}') {
      at += 1;
      return;
    }
    for (let first = true; ; first = false) {
      skip();
      if (text[at] !== '"') {
        fail(
          first
            ? 'a key in double quotes'
            : 'a key in double quotes (no comma after the last member)',
        );
      }
      readString();
      expect(':', '`:` after the key');
      readValue();
      skip();
      if (text[at] === '}') break;
      expect(',', '`,` or `}`');
    }
    at += 1;
  };
  const readArray = (): void => {
    at += 1;
    skip();
    if (text[at] === ']') {
      at += 1;
      return;
    }
    for (;;) {
      skip();
      if (text[at] === ']') fail('a value (no comma after the last item)');
      readValue();
      skip();
      if (text[at] === ']') break;
      expect(',', '`,` or `]`');
    }
    at += 1;
  };
  try {
    // A byte-order mark is not JSON, but editors write it and JSON readers skip it.
    if (text.startsWith('\uFEFF')) at = 1;
    readValue();
    skip();
    if (at < text.length) fail('nothing after the value: one JSON value per file');
    return null;
  } catch (error) {
    if (error instanceof Failure) return { offset: error.offset, message: error.message };
    throw error;
  }
}
