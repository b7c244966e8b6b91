// `node bench/startup.js PROJECT`: how fast the installed package starts. PROJECT is a folder
// where the tarball is installed (npm pack, then npm install ./qiscus-mock-*.tgz there). Runs
// each case five times and prints the median and the range of the wall time: `--version` to its
// exit, and `serve --port 0` to its listening line, each straight from node_modules/.bin and
// through npx; and Node starting with nothing to do, for scale.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';

const project = path.resolve(process.argv[2] ?? '.');
const bin = path.join(project, 'node_modules/.bin/qiscus-mock');
const rounds = 5;

/** Milliseconds from spawning to the exit, or to the first line `until` matches. */
function time(command, args, until) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, {
      cwd: project,
      stdio: ['ignore', 'pipe', 'inherit'],
      detached: true,
    });
    child.on('error', reject);
    if (!until) {
      child.stdout.resume();
      child.on('exit', () => resolve(performance.now() - started));
      return;
    }
    const lines = createInterface({ input: child.stdout });
    lines.on('line', (line) => {
      if (!until.test(line)) return;
      const elapsed = performance.now() - started;
      lines.close();
      child.on('exit', () => resolve(elapsed));
      process.kill(-child.pid, 'SIGINT');
    });
  });
}

const listening = /^qiscus-mock listening on /;
const cases = [
  ['node -e 0 (Node alone, for scale)', process.execPath, ['-e', '0']],
  ['qiscus-mock --version', bin, ['--version']],
  ['npx qiscus-mock --version', 'npx', ['--no', '--', 'qiscus-mock', '--version']],
  ['qiscus-mock serve (to listening)', bin, ['serve', '--port', '0'], listening],
  [
    'npx qiscus-mock serve (to listening)',
    'npx',
    ['--no', '--', 'qiscus-mock', 'serve', '--port', '0'],
    listening,
  ],
];
for (const [name, command, args, until] of cases) {
  const times = [];
  for (let round = 0; round < rounds; round += 1) times.push(await time(command, args, until));
  times.sort((a, b) => a - b);
  const median = times[Math.floor(rounds / 2)];
  console.log(
    `${name.padEnd(38)} median ${median.toFixed(0)} ms  (${times[0].toFixed(0)}–${times.at(-1).toFixed(0)} ms)`,
  );
}
