import { expect, it } from 'vitest';
import { jsonStringOf } from './json-string.js';
import { z } from './zod.js';

const PointJsonSchema = jsonStringOf(z.strictObject({ x: z.number() }), {
  component: 'Point',
  what: 'the point',
  example: '{"x":1}',
});

function issuesOf(text: string) {
  const result = PointJsonSchema.safeParse(text);
  return result.success
    ? []
    : result.error.issues.map(({ code, path, message }) => ({ code, path, message }));
}

it('refuses text that does not parse with a custom issue at the string itself', () => {
  const [issue, ...rest] = issuesOf('{x:1}');
  expect(rest).toEqual([]);
  expect(issue).toMatchObject({ code: 'custom', path: [] });
  expect(issue?.message).toMatch(/^must be a JSON string of the point; it does not parse \(.+\)$/);
});

it('reports a problem inside as a custom issue at its path, and an unknown field with its own code', () => {
  expect(issuesOf('{"x":"one","y":2}')).toEqual([
    { code: 'custom', path: ['x'], message: 'expected number, received the string "one"' },
    { code: 'unrecognized_keys', path: [], message: expect.any(String) as string },
  ]);
  expect(issuesOf('{"x":1}')).toEqual([]);
});
