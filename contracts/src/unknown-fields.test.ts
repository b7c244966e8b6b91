import { describe, expect, it } from 'vitest';
import { jsonStringOf } from './json-string.js';
import { knownFieldsAt, suggestField, withoutFields } from './unknown-fields.js';
import { z } from './zod.js';

const Point = z.object({ x: z.number(), y: z.number() });

describe('knownFieldsAt', () => {
  it('sees through wrappers, transforms and lazy schemas', () => {
    const wrapped = [
      Point.optional(),
      Point.nullable(),
      Point.default({ x: 0, y: 0 }),
      Point.prefault({ x: 0, y: 0 }),
      Point.readonly(),
      Point.optional().nonoptional(),
      Point.catch({ x: 0, y: 0 }),
      Point.transform((point) => point.x),
      z.lazy(() => Point),
    ];
    expect(wrapped.map((schema) => knownFieldsAt(schema, [], {}))).toEqual(
      wrapped.map(() => ['x', 'y']),
    );
  });

  it('takes the fields of the union member the discriminator names, and of every member otherwise', () => {
    const shape = z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('circle'), radius: z.number() }),
      z.object({ kind: z.literal('square'), side: z.number() }),
    ]);
    expect(knownFieldsAt(shape, [], { kind: 'circle' })).toEqual(['kind', 'radius']);
    expect(knownFieldsAt(shape, [], { kind: 'square' })).toEqual(['kind', 'side']);
    for (const value of [{ kind: 'triangle' }, null, 'circle']) {
      expect(knownFieldsAt(shape, [], value)).toEqual(['kind', 'radius', 'side']);
    }
    const plain = z.union([z.object({ a: z.string() }), z.object({ b: z.string() })]);
    expect(knownFieldsAt(plain, [], { a: 'x' })).toEqual(['a', 'b']);
  });

  it('follows a path through objects, arrays, records and JSON strings', () => {
    const root = z.object({
      list: z.array(Point),
      byName: z.record(z.string(), Point),
      encoded: jsonStringOf(Point, { component: 'Point', what: 'a point', example: '{}' }),
    });
    const input = { list: [{}], byName: { here: {} }, encoded: '{"x":1}' };
    expect(knownFieldsAt(root, ['list', 0], input)).toEqual(['x', 'y']);
    expect(knownFieldsAt(root, ['byName', 'here'], input)).toEqual(['x', 'y']);
    expect(knownFieldsAt(root, ['encoded'], input)).toEqual(['x', 'y']);
    expect(knownFieldsAt(root, ['encoded'], { encoded: 'not json' })).toEqual([]);
    expect(knownFieldsAt(root, ['list', 0], {})).toEqual(['x', 'y']);
    expect(knownFieldsAt(root, ['missing'], input)).toEqual([]);
    expect(knownFieldsAt(root, ['list', 0, 'x'], input)).toEqual([]);
  });

  it('takes the closed key set of a record as its fields, and none of an open one', () => {
    expect(knownFieldsAt(z.record(z.enum(['wa', 'ig']), Point), [], {})).toEqual(['wa', 'ig']);
    expect(knownFieldsAt(z.record(z.string(), Point), [], {})).toEqual([]);
    expect(knownFieldsAt(z.record(z.literal([1, 'one']), Point), [], {})).toEqual(['one']);
  });
});

describe('suggestField', () => {
  it('allows no slip in a name of one or two letters, one up to four, and two beyond', () => {
    expect(suggestField('c', ['a'])).toBeUndefined();
    expect(suggestField('ab', ['ac'])).toBeUndefined();
    expect(suggestField('abc', ['abd'])).toBe('abd');
    expect(suggestField('abcd', ['abxy'])).toBeUndefined();
    expect(suggestField('abcd', ['abxd'])).toBe('abxd');
    expect(suggestField('colour', ['out'])).toBeUndefined();
    expect(suggestField('abcdef', ['abxyef'])).toBe('abxyef');
    expect(suggestField('abcdef', ['axyzef'])).toBeUndefined();
  });

  it('picks the closest known name, the first of equally close ones', () => {
    expect(suggestField('jsonnn', ['json', 'jsonn'])).toBe('jsonn');
    expect(suggestField('abcd', ['abce', 'abcf'])).toBe('abce');
    expect(suggestField('outt', ['out', 'output'])).toBe('out');
    expect(suggestField('xout', ['out'])).toBe('out');
    // Letters added in front count as slips too.
    expect(suggestField('abc', ['xyabc'])).toBeUndefined();
  });
});

describe('withoutFields', () => {
  it('removes the fields at the paths from a copy, through arrays and JSON strings', () => {
    const input = {
      a: { b: 1, c: 2 },
      list: [{ x: 1, y: 2 }],
      s: '{"keep":1,"drop":2}',
    };
    const out = withoutFields(input, [
      ['a', 'b'],
      ['list', 0, 'y'],
      ['s', 'drop'],
    ]);
    expect(out).toEqual({ a: { c: 2 }, list: [{ x: 1 }], s: '{"keep":1}' });
    expect(input.a).toEqual({ b: 1, c: 2 });
  });

  it('leaves a value alone where the path leads nowhere', () => {
    const input = { n: 5, s: 'not json', a: { b: 1 } };
    expect(
      withoutFields(input, [
        ['n', 'x'],
        ['s', 'x'],
        ['a', 'b', 'c'],
      ]),
    ).toEqual({ n: 5, s: 'not json', a: { b: 1 } });
  });
});
