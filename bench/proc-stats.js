// Server cost read from the kernel's accounting, independent of what the load generator sees.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

export function clockTicksPerSecond() {
  return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());
}

function readStat(pid) {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name may hold spaces and parentheses; the fields after the last ')' don't.
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return { group: Number(fields[2]), ticks: Number(fields[11]) + Number(fields[12]) };
  } catch {
    return undefined;
  }
}

function groupMembers(group) {
  const members = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = readStat(entry);
    if (stat?.group === group) members.push({ pid: Number(entry), ticks: stat.ticks });
  }
  return members;
}

// A size from /proc/PID/status: VmHWM is the peak resident set, VmRSS the current one.
function statusKiB(pid, field) {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(
      readFileSync(`/proc/${pid}/status`, 'utf8'),
    );
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

// CPU (utime + stime, in clock ticks), peak and current RSS summed over the server's process group,
// so a server that forks a helper is charged for it.
export function sampleGroup(group) {
  const members = groupMembers(group);
  return {
    processes: members.length,
    ticks: members.reduce((sum, member) => sum + member.ticks, 0),
    peakRssKiB: members.reduce((sum, member) => sum + statusKiB(member.pid, 'VmHWM'), 0),
    rssKiB: members.reduce((sum, member) => sum + statusKiB(member.pid, 'VmRSS'), 0),
  };
}

// All CPUs together, in the same clock ticks: busy time not charged to the server or the load
// generator is someone else competing for the machine during the window.
export function sampleSystem() {
  const [, ...fields] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/);
  const [user, nice, system, , , irq, softirq, steal] = fields.map(Number);
  return { busyTicks: user + nice + system + irq + softirq, stealTicks: steal };
}

// What the server and the load used between two samples ({ at, server, load, system }, taken
// with sampleGroup and sampleSystem), as shares of one core, and the server's CPU per operation.
export function windowCosts(before, after, clockTicks, operations) {
  const windowTicks = ((after.at - before.at) / 1000) * clockTicks;
  const serverTicks = after.server.ticks - before.server.ticks;
  const loadTicks = after.load.ticks - before.load.ticks;
  const busyTicks = after.system.busyTicks - before.system.busyTicks;
  return {
    serverCpuMicrosPerOperation: ((serverTicks / clockTicks) * 1e6) / Math.max(operations, 1),
    serverCpuShare: serverTicks / windowTicks,
    clientCpuShare: loadTicks / windowTicks,
    otherCpuShare: Math.max(busyTicks - serverTicks - loadTicks, 0) / windowTicks,
    stealShare: (after.system.stealTicks - before.system.stealTicks) / windowTicks,
    peakRssMiB: after.server.peakRssKiB / 1024,
  };
}
