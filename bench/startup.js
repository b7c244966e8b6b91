// `node bench/startup.js PROJECT`: how fast the installed package starts. PROJECT is a folder
// where the tarball is installed (npm pack, then npm install ./qiscus-mock-*.tgz there). Runs
// each case five times and prints the median and the range of the wall time: `--version` to its
// exit, and `serve --port 0` to its listening line, each straight from node_modules/.bin and
// through npx; and Node starting with nothing to do, for scale. For `serve` straight from
// node_modules/.bin it also prints the user+sys CPU time the process had used at its listening
// line (Linux: /proc/PID/stat), which depends less on what else the machine runs.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';

const project = path.resolve(process.argv[2] ?? '.');
const bin = path.join(project, 'node_modules/.bin/qiscus-mock');
const rounds = 5;

/** The user+sys CPU milliseconds a process has used so far, or NaN where /proc is not there. */
function cpuTimeOf(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    // utime and stime, in clock ticks of 10 ms (USER_HZ is 100 on Linux).
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return Number.NaN;
  }
}

/**
 * Milliseconds from spawning to the exit, or to the first line `until` matches; with `until`,
 * also the CPU milliseconds the process had used then.
 */
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
      child.on('exit', () => resolve({ wall: performance.now() - started }));
      return;
    }
    const lines = createInterface({ input: child.stdout });
    lines.on('line', (line) => {
      if (!until.test(line)) return;
      const wall = performance.now() - started;
      const cpu = cpuTimeOf(child.pid);
      lines.close();
      child.on('exit', () => resolve({ wall, cpu }));
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
const median = (values) => values.toSorted((a, b) => a - b)[Math.floor(values.length / 2)];
for (const [name, command, args, until] of cases) {
  const runs = [];
  for (let round = 0; round < rounds; round += 1) runs.push(await time(command, args, until));
  const walls = runs.map((run) => run.wall);
  // npx's own process is not the one that serves: its CPU time says nothing.
  const cpus = command === bin ? runs.map((run) => run.cpu).filter(Number.isFinite) : [];
  console.log(
    `${name.padEnd(38)} median ${median(walls).toFixed(0)} ms  (${Math.min(...walls).toFixed(0)}–${Math.max(...walls).toFixed(0)} ms)${cpus.length ? `  CPU median ${median(cpus).toFixed(0)} ms` : ''}`,
  );
}
