import { expect, it } from 'vitest';
import { checkContract, formatIssuePath } from './contract-issues.js';
import { z } from './zod.js';

it('writes issue paths as a person reads them', () => {
  expect(formatIssuePath(['payload', 'buttons', 0, 'label'])).toBe('payload.buttons[0].label');
  expect(formatIssuePath([2, 'x'])).toBe('[2].x');
  expect(formatIssuePath([])).toBe('');
});

it('says a missing field is required and names what a wrong one received', () => {
  const schema = z.strictObject({ name: z.string(), age: z.number(), tags: z.array(z.string()) });
  expect(checkContract(schema, { age: 'old', tags: 'a', extra: true, more: 1 })).toEqual({
    ok: false,
    problems: [
      { path: 'name', message: 'is required (expected string)' },
      { path: 'age', message: 'expected number, received the string "old"' },
      { path: 'tags', message: 'expected array, received the string "a"' },
      { path: 'extra', message: 'is not a field of this object' },
      { path: 'more', message: 'is not a field of this object' },
    ],
    warnings: [],
  });
});

it('returns the parsed value when the input fits', () => {
  const schema = z.strictObject({ n: z.number().default(3) });
  expect(checkContract(schema, {})).toEqual({ ok: true, value: { n: 3 }, warnings: [] });
});
