import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { onTestFinished } from 'vitest';

const bin = fileURLToPath(new URL('../../../bin/qiscus-mock.js', import.meta.url));

/** A `qiscus-mock serve` process, as a user starts it. */
export interface ServeProcess {
  readonly child: ChildProcess;
  readonly url: string;
  readonly port: number;
  /** Everything it wrote to stderr so far. */
  stderr(): string;
  /** Resolves with its exit code (or signal) once it has exited. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/**
 * Starts `qiscus-mock serve --json` with `args` (`--port 0` unless given) and resolves once it
 * listens; killed when the test finishes if still running. Rejects with its stderr when it
 * exits before listening.
 */
export async function spawnServe(args: readonly string[]): Promise<ServeProcess> {
  const child = spawn(
    process.execPath,
    [bin, 'serve', '--json', ...(args.includes('--port') ? [] : ['--port', '0']), ...args],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('exit', (code, signal) => {
      resolve({ code, signal });
    });
  });
  onTestFinished(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => (stderr += chunk));
  const lines = createInterface({ input: child.stdout });
  const first = await Promise.race([
    once(lines, 'line').then(([line]) => line as string),
    exited.then(() => undefined),
  ]);
  if (first === undefined) {
    await once(child.stderr, 'end').catch(() => undefined);
    throw new Error(`serve ${args.join(' ')} exited before listening:\n${stderr}`);
  }
  const { url } = JSON.parse(first) as { url: string };
  return { child, url, port: Number(new URL(url).port), stderr: () => stderr, exited };
}
