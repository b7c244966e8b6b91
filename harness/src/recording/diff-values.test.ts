import { expect, it } from 'vitest';
import { absent, diffValues, showValue } from './diff-values.js';

it('finds nothing between equal values, however nested', () => {
  const value = { a: [1, { b: 'x', c: null }], d: { e: true } };
  expect(diffValues(value, structuredClone(value))).toEqual([]);
});

it('tells a missing field, a null one and an extra one apart', () => {
  expect(diffValues({ a: null, b: 1 }, { b: 1, c: 2 })).toEqual([
    { path: 'a', expected: null, actual: absent },
    { path: 'c', expected: absent, actual: 2 },
  ]);
  expect(diffValues({ a: null }, { a: undefined })).toEqual([
    { path: 'a', expected: null, actual: undefined },
  ]);
  expect(showValue(absent)).toBe('(nothing)');
  expect(showValue(null)).toBe('null');
});

it('names each differing leaf by its path, with array indexes, depth first', () => {
  expect(
    diffValues(
      { request: { body: { payload: { buttons: [{ label: 'A' }, { label: 'B' }] } } } },
      {
        request: {
          body: { payload: { buttons: [{ label: 'A' }, { label: 'C' }, { label: 'D' }] } },
        },
      },
    ),
  ).toEqual([
    { path: 'request.body.payload.buttons[1].label', expected: 'B', actual: 'C' },
    { path: 'request.body.payload.buttons[2]', expected: absent, actual: { label: 'D' } },
  ]);
  expect(diffValues([1, 2], [1])).toEqual([{ path: '[1]', expected: 2, actual: absent }]);
});

it('reports a change of kind (object, array, value) once, at its path', () => {
  expect(diffValues({ a: { b: 1 } }, { a: [1] })).toEqual([
    { path: 'a', expected: { b: 1 }, actual: [1] },
  ]);
  expect(diffValues({ a: '1' }, { a: 1 })).toEqual([{ path: 'a', expected: '1', actual: 1 }]);
  expect(diffValues('x', 'y')).toEqual([{ path: '', expected: 'x', actual: 'y' }]);
});

it('lets `same` decide about leaves only, such as a stand-in bound to one value', () => {
  const bound = new Map<unknown, unknown>();
  const same = (expected: unknown, actual: unknown) => {
    if (expected !== 'Person 1') return false;
    if (!bound.has(expected)) bound.set(expected, actual);
    return bound.get(expected) === actual;
  };
  expect(diffValues({ a: 'Person 1', b: 'Person 1' }, { a: 'Budi', b: 'Budi' }, same)).toEqual([]);
  expect(diffValues({ c: 'Person 1' }, { c: 'Rina' }, same)).toEqual([
    { path: 'c', expected: 'Person 1', actual: 'Rina' },
  ]);
});
