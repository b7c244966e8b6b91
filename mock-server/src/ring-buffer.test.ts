import { describe, expect, it } from 'vitest';
import { RingBuffer } from './ring-buffer.js';

describe('RingBuffer', () => {
  it('keeps items in order until it is full', () => {
    const ring = new RingBuffer<number>(3);
    ring.push(1);
    ring.push(2);
    expect(ring.toArray()).toEqual([1, 2]);
    expect(ring.last()).toBe(2);
    expect(ring.dropped).toBe(0);
  });

  it('lets the oldest go when full and counts them', () => {
    const ring = new RingBuffer<number>(3);
    for (let i = 1; i <= 7; i += 1) ring.push(i);
    expect(ring.toArray()).toEqual([5, 6, 7]);
    expect(ring.length).toBe(3);
    expect(ring.dropped).toBe(4);
  });

  it('starts over when cleared', () => {
    const ring = new RingBuffer<number>(2);
    ring.push(1);
    ring.push(2);
    ring.push(3);
    ring.clear();
    expect(ring.toArray()).toEqual([]);
    expect(ring.last()).toBeUndefined();
    expect(ring.dropped).toBe(0);
  });

  it('refuses a capacity that is not a positive integer', () => {
    expect(() => new RingBuffer(0)).toThrow('positive capacity');
  });

  it('lets the oldest go on shift, and grows again in order after it', () => {
    const ring = new RingBuffer<number>(4);
    for (let i = 1; i <= 3; i += 1) ring.push(i);
    expect(ring.shift()).toBe(1);
    for (let i = 4; i <= 6; i += 1) ring.push(i);
    expect(ring.toArray()).toEqual([3, 4, 5, 6]);
    expect([ring.at(0), ring.at(3), ring.at(4)]).toEqual([3, 6, undefined]);
    expect(ring.dropped).toBe(2);
    expect(ring.last()).toBe(6);
  });
});
