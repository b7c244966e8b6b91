import { expect, it } from 'vitest';
import { checkContract, formatIssuePath, toErrorDetails } from './contract-issues.js';
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

it('takes unknown fields as warnings when told to, with a "did you mean" where one is close', () => {
  const schema = z.strictObject({ label: z.string(), age: z.number().optional() });
  expect(
    checkContract(schema, { label: 'a', lable: 'b', zzz: 1 }, { unknownFields: 'warn' }),
  ).toEqual({
    ok: true,
    value: { label: 'a' },
    warnings: [
      { path: 'lable', message: 'is not a field of this object; did you mean "label"?' },
      { path: 'zzz', message: 'is not a field of this object; it is ignored' },
    ],
  });
});

it('keeps the warnings beside the problems when a value with unknown fields is wrong too', () => {
  const schema = z.strictObject({ label: z.string() });
  expect(checkContract(schema, { lable: 'b' }, { unknownFields: 'warn' })).toEqual({
    ok: false,
    problems: [{ path: 'label', message: 'is required (expected string)' }],
    warnings: [{ path: 'lable', message: 'is not a field of this object; did you mean "label"?' }],
  });
});

it('checks what is left once the unknown fields are taken out, refinements included', () => {
  const schema = z
    .strictObject({ from: z.number(), to: z.number() })
    .refine((range) => range.from <= range.to, {
      message: 'from must not be after to',
      path: ['to'],
    });
  expect(checkContract(schema, { from: 2, to: 1, extra: true }, { unknownFields: 'warn' })).toEqual(
    {
      ok: false,
      problems: [{ path: 'to', message: 'from must not be after to' }],
      warnings: [{ path: 'extra', message: 'is not a field of this object; it is ignored' }],
    },
  );
});

it('refuses an unknown field with the "did you mean" when refusing is the rule', () => {
  const schema = z.strictObject({ label: z.string() });
  expect(checkContract(schema, { label: 'a', lable: 'b' })).toEqual({
    ok: false,
    problems: [{ path: 'lable', message: 'is not a field of this object; did you mean "label"?' }],
    warnings: [],
  });
});

it('turns an unknown-fields issue into one detail per field, each with its path', () => {
  expect(
    toErrorDetails([
      { code: 'unrecognized_keys', keys: ['x', 'y'], path: ['payload', 0], input: {}, message: '' },
      { code: 'custom', path: ['a'], input: 1, message: 'is wrong' },
    ]),
  ).toEqual([
    { path: 'payload[0].x', message: 'is not a field of this object' },
    { path: 'payload[0].y', message: 'is not a field of this object' },
    { path: 'a', message: 'is wrong' },
  ]);
});
