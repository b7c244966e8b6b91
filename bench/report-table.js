// The human-readable result: Markdown tables, so they can be pasted into BENCHMARKS.md as-is.
import {
  costCells,
  count,
  markdownTable,
  medianAndRange,
  missing,
  oneDecimal,
  percent,
  ratio,
  upToTwoDecimals,
} from './format.js';
import { botMessageBody, botPath, fixedRoomId } from './request-body.js';

// Above this share of one core, something else on the machine competed with the measurement.
const noisyShare = 0.1;

function runsCell(summary) {
  return summary.invalidRuns === 0
    ? String(summary.runs)
    : `${summary.validRuns} of ${summary.runs} (${summary.invalidRuns} INVALID)`;
}

function targetTable(summaries) {
  const header = [
    'target',
    'runs',
    'req/s median (min–max)',
    '× bare (medians)',
    '× bare (median of rounds)',
    'p50 ms',
    'p99 ms',
    'server CPU µs/req',
    '× bare by CPU µs',
    'server CPU',
    'client CPU',
    'others + steal',
    'peak RSS MiB',
    'non-2xx + errors',
  ];
  const rows = summaries.map((summary) => {
    return [
      summary.target,
      runsCell(summary),
      medianAndRange(summary.requestsPerSecond),
      ratio(summary.ratioOfMedians),
      ratio(summary.medianRoundRatio),
      upToTwoDecimals(summary.latencyP50Ms),
      upToTwoDecimals(summary.latencyP99Ms),
      oneDecimal(summary.serverCpuMicrosPerRequest),
      ratio(summary.cpuCostRatio),
      ...costCells(summary),
    ];
  });
  return markdownTable(header, rows);
}

function roundsTable(rounds, names) {
  const header = ['round', 'order', ...names.map((name) => `${name} req/s`)];
  const rows = rounds.map((round, index) => [
    String(index + 1),
    round.map((run) => run.target).join(' → '),
    ...names.map((name) => {
      const run = round.find((entry) => entry.target === name);
      if (!run) return missing;
      const flags = [
        ...(run.valid ? [] : ['INVALID']),
        ...(run.otherCpuShare + run.stealShare > noisyShare ? ['noisy'] : []),
      ];
      return [count(run.requestsPerSecond), ...flags].join(' ');
    }),
  ]);
  return markdownTable(header, rows);
}

function header(result) {
  const { machine, settings, pinning } = result;
  const commit = `${machine.commit}${machine.uncommittedChanges ? ' (+ uncommitted changes)' : ''}`;
  const bodyBytes = Buffer.byteLength(botMessageBody(fixedRoomId));
  return [
    `qiscus-mock benchmark, ${machine.date}`,
    `Node ${machine.node} · ${machine.cpuModel} · ${machine.cores} cores · ${machine.kernel} · commit ${commit}`,
    pinning.pinned
      ? `Servers pinned to CPU ${pinning.serverCpu}, load generator (autocannon ${machine.autocannon}) to CPU ${pinning.loadCpu}`
      : `NOT PINNED: ${pinning.warning}`,
    `Load: POST ${botPath}, ${bodyBytes}-byte JSON body, ${settings.connections} keep-alive connections, ` +
      `${settings.warmupSeconds} s warm-up + ${settings.durationSeconds} s measured per target, ` +
      `${settings.rounds} round(s), order rotated each round`,
  ].join('\n');
}

function failureLines(rounds) {
  return rounds.flat().flatMap((run) => {
    if (run.valid) return [];
    const warm = run.warmup
      ? `; warm-up: ${run.warmup.non2xx} non-2xx, ${run.warmup.errors} errors`
      : '';
    return [
      `INVALID: round ${run.round} ${run.target}: ${run.non2xx} non-2xx, ${run.errors} errors ` +
        `(${run.timeouts} timeouts), status codes ${JSON.stringify(run.statusCodes)}${warm}`,
    ];
  });
}

function noteLines(summaries, rounds) {
  const notes = [];
  for (const summary of summaries) {
    if (summary.serverProcesses > 1) {
      notes.push(
        `Note: ${summary.target} ran as ${summary.serverProcesses} processes; ` +
          'its CPU and peak RSS are summed over them.',
      );
    }
    if (summary.serverOutputBytes > 0) {
      notes.push(
        `Note: ${summary.target} wrote up to ${count(summary.serverOutputBytes)} bytes to ` +
          'stdout/stderr in a measured window (per-request logging costs throughput).',
      );
    }
  }
  const runs = rounds.flat();
  const other = Math.max(...runs.map((run) => run.otherCpuShare));
  const steal = Math.max(...runs.map((run) => run.stealShare));
  if (other > noisyShare || steal > noisyShare / 5) {
    notes.push(
      `Note: in a measured window other processes used up to ${percent(other)} of a core and ` +
        `the hypervisor stole up to ${percent(steal)}; these numbers are noisy, rerun on a quieter machine.`,
    );
  }
  return notes;
}

function floorLines(floor) {
  if (!floor.checked) return [`Floor: not checked (${floor.reason}).`];
  return [
    `Floor: ${floor.target} ≥ ${floor.floor.toFixed(2)} × bare on the median of per-round ratios, ` +
      `every round ≥ ${floor.everyRound.toFixed(2)} (DESIGN.md, issue 17).`,
    `Result: ${floor.target} ${ratio(floor.ratio)} × bare (lowest round ${ratio(floor.lowest)}), ${floor.reason}: ${floor.passed ? 'PASS' : 'FAIL'}`,
  ];
}

export function renderReport(result) {
  const names = result.targets.map((summary) => summary.target);
  const ratioLines = result.targets
    .filter((summary) => summary.target !== 'bare')
    .map(
      (summary) =>
        `Per-round ratio to bare, ${summary.target}: ${summary.roundRatios.map((v) => v.toFixed(2)).join(', ') || missing}`,
    );
  return [
    header(result),
    '',
    targetTable(result.targets),
    '',
    roundsTable(result.rounds, names),
    '',
    ...ratioLines,
    ...failureLines(result.rounds),
    ...noteLines(result.targets, result.rounds),
    ...floorLines(result.floor),
    '',
  ].join('\n');
}
