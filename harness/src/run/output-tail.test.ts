import { expect, it } from 'vitest';
import { OutputTail, outputTailLimit } from './output-tail.js';

it('keeps everything, unmarked, up to its limit', () => {
  const tail = new OutputTail(10);
  tail.append('abcde');
  tail.append('fghij');
  expect(tail.toString()).toBe('abcdefghij');
});

it('lets go of the oldest text past its limit, and says so', () => {
  const tail = new OutputTail(10);
  tail.append('abcdefgh');
  tail.append('ijkl');
  expect(tail.toString()).toBe('[… earlier output left out]\ncdefghijkl');
});

it('keeps the last 64 KiB of a bot by default', () => {
  expect(outputTailLimit).toBe(65_536);
  const tail = new OutputTail();
  tail.append('x'.repeat(outputTailLimit));
  expect(tail.toString()).toBe('x'.repeat(outputTailLimit));
  tail.append('y');
  expect(tail.toString()).toBe(`[… earlier output left out]\n${'x'.repeat(outputTailLimit - 1)}y`);
});

it('gives its last lines without the trailing newline, and without the mark', () => {
  const tail = new OutputTail(14);
  tail.append('one\ntwo\nthree\nfour\n\n');
  expect(tail.lastLines(2)).toBe('three\nfour');
  expect(tail.lastLines(10)).toBe('o\nthree\nfour');
});
