// `npm run bench:hostile -- --diagnose`: what the probe inside the server (server-probe.js)
// noted, and the GC pauses V8 printed.
import { readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { percentile } from './statistics.js';

/** Node's flags for the server under diagnosis: GC lines on stdout, and the probe loaded. */
export const probeArgs = [
  '--trace-gc',
  '--import',
  fileURLToPath(new URL('server-probe.js', import.meta.url)),
];

/** The server's time on a CPU and waiting for one (runnable, not running), in ns, from the kernel. */
export function schedstatOf(pid) {
  const [onCpu, waiting] = readFileSync(`/proc/${pid}/schedstat`, 'utf8').split(' ').map(Number);
  return { onCpu, waiting, at: process.hrtime.bigint() };
}

/** How much of the load's wall time the server ran, and how much it was ready but waited for a core. */
export function runQueueShare(before, after) {
  const wall = Number(after.at - before.at);
  const share = (ns) => Math.round((ns / wall) * 1000) / 10;
  return {
    cpuPercent: share(after.onCpu - before.onCpu),
    runQueuePercent: share(after.waiting - before.waiting),
  };
}

// Reads the lines V8's --trace-gc prints (`[pid:0x…]  1234 ms: Mark-Compact 120.5 (150.0) ->
// 80.1 (152.0) MB, 25.3 / 0.0 ms …`) into counts and pauses by kind, for `bench:hostile --diagnose`.
const line =
  /\d+ ms: (Scavenge|Mark-Compact|Mark-sweep|Minor Mark-Compact)[^,]*, ([\d.]+) \/ [\d.]+ ms/;

function gcPauses(text) {
  const kinds = {};
  for (const match of text.matchAll(new RegExp(line, 'g'))) {
    const kind = match[1];
    const pause = Number(match[2]);
    const entry = (kinds[kind] ??= { count: 0, totalMs: 0, maxMs: 0, over50Ms: 0 });
    entry.count += 1;
    entry.totalMs = Math.round((entry.totalMs + pause) * 10) / 10;
    entry.maxMs = Math.max(entry.maxMs, pause);
    if (pause > 50) entry.over50Ms += 1;
  }
  return kinds;
}

/** What the probe inside the server noted, and the GC pauses V8 printed. */
export function readDiagnosis(probeFile, stdout) {
  const probe = JSON.parse(readFileSync(probeFile, 'utf8'));
  rmSync(probeFile, { force: true });
  const reads = [...probe.serverReadsMs].sort((a, b) => a - b);
  const serverReads = {
    count: reads.length,
    p50Ms: percentile(reads, 0.5),
    p99Ms: percentile(reads, 0.99),
    maxMs: reads.at(-1) ?? 0,
  };
  return { loopDelay: probe.loopDelay, serverReads, gc: gcPauses(stdout) };
}

export function diagnosisLines({ loopDelay: loop, serverReads: reads, gc, ...cpu }) {
  return [
    `  in server ran ${cpu.cpuPercent} % of a core; ready but waiting for a core ${cpu.runQueuePercent} % of the time`,
    `            event-loop delay p50 ${loop.p50Ms} ms, p99 ${loop.p99Ms} ms, p99.9 ${loop.p999Ms} ms, max ${loop.maxMs} ms`,
    `            traffic reads, headers to last byte: ${reads.count}, p50 ${reads.p50Ms} ms, p99 ${reads.p99Ms} ms, max ${reads.maxMs} ms`,
    ...Object.entries(gc).map(
      ([kind, e]) =>
        `            GC ${kind}: ${e.count}, ${e.totalMs} ms in all, max ${e.maxMs} ms, ${e.over50Ms} over 50 ms`,
    ),
  ];
}
