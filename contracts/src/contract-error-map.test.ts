// Each message of the contract error map, as zod gives it with the map, word for word: the
// messages are what a bot developer reads in a refusal, so each is written out here.
import { describe, expect, it } from 'vitest';
import { contractErrorMap } from './contract-error-map.js';
import { z } from './zod.js';

/** The message for `input` against `schema`, with the map (the first issue's). */
function message(schema: z.ZodType, input: unknown): string | undefined {
  const result = schema.safeParse(input, { error: contractErrorMap });
  return result.success ? undefined : result.error.issues[0]?.message;
}

describe('a wrong type names what came', () => {
  it.each([
    [null, 'expected string, received null'],
    [[1], 'expected string, received an array'],
    [{ a: 1 }, 'expected string, received an object'],
    [42, 'expected string, received number 42'],
    [true, 'expected string, received boolean true'],
    [10n, 'expected string, received bigint 10'],
    [() => 1, 'expected string, received function'],
    [Symbol('s'), 'expected string, received symbol'],
  ])('%s', (input, expected) => {
    expect(message(z.string(), input)).toBe(expected);
  });

  it('quotes a string, at most its first 40 characters', () => {
    expect(message(z.number(), 'old')).toBe('expected number, received the string "old"');
    expect(message(z.number(), `${'a'.repeat(40)}TAIL`)).toBe(
      `expected number, received the string "${'a'.repeat(40)}"`,
    );
  });
});

describe('a missing field is required', () => {
  it('with the type expected, or without where zod names none', () => {
    expect(message(z.object({ a: z.string() }), {})).toBe('is required (expected string)');
    expect(message(z.object({ a: z.string().optional().nonoptional() }), {})).toBe('is required');
  });

  it('with its choices when it is one of some', () => {
    expect(message(z.object({ a: z.enum(['x', 'y']) }), {})).toBe('is required ("x" or "y")');
  });
});

it('names the unknown fields, one or several', () => {
  expect(message(z.strictObject({}), { a: 1 })).toBe('unknown field: a');
  expect(message(z.strictObject({}), { a: 1, b: 2 })).toBe('unknown fields: a, b');
});

describe('bounds are spelled out', () => {
  it('for strings: empty, and lengths', () => {
    expect(message(z.string().min(1), '')).toBe('cannot be empty');
    expect(message(z.string().min(3), 'ab')).toBe('must be at least 3 characters long');
    expect(message(z.string().max(1), 'ab')).toBe('must be at most 1 characters long');
  });

  it('for lists and sets: items, one or several', () => {
    expect(message(z.array(z.number()).min(1), [])).toBe('must have at least 1 item');
    expect(message(z.array(z.number()).min(2), [1])).toBe('must have at least 2 items');
    expect(message(z.array(z.number()).max(1), [1, 2])).toBe('must have at most 1 item');
    expect(message(z.set(z.number()).min(2), new Set([1]))).toBe('must have at least 2 items');
  });

  it('for numbers: inclusive and exclusive, both ways', () => {
    expect(message(z.number().min(1), 0)).toBe('must be >= 1');
    expect(message(z.number().max(9), 10)).toBe('must be <= 9');
    expect(message(z.number().positive(), 0)).toBe('must be > 0');
    expect(message(z.number().lt(5), 5)).toBe('must be < 5');
  });
});

describe('choices and formats', () => {
  it('one value, or several', () => {
    expect(message(z.literal('x'), 'y')).toBe('must be "x"');
    expect(message(z.enum(['a', 'b']), 'c')).toBe('must be one of "a", "b"');
  });

  it('e-mail, URL and timestamp, in words', () => {
    expect(message(z.email(), 'nope')).toBe('must be an e-mail address');
    expect(message(z.url(), 'nope')).toBe('must be a URL');
    expect(message(z.iso.datetime(), 'nope')).toBe(
      'must be an ISO 8601 timestamp such as 2026-11-24T02:10:30Z',
    );
  });

  it("leaves zod's own words where it has none: another format, another kind of issue", () => {
    const plain = (schema: z.ZodType, input: unknown) =>
      schema.safeParse(input).error?.issues[0]?.message;
    expect(message(z.uuid(), 'nope')).toBe(plain(z.uuid(), 'nope'));
    const custom = z.string().refine(() => false);
    expect(message(custom, 'x')).toBe(plain(custom, 'x'));
  });
});
