/**
 * Runs `work` for every item, at most `limit` at a time, results in the items' order whatever
 * the order they finish in. Items with the same key run one after the other, in order (two
 * scripts of the same customer on the same channel would share a room). Once `signal` is
 * aborted, items not yet started get `skip` instead.
 */
export async function runPool<T, R>(
  items: readonly T[],
  options: {
    readonly limit: number;
    readonly keyOf: (item: T, index: number) => string;
    readonly signal: AbortSignal;
    readonly work: (item: T, index: number) => Promise<R>;
    readonly skip: (item: T, index: number) => R;
  },
): Promise<R[]> {
  const groups = new Map<string, number[]>();
  items.forEach((item, index) => {
    const key = options.keyOf(item, index);
    const group = groups.get(key);
    if (group) group.push(index);
    else groups.set(key, [index]);
  });
  const queue = [...groups.values()];
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    for (let group = queue[next++]; group !== undefined; group = queue[next++]) {
      for (const index of group) {
        const item = items[index] as T;
        results[index] = options.signal.aborted
          ? options.skip(item, index)
          : await options.work(item, index);
      }
    }
  };
  const workers = Array.from(
    { length: Math.max(1, Math.min(options.limit, queue.length)) },
    worker,
  );
  await Promise.all(workers);
  return results;
}
