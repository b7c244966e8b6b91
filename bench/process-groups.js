// Every child runs in its own process group, so stopping it also stops anything it forked
// (a server that hands work to a helper process), and a Ctrl+C reaches only this script,
// which then stops the children itself instead of racing them.
import { spawn } from 'node:child_process';
import { once } from 'node:events';

const live = new Map();

export function spawnGroup(command, args, options) {
  const child = spawn(command, args, { ...options, detached: true });
  if (child.pid !== undefined) {
    live.set(child.pid, child);
    child.once('exit', () => {
      // The leader is gone, but its helpers may not be; sweep the group once more.
      signalGroup(child.pid, 'SIGKILL');
      live.delete(child.pid);
    });
  }
  return child;
}

function signalGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch (error) {
    if (error.code !== 'ESRCH') throw error;
  }
}

function hasExited(child) {
  return child.exitCode !== null || child.signalCode !== null;
}

export async function stopGroup(child, graceMs = 3000) {
  if (child.pid === undefined) return;
  if (!hasExited(child)) {
    const exited = once(child, 'exit');
    signalGroup(child.pid, 'SIGTERM');
    const timer = setTimeout(() => signalGroup(child.pid, 'SIGKILL'), graceMs);
    await exited;
    clearTimeout(timer);
  }
  signalGroup(child.pid, 'SIGKILL');
}

export function stopAllGroups() {
  return Promise.all([...live.values()].map((child) => stopGroup(child, 2000)));
}

function killAllGroupsNow() {
  for (const pid of live.keys()) signalGroup(pid, 'SIGKILL');
}

export function stopGroupsOnInterrupt(log) {
  let stopping = false;
  const onSignal = (signal) => {
    if (stopping) return;
    stopping = true;
    log(`\n${signal}: stopping ${live.size} child process(es)`);
    void stopAllGroups().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, onSignal);
  process.on('exit', killAllGroupsNow);
}
