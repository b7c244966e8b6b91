import { existsSync, readFileSync } from 'node:fs';

/** Whether a process with that id still runs (a zombie, exited but not yet reaped, does not). */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  // Orphans go to the machine's first process, which may reap them late: a zombie has exited.
  const stat = `/proc/${pid}/stat`;
  return existsSync(stat) && !/^\d+ \(.*\) Z/.test(readFileSync(stat, 'utf8'));
}

/**
 * Resolves once the process has gone, or with false after `withinMs`. A signal is delivered when
 * the kernel next runs the process, and no event tells another process when that was, so its
 * state is looked at every 10 ms.
 */
export async function hasGone(pid: number, withinMs = 5000): Promise<boolean> {
  for (let waited = 0; waited < withinMs; waited += 10) {
    if (!isRunning(pid)) return true;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return !isRunning(pid);
}
