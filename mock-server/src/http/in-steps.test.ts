import { expect, it } from 'vitest';
import { inSteps } from './body-parsers.js';

/**
 * Runs three steps for each body and notes where a callback booked meanwhile (a read that
 * arrived) ran among them.
 */
function order(
  apart: boolean,
  { bodies = [''], throwAt }: { bodies?: string[]; throwAt?: string } = {},
): Promise<string[]> {
  const seen: string[] = [];
  return new Promise((resolve) => {
    let unfinished = bodies.length;
    for (const body of bodies) {
      const step = (name: string) => () => {
        seen.push(`${body}${name}`);
        if (name === throwAt) throw new Error(`${name} failed`);
      };
      inSteps(apart, [step('check'), step('decode'), step('parse')], (error) => {
        seen.push(error ? `${body}finish: ${error.message}` : `${body}finish`);
        unfinished -= 1;
        if (unfinished === 0)
          setImmediate(() =>
            setImmediate(() => {
              resolve(seen);
            }),
          );
      });
    }
    setImmediate(() => seen.push('other request'));
  });
}

it('runs a large body’s steps and its route in turns of their own, so other work runs between them', async () => {
  expect(await order(true)).toEqual(['check', 'other request', 'decode', 'parse', 'finish']);
});

it('runs one step of one large body per turn, so other work waits behind one step, not one of each', async () => {
  expect(await order(true, { bodies: ['A ', 'B '] })).toEqual([
    'A check',
    'other request',
    'B check',
    'A decode',
    'B decode',
    'A parse',
    'B parse',
    'A finish',
    'B finish',
  ]);
});

it('runs a small body’s steps at once', async () => {
  expect(await order(false)).toEqual(['check', 'decode', 'parse', 'finish', 'other request']);
});

it('stops at the first step that throws and finishes with its error', async () => {
  expect(await order(true, { throwAt: 'decode' })).toEqual([
    'check',
    'other request',
    'decode',
    'finish: decode failed',
  ]);
});

it('runs a small body’s steps and finish before it returns', () => {
  const seen: string[] = [];
  inSteps(
    false,
    [
      () => {
        seen.push('check');
      },
    ],
    () => {
      seen.push('finish');
    },
  );
  expect(seen).toEqual(['check', 'finish']);
});
