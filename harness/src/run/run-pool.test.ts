import { expect, it } from 'vitest';
import { runPool } from './run-pool.js';

/** Work whose calls finish only when the test says so, and whose starts can be awaited. */
function controlledWork() {
  const started: number[] = [];
  const finish = new Map<number, (value: string) => void>();
  const waiting: { count: number; resolve: () => void }[] = [];
  const work = (_item: string, index: number) =>
    new Promise<string>((resolve) => {
      started.push(index);
      finish.set(index, (value) => {
        resolve(value);
      });
      for (const wait of waiting.filter((one) => started.length >= one.count)) wait.resolve();
    });
  /** Resolves once `count` calls have started. */
  const startedCount = (count: number) =>
    new Promise<void>((resolve) => {
      if (started.length >= count) resolve();
      else waiting.push({ count, resolve });
    });
  const end = (index: number) => {
    finish.get(index)?.(`done ${String(index)}`);
  };
  return { started, work, startedCount, end };
}

const skip = (_item: string, index: number) => `skipped ${String(index)}`;

it('runs at most limit at a time, and gives the results in the order of the items', async () => {
  const { started, work, startedCount, end } = controlledWork();
  const signal = new AbortController().signal;
  const pool = runPool(['a', 'b', 'c', 'd'], {
    limit: 2,
    keyOf: (item) => item,
    signal,
    work,
    skip,
  });
  await startedCount(2);
  expect(started).toEqual([0, 1]);
  end(1);
  await startedCount(3);
  expect(started).toEqual([0, 1, 2]);
  end(2);
  await startedCount(4);
  end(3);
  end(0);
  expect(await pool).toEqual(['done 0', 'done 1', 'done 2', 'done 3']);
});

it('runs items of the same key one after the other, in order', async () => {
  const { started, work, startedCount, end } = controlledWork();
  const signal = new AbortController().signal;
  const keys = ['x', 'y', 'x', 'x'];
  const pool = runPool(['a', 'b', 'c', 'd'], {
    limit: 4,
    keyOf: (_item, index) => keys[index] ?? '',
    signal,
    work,
    skip,
  });
  await startedCount(2);
  expect(started).toEqual([0, 1]);
  end(0);
  await startedCount(3);
  expect(started).toEqual([0, 1, 2]);
  end(1);
  end(2);
  await startedCount(4);
  end(3);
  expect(await pool).toEqual(['done 0', 'done 1', 'done 2', 'done 3']);
});

it('skips the items not yet started once aborted', async () => {
  const { work, startedCount, end } = controlledWork();
  const stop = new AbortController();
  const pool = runPool(['a', 'b', 'c'], {
    limit: 1,
    keyOf: (item) => item,
    signal: stop.signal,
    work,
    skip,
  });
  await startedCount(1);
  stop.abort();
  end(0);
  expect(await pool).toEqual(['done 0', 'skipped 1', 'skipped 2']);
});

it('runs everything with a limit below 1, and nothing of no items', async () => {
  const signal = new AbortController().signal;
  const work = (item: string) => Promise.resolve(item.toUpperCase());
  expect(
    await runPool(['a', 'b'], { limit: 0, keyOf: (item) => item, signal, work, skip }),
  ).toEqual(['A', 'B']);
  expect(await runPool([], { limit: 4, keyOf: (item) => item, signal, work, skip })).toEqual([]);
});
