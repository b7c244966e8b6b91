/**
 * A measured time as a person reads it: `120 ms` under a second, `2.3 s` from there. (A script's
 * own durations are written back as a script writes them, by `formatDuration`.)
 */
export function formatElapsed(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  return `${(ms / 1000).toFixed(1)} s`;
}
