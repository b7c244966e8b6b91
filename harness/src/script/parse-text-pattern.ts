/** What an expectation matches a text against: the exact text, or a regular expression. */
export type TextPattern =
  | { readonly kind: 'exact'; readonly text: string }
  | { readonly kind: 'regex'; readonly regex: RegExp };

/** A pattern read from a script, or why it cannot be read. */
export type TextPatternParse =
  | { readonly ok: true; readonly pattern: TextPattern }
  | { readonly ok: false; readonly message: string };

const regexLiteral = /^\/(.+)\/([a-z]*)$/s;

/**
 * Reads an expected text: `/pattern/flags` is a regular expression (as in JavaScript), anything
 * else is the exact text. A text that starts and ends with `/` is always read as a pattern; to
 * match such a text exactly, escape it as a pattern (`/^\/start\/$/`).
 */
export function parseTextPattern(input: string): TextPatternParse {
  const match = regexLiteral.exec(input);
  if (!match) return { ok: true, pattern: { kind: 'exact', text: input } };
  const [, source = '', flags = ''] = match;
  try {
    return { ok: true, pattern: { kind: 'regex', regex: new RegExp(source, flags) } };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // V8 says "Invalid regular expression: /[a/: Unterminated character class".
    const reason = (message.split(': ').at(-1) ?? message).toLowerCase();
    return {
      ok: false,
      message: `is not a valid regular expression (${reason}): write /pattern/flags (flags among d, g, i, m, s, u, v, y), or the exact text`,
    };
  }
}

/** Whether a text matches the pattern. */
export function matchesPattern(pattern: TextPattern, text: string): boolean {
  if (pattern.kind === 'exact') return pattern.text === text;
  pattern.regex.lastIndex = 0;
  return pattern.regex.test(text);
}

/** The pattern as the script wrote it: `"Hi"` or `/welcome/i`. */
export function describePattern(pattern: TextPattern): string {
  return pattern.kind === 'exact' ? JSON.stringify(pattern.text) : String(pattern.regex);
}
