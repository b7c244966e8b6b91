import { expect, it } from 'vitest';
import { formatDuration, parseDuration } from './parse-duration.js';

it('reads milliseconds, seconds, fractions of seconds and minutes', () => {
  expect(['500ms', '2s', '1.5s', '1m', ' 3 s '].map(parseDuration)).toEqual([
    { ok: true, ms: 500 },
    { ok: true, ms: 2000 },
    { ok: true, ms: 1500 },
    { ok: true, ms: 60_000 },
    { ok: true, ms: 3000 },
  ]);
});

it('refuses a bare number, an unknown unit, zero and more than ten minutes, saying what to write', () => {
  expect([2, '2h', '0s', '11m', true].map(parseDuration)).toMatchInlineSnapshot(`
    [
      {
        "message": "must be a duration, not the bare number 2: write it with a unit, such as 500ms, 2s, 1.5s or 1m",
        "ok": false,
      },
      {
        "message": ""2h" is not a duration: write it with a unit, such as 500ms, 2s, 1.5s or 1m",
        "ok": false,
      },
      {
        "message": ""0s" is not longer than zero: give a wait of at least 1ms, such as 500ms or 2s",
        "ok": false,
      },
      {
        "message": ""11m" is longer than 10m, the most a step may wait",
        "ok": false,
      },
      {
        "message": "must be a duration: write it with a unit, such as 500ms, 2s, 1.5s or 1m",
        "ok": false,
      },
    ]
  `);
});

it('writes a duration back the way a script would', () => {
  expect([500, 2000, 1500, 60_000].map(formatDuration)).toEqual(['500ms', '2s', '1.5s', '1m']);
});

it('says a negative duration, or one that rounds to no milliseconds, is not longer than zero', () => {
  expect(['-1s', '0.4ms'].map(parseDuration)).toEqual([
    {
      ok: false,
      message: '"-1s" is not longer than zero: give a wait of at least 1ms, such as 500ms or 2s',
    },
    {
      ok: false,
      message: '"0.4ms" is not longer than zero: give a wait of at least 1ms, such as 500ms or 2s',
    },
  ]);
});
