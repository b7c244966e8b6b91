/** A duration read from a script, or why it cannot be read. */
export type DurationParse =
  { readonly ok: true; readonly ms: number } | { readonly ok: false; readonly message: string };

const unitMs = { ms: 1, s: 1000, m: 60_000 } as const;

/** The longest wait a script may ask for: a longer one is almost always a typo. */
export const maxDurationMs = 10 * 60_000;

const hint = 'write it with a unit, such as 500ms, 2s, 1.5s or 1m';

/**
 * Reads a duration as a script writes it: a number with a unit (`500ms`, `2s`, `1.5s`, `1m`),
 * more than zero and at most ten minutes. A bare number is refused: milliseconds or seconds
 * would be a guess.
 */
export function parseDuration(input: unknown): DurationParse {
  if (typeof input === 'number') {
    return { ok: false, message: `must be a duration, not the bare number ${input}: ${hint}` };
  }
  if (typeof input !== 'string') return { ok: false, message: `must be a duration: ${hint}` };
  const match = /^\s*(-?\d+(?:\.\d+)?)\s*(ms|s|m)\s*$/.exec(input);
  if (!match) return { ok: false, message: `"${input}" is not a duration: ${hint}` };
  const [, amount = '', unit = 'ms'] = match;
  // Whole milliseconds, as the timers take them: 0.4ms is zero too.
  const ms = Math.round(Number(amount) * unitMs[unit as keyof typeof unitMs]);
  if (ms <= 0) {
    return {
      ok: false,
      message: `"${input.trim()}" is not longer than zero: give a wait of at least 1ms, such as 500ms or 2s`,
    };
  }
  if (ms > maxDurationMs)
    return { ok: false, message: `"${input}" is longer than 10m, the most a step may wait` };
  return { ok: true, ms };
}

/** A duration as a person reads it: `500ms`, `2s`, `1.5s`, `1m`. */
export function formatDuration(ms: number): string {
  if (ms >= 60_000 && ms % 60_000 === 0) return `${ms / 60_000}m`;
  if (ms >= 1000) return `${Math.round(ms / 100) / 10}s`;
  return `${ms}ms`;
}
