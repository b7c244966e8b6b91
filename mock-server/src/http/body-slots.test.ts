import { describe, expect, it } from 'vitest';
import { BodySlots } from './body-slots.js';

describe('BodySlots', () => {
  it('grants as many slots as it has at once, then queues, and hands each slot let go to the first waiting', () => {
    const slots = new BodySlots(2);
    const granted: string[] = [];
    const releases = new Map<string, () => void>();
    const take = (name: string) => {
      slots.take((release) => {
        granted.push(name);
        releases.set(name, release);
      });
    };

    take('a');
    take('b');
    take('c');
    take('d');
    expect([granted, slots.queued]).toEqual([['a', 'b'], 2]);

    releases.get('b')?.();
    expect([granted, slots.queued]).toEqual([['a', 'b', 'c'], 1]);
    releases.get('a')?.();
    expect([granted, slots.queued]).toEqual([['a', 'b', 'c', 'd'], 0]);
  });

  it('frees a slot once however often it is let go', () => {
    const slots = new BodySlots(1);
    const granted: string[] = [];
    let first: (() => void) | undefined;
    slots.take((release) => {
      granted.push('a');
      first = release;
    });

    first?.();
    first?.();
    for (const name of ['b', 'c']) {
      slots.take(() => granted.push(name));
    }

    // One slot: b has it, c waits, although a let go twice.
    expect([granted, slots.queued]).toEqual([['a', 'b'], 1]);
  });
});
