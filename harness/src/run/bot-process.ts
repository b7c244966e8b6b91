import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { setTimeout as delay } from 'node:timers/promises';
import { OutputTail } from './output-tail.js';

/** How long a bot has to stop after SIGTERM before it gets SIGKILL, by default. */
const defaultStopGraceMs = 3000;

/** A bot started by a shell command, in a process group of its own. */
export interface BotProcess {
  readonly output: OutputTail;
  /** Aborted when the process exits (or cannot start). */
  readonly exited: AbortSignal;
  /** How it exited: `exit code 1`, `signal SIGKILL`, or why it could not start. */
  exitReason(): string | null;
  /** SIGTERM to the whole group, then SIGKILL after a grace period; resolves once it is gone. */
  stop(): Promise<void>;
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    // The negative pid names the process group: the shell and everything it started.
    process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

/**
 * Starts `command` through the shell, detached into its own process group so the bot and any
 * process it starts can be stopped together. Its stdout and stderr are kept, the last 64 KiB.
 * Being detached, the bot does not get the terminal's Ctrl-C: should this process exit before
 * `stop()` is done (a second Ctrl-C, a crash), the group is killed on the way out, so a bot
 * never outlives its run.
 */
export function spawnBotProcess(
  command: string,
  env: Readonly<Record<string, string>>,
  options: { readonly stopGraceMs?: number } = {},
): BotProcess {
  const stopGraceMs = options.stopGraceMs ?? defaultStopGraceMs;
  const output = new OutputTail();
  const exit = new AbortController();
  let reason: string | null = null;
  const child = spawn(command, {
    shell: true,
    detached: true,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.setEncoding('utf8');
  child.stderr.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    output.append(chunk);
  });
  child.stderr.on('data', (chunk: string) => {
    output.append(chunk);
  });
  child.once('error', (error) => {
    reason = `it could not be started: ${error.message}`;
    exit.abort();
  });
  child.once('exit', (code, signal) => {
    reason = signal === null ? `exit code ${String(code)}` : `signal ${signal}`;
    exit.abort();
  });
  const killOnExit = () => {
    signalGroup(child, 'SIGKILL');
  };
  process.once('exit', killOnExit);
  let stopping: Promise<void> | undefined;
  const closed = once(child, 'close').then(
    () => undefined,
    () => undefined,
  );
  return {
    output,
    exited: exit.signal,
    exitReason: () => reason,
    stop() {
      stopping ??= stopProcess().finally(() => {
        process.off('exit', killOnExit);
      });
      return stopping;
    },
  };

  async function stopProcess(): Promise<void> {
    signalGroup(child, 'SIGTERM');
    const timer = new AbortController();
    const graceOver = delay(stopGraceMs, 'timeout', { signal: timer.signal }).catch(
      () => 'stopped',
    );
    const first = await Promise.race([closed.then(() => 'closed'), graceOver]);
    timer.abort();
    if (first === 'closed') return;
    signalGroup(child, 'SIGKILL');
    const last = new AbortController();
    await Promise.race([
      closed,
      delay(stopGraceMs, undefined, { signal: last.signal }).catch(() => undefined),
    ]);
    last.abort();
    // Pipes a stray grandchild may hold are let go, so nothing keeps the run alive.
    child.stdout.destroy();
    child.stderr.destroy();
  }
}
