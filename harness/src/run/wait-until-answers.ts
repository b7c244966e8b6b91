import { setTimeout as delay } from 'node:timers/promises';
import { request } from 'undici';

/**
 * Waits until something answers HTTP at `url` (any status will do: the bot is up), trying again
 * with a short, growing pause. This is waiting on another process, which sends no event to wait
 * on. Resolves false at the deadline, or as soon as `gaveUp` says to stop (the bot exited).
 * `onMiss` hears of the first try that got no answer, so that the wait can be shown.
 */
export async function waitUntilAnswers(
  url: string,
  timeoutMs: number,
  gaveUp: AbortSignal,
  now: () => number,
  onMiss?: () => void,
): Promise<boolean> {
  let missed = false;
  const deadline = now() + timeoutMs;
  let pause = 25;
  while (!gaveUp.aborted) {
    const left = deadline - now();
    if (left <= 0) return false;
    try {
      const response = await request(url, {
        method: 'GET',
        headersTimeout: Math.min(1000, left),
        bodyTimeout: Math.min(1000, left),
        signal: gaveUp,
      });
      await response.body.dump();
      return true;
    } catch {
      // Not listening yet: try again shortly.
      if (!missed) onMiss?.();
      missed = true;
    }
    await delay(Math.min(pause, Math.max(0, deadline - now())), undefined, {
      signal: gaveUp,
    }).catch(() => undefined);
    pause = Math.min(pause * 2, 500);
  }
  return false;
}
