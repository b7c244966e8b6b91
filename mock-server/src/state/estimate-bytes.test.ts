import { expect, it } from 'vitest';
import { estimateBytes } from './estimate-bytes.js';

it('counts strings by length and objects, arrays and properties at a fixed cost', () => {
  expect(estimateBytes('abcd')).toBe(20);
  expect(estimateBytes(7)).toBe(8);
  expect(estimateBytes(['ab', 1])).toBe(16 + 16 + 18 + 8);
  expect(estimateBytes({ a: 'xyz', b: null })).toBe(24 + 8 + 19 + 8 + 8);
});

it('counts a payload of many small objects at more than its JSON length, as the heap holds it', () => {
  const items = Array.from({ length: 1000 }, (_, n) => ({ id: n, label: `item ${n}`, ok: true }));
  const json = JSON.stringify(items).length;
  expect(estimateBytes(items)).toBeGreaterThan(1.4 * json);
  expect(estimateBytes(items)).toBeLessThan(2.5 * json);
});

it('walks a value nested far deeper than the call stack allows', () => {
  let deep: unknown = 'x';
  for (let i = 0; i < 100_000; i += 1) deep = [deep];
  expect(estimateBytes(deep)).toBe(100_000 * 24 + 17);
});
