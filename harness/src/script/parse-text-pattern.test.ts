import { expect, it } from 'vitest';
import {
  describePattern,
  matchesPattern,
  parseTextPattern,
  type TextPattern,
} from './parse-text-pattern.js';

function pattern(input: string): TextPattern {
  const parsed = parseTextPattern(input);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.pattern;
}

it('reads /pattern/flags as a regular expression and anything else as the exact text', () => {
  expect(matchesPattern(pattern('/welcome/i'), 'Welcome back!')).toBe(true);
  expect(matchesPattern(pattern('/^Hi$/'), 'Hi there')).toBe(false);
  expect(matchesPattern(pattern('Hi'), 'Hi')).toBe(true);
  expect(matchesPattern(pattern('Hi'), 'Hi there')).toBe(false);
  expect(matchesPattern(pattern('/start'), '/start')).toBe(true);
  expect(describePattern(pattern('/welcome/i'))).toBe('/welcome/i');
  expect(describePattern(pattern('Hi'))).toBe('"Hi"');
});

it('matches a global pattern the same way every time', () => {
  const global = pattern('/hi/g');
  expect([matchesPattern(global, 'hi'), matchesPattern(global, 'hi')]).toEqual([true, true]);
});

it('says why a regular expression is invalid and how to write one', () => {
  expect(parseTextPattern('/[a/')).toMatchInlineSnapshot(`
    {
      "message": "is not a valid regular expression (unterminated character class): write /pattern/flags (flags among d, g, i, m, s, u, v, y), or the exact text",
      "ok": false,
    }
  `);
  expect(parseTextPattern('/a/x').ok).toBe(false);
});
