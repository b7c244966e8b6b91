import { performance } from 'node:perf_hooks';

/** Where the mock gets time from: wall-clock time for timestamps, a monotonic one for latencies. */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
  /** Milliseconds on a monotonic scale, for measuring how long something took. */
  monotonic(): number;
}

/** The real clock. */
export function createSystemClock(): Clock {
  return { now: () => Date.now(), monotonic: () => performance.now() };
}

/**
 * A clock for repeatable output: starts at `start` and moves `stepMs` forward on every reading,
 * so timestamps and latencies are the same on every run.
 */
export function createSteppingClock(start = Date.UTC(2026, 0, 1), stepMs = 1000): Clock {
  let wall = start - stepMs;
  let mono = 0;
  return {
    now: () => (wall += stepMs),
    monotonic: () => (mono += stepMs),
  };
}

let lastSecond = Number.NaN;
let lastText = '';

/** A timestamp as Qiscus writes it: ISO 8601, UTC, whole seconds. */
export function formatTimestamp(ms: number): string {
  const second = Math.floor(ms / 1000);
  // Many requests fall in the same second; format each second once.
  if (second !== lastSecond) {
    lastSecond = second;
    lastText = new Date(second * 1000).toISOString().replace('.000Z', 'Z');
  }
  return lastText;
}
