import { expect, it } from 'vitest';
import { inTurnOfItsOwn } from './one-step-per-turn.js';

/** Resolves in a turn of the event loop after the steps and immediates already booked. */
function turnsLater(turns: number): Promise<void> {
  return new Promise((resolve) => {
    const next = (left: number) => {
      if (left === 0) resolve();
      else
        setImmediate(() => {
          next(left - 1);
        });
    };
    next(turns);
  });
}

it('runs the waiting steps oldest first, one per turn, with other work between them', async () => {
  const seen: string[] = [];
  inTurnOfItsOwn(() => seen.push('a'));
  inTurnOfItsOwn(() => seen.push('b'));
  setImmediate(() => seen.push('other'));

  await turnsLater(3);
  expect(seen).toEqual(['a', 'other', 'b']);
});

it('books no turn once nothing waits, so a step booked later runs after work booked before it', async () => {
  const seen: string[] = [];
  inTurnOfItsOwn(() => seen.push('a'));
  inTurnOfItsOwn(() => seen.push('b'));
  await turnsLater(3);
  expect(seen).toEqual(['a', 'b']);

  // Were a turn still booked (an empty one, as nothing waits), this step would run in it, before
  // the work booked ahead of it.
  setImmediate(() => seen.push('other'));
  inTurnOfItsOwn(() => seen.push('c'));

  await turnsLater(3);
  expect(seen).toEqual(['a', 'b', 'other', 'c']);
});
