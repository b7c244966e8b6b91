import { randomInt } from 'node:crypto';

/** The kinds of thing the mock numbers. */
export type IdKind =
  | 'room'
  | 'comment'
  | 'customer'
  | 'delivery'
  | 'exchange'
  | 'agent'
  | 'channel'
  | 'service'
  | 'tag';

/** Hands out ids: numbers, as Qiscus's are, increasing within each kind. */
export interface IdGenerator {
  next(kind: IdKind): number;
}

/** Where each kind starts in the repeatable mode: realistic magnitudes, easy to read. */
const firstIds: Readonly<Record<IdKind, number>> = {
  room: 187250792,
  comment: 2487134935,
  customer: 1,
  delivery: 1,
  exchange: 1,
  agent: 164868,
  channel: 961,
  service: 115830865,
  tag: 1,
};

function sequence(start: Readonly<Record<IdKind, number>>): IdGenerator {
  const current = new Map<IdKind, number>();
  return {
    next(kind) {
      const value = current.get(kind) ?? start[kind];
      current.set(kind, value + 1);
      return value;
    },
  };
}

/** Sequential ids per kind, the same on every run. */
export function createSequentialIds(): IdGenerator {
  return sequence(firstIds);
}

/**
 * Ids for a live server: room and comment ids start at a random point, so rooms of two runs do not
 * share ids; counters of the mock's own records (deliveries, exchanges) start at 1.
 */
export function createRandomIds(): IdGenerator {
  return sequence({
    ...firstIds,
    room: 100000000 + randomInt(800000000),
    comment: 1000000000 + randomInt(1000000000),
  });
}
