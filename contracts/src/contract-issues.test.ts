import { expect, it } from 'vitest';
import { checkContract, formatIssuePath } from './contract-issues.js';
import { suggestField } from './unknown-fields.js';
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

it('spells out bounds, choices and formats in one voice', () => {
  const schema = z.strictObject({
    name: z.string().min(1).max(5),
    kind: z.enum(['a', 'b']),
    only: z.literal('x'),
    email: z.email(),
    list: z.array(z.number()).min(2),
    n: z.number().max(9),
    at: z.iso.datetime(),
  });
  const value = { name: '', kind: 'c', only: 'y', email: 'nope', list: [1], n: 10, at: 'today' };
  expect(checkContract(schema, value)).toEqual({
    ok: false,
    problems: [
      { path: 'name', message: 'cannot be empty' },
      { path: 'kind', message: 'must be one of "a", "b"' },
      { path: 'only', message: 'must be "x"' },
      { path: 'email', message: 'must be an e-mail address' },
      { path: 'list', message: 'must have at least 2 items' },
      { path: 'n', message: 'must be <= 9' },
      { path: 'at', message: 'must be an ISO 8601 timestamp such as 2026-11-24T02:10:30Z' },
    ],
    warnings: [],
  });
  expect(checkContract(schema.shape.name, 'toolong')).toMatchObject({
    problems: [{ path: '', message: 'must be at most 5 characters long' }],
  });
  // A bound the value may not equal says so: a seq of 0 told "must be >= 0" cannot be mended.
  expect(checkContract(z.number().positive(), 0)).toMatchObject({
    problems: [{ path: '', message: 'must be > 0' }],
  });
  expect(checkContract(z.number().lt(5), 5)).toMatchObject({
    problems: [{ path: '', message: 'must be < 5' }],
  });
  expect(checkContract(z.number().min(1), 0)).toMatchObject({
    problems: [{ path: '', message: 'must be >= 1' }],
  });
});

it('suggests a known field for a slip, but does not guess between short names', () => {
  expect(suggestField('lable', ['label', 'type'])).toBe('label');
  expect(suggestField('postbackText', ['postback_text'])).toBe('postback_text');
  expect(suggestField('Room-ID', ['room_id'])).toBe('room_id');
  expect(suggestField('c', ['a', 'b'])).toBeUndefined();
  expect(suggestField('ab', ['b'])).toBeUndefined();
  expect(suggestField('colour', ['label', 'type'])).toBeUndefined();
});

it('suggests the known name a typo was meant to be, and nothing for a word far from all', () => {
  const kinds = ['customer', 'bot', 'handover', 'silence', 'agent', 'resolve', 'bot_active'];
  expect(suggestField('custmer', kinds)).toBe('customer');
  expect(suggestField('handvoer', kinds)).toBe('handover');
  expect(suggestField('Bot', kinds)).toBe('bot');
  expect(suggestField('weather', kinds)).toBeUndefined();
});
