import { runCli } from './run-cli.js';

// The only file that touches argv, the process's streams and its exit code (STYLE.md §3.5).

// A reader that stops early (`qiscus-mock openapi | head`) is not an error of ours.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

process.exitCode = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
});
