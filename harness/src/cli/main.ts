import { runCli } from './run-cli.js';

// The only file that touches argv, the process's streams and its exit code (STYLE.md §3.5).
process.exitCode = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
});
