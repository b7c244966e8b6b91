// Server and load generator on separate cores, so they don't starve each other on a
// two-core machine (see the anchors: unpinned autocannon numbers drop by 20–30 %).
import { spawnSync } from 'node:child_process';

function parseCpuList(text) {
  const cpus = [];
  for (const part of text.trim().split(',')) {
    const [first, last = first] = part.split('-').map(Number);
    for (let cpu = first; cpu <= last; cpu += 1) cpus.push(cpu);
  }
  return cpus.filter(Number.isInteger);
}

export function choosePinning() {
  const probe = spawnSync('taskset', ['-cp', String(process.pid)], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    return {
      pinned: false,
      warning:
        'taskset is not available: server and load generator are NOT pinned to separate cores',
    };
  }
  const cpus = parseCpuList(probe.stdout.split(':').pop() ?? '');
  if (cpus.length < 2) {
    return {
      pinned: false,
      warning: `only ${cpus.length} usable core(s): server and load generator share it (NOT pinned)`,
    };
  }
  return { pinned: true, serverCpu: cpus[0], loadCpu: cpus[1] };
}

export function pinnedCommand(pinning, role, args) {
  if (!pinning.pinned) return { command: process.execPath, args };
  const cpu = role === 'server' ? pinning.serverCpu : pinning.loadCpu;
  return { command: 'taskset', args: ['-c', String(cpu), process.execPath, ...args] };
}
