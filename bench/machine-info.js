// What a reader needs to compare numbers across runs: when, on what, with which code.
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import os from 'node:os';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));

function git(args) {
  return execFileSync('git', args, { cwd: repoRoot, encoding: 'utf8', stdio: 'pipe' }).trim();
}

function describeCommit() {
  try {
    const commit = git(['rev-parse', '--short', 'HEAD']);
    return { commit, uncommittedChanges: git(['status', '--porcelain']) !== '' };
  } catch {
    return { commit: 'unknown', uncommittedChanges: false };
  }
}

export function describeMachine() {
  const cpus = os.cpus();
  return {
    date: new Date(performance.timeOrigin + performance.now()).toISOString(),
    node: process.version,
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    kernel: `${os.type()} ${os.release()}`,
    autocannon: createRequire(import.meta.url)('autocannon/package.json').version,
    ...describeCommit(),
  };
}
