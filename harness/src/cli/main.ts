import { setFlagsFromString } from 'node:v8';
import { runCli } from './run-cli.js';

// The only file that touches argv, the process's streams and its exit code (STYLE.md §3.5).

// A reader that stops early (`qiscus-mock openapi | head`) is not an error of ours.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

// The first Ctrl-C asks a long-running command to stop cleanly; a second one exits at once.
const stop = new AbortController();
const onSignal = (signal: NodeJS.Signals) => {
  if (stop.signal.aborted) process.exit(signal === 'SIGINT' ? 130 : 143);
  stop.abort();
};
process.on('SIGINT', onSignal);
process.on('SIGTERM', onSignal);

// A mock that CI depends on must not die of one bad request or delivery: in the long-running
// commands an error nothing caught (a bug of ours) is reported loudly, and serving goes on.
if (['serve', 'start'].includes(process.argv[2] ?? '')) {
  const report = (kind: string) => (error: unknown) => {
    const trace = error instanceof Error ? (error.stack ?? error.message) : String(error);
    process.stderr.write(
      `qiscus-mock: INTERNAL ERROR (${kind}), a bug in qiscus-mock; it goes on serving. Please report it with this trace:\n${trace}\n`,
    );
  };
  process.on('uncaughtException', report('uncaught exception'));
  process.on('unhandledRejection', report('unhandled rejection'));
  // V8 lets the heap grow to about twice what was alive after each full collection before the
  // next one; under 1 MB bodies at full speed that headroom filled with megabyte strings already
  // answered, and the process passed 400 MiB (issue 15). A growth of 20 % collects sooner, at a
  // few per cent of one core under such load and nothing when idle. V8 reads this flag at each
  // collection, so it takes effect here, without restarting node with other flags.
  setFlagsFromString('--heap-growing-percent=20');
}

// Colour for a terminal only, and not when NO_COLOR is set to anything but "" (no-color.org).
const colorAllowed = (process.env.NO_COLOR ?? '') === '';

process.exitCode = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  stop: stop.signal,
  env: process.env,
  colors: {
    stdout: colorAllowed && process.stdout.isTTY,
    stderr: colorAllowed && process.stderr.isTTY,
  },
});
process.off('SIGINT', onSignal);
process.off('SIGTERM', onSignal);
