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

function peakRssKiB(pid) {
  try {
    const match = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

// CPU (utime + stime, in clock ticks) and peak RSS summed over the server's process group,
// so a server that forks a helper is charged for it.
export function sampleGroup(group) {
  const members = groupMembers(group);
  return {
    processes: members.length,
    ticks: members.reduce((sum, member) => sum + member.ticks, 0),
    peakRssKiB: members.reduce((sum, member) => sum + peakRssKiB(member.pid), 0),
  };
}

// All CPUs together, in the same clock ticks: busy time not charged to the server or the load
// generator is someone else competing for the machine during the window.
export function sampleSystem() {
  const [, ...fields] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/);
  const [user, nice, system, , , irq, softirq, steal] = fields.map(Number);
  return { busyTicks: user + nice + system + irq + softirq, stealTicks: steal };
}
