import { expect, it } from 'vitest';
import { inSteps } from './body-parsers.js';

/** Runs three steps and notes where a callback queued meanwhile (a read that arrived) ran. */
function order(apart: boolean, throwAt?: string): Promise<string[]> {
  const seen: string[] = [];
  const step = (name: string) => () => {
    seen.push(name);
    if (name === throwAt) throw new Error(`${name} failed`);
  };
  return new Promise((resolve) => {
    inSteps(apart, [step('check'), step('decode'), step('parse')], (error) => {
      seen.push(error ? `finish: ${error.message}` : 'finish');
    });
    setImmediate(() => seen.push('other request'));
    setImmediate(() =>
      setImmediate(() =>
        setImmediate(() => {
          resolve(seen);
        }),
      ),
    );
  });
}

it('runs a large body’s steps in turns of their own, so other work runs between them', async () => {
  expect(await order(true)).toEqual(['check', 'decode', 'other request', 'parse', 'finish']);
});

it('runs a small body’s steps at once', async () => {
  expect(await order(false)).toEqual(['check', 'decode', 'parse', 'finish', 'other request']);
});

it('stops at the first step that throws and finishes with its error', async () => {
  expect(await order(true, 'decode')).toEqual([
    'check',
    'decode',
    'finish: decode failed',
    'other request',
  ]);
});
