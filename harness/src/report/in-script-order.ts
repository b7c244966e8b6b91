/**
 * Holds back what is emitted for a script until every script before it has had its turn, so the
 * progress lists scripts in their order even when a later one finishes first.
 */
export function inScriptOrder<T>(emit: (item: T) => void): (index: number, item: T) => void {
  const waiting = new Map<number, T>();
  let next = 0;
  return (index, item) => {
    waiting.set(index, item);
    for (let ready = waiting.get(next); ready !== undefined; ready = waiting.get(next)) {
      waiting.delete(next);
      next += 1;
      emit(ready);
    }
  };
}
