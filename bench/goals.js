// Issue 17's targets, each judged from one run of the bench: the table it prints last, and
// the exit code (1 when one is missed, unless --report-only).
import { count, markdownTable, oneDecimal, ratio } from './format.js';
import { memoryLimitMiB } from './memory/memory-section.js';
import { everyRoundRatio, floorRatio } from './mock-floor.js';
import { baselineTarget } from './targets.js';

export const goals = {
  throughput: floorRatio,
  everyRound: everyRoundRatio,
  cpuTimesBare: 1.35,
  peakRssMiB: 140,
  memoryMiB: memoryLimitMiB,
  timesPrism: 15,
};

const notMeasured = (what, target, why) => ({
  what,
  measured: `not measured (${why})`,
  target,
  verdict: 'skipped',
});
const verdict = (passed) => (passed ? 'PASS' : 'FAIL');

function httpGoals(http) {
  const mock = http?.targets.find((summary) => summary.target === 'mock');
  const bare = http?.targets.find((summary) => summary.target === baselineTarget);
  const rows = {
    throughput: [
      '`POST /{app}/bot`, × bare `node:http`',
      `≥ ${goals.throughput}, every round ≥ ${goals.everyRound}`,
    ],
    cpu: ['server CPU per message, × bare’s', `≤ ${goals.cpuTimesBare}`],
    rss: ['peak RSS under the bench (mock)', `≤ ${goals.peakRssMiB} MiB`],
  };
  if (!mock || !bare) {
    return Object.values(rows).map(([what, target]) =>
      notMeasured(what, target, 'no mock and bare in the HTTP section'),
    );
  }
  const cpu =
    mock.serverCpuMicrosPerRequest === null || !bare.serverCpuMicrosPerRequest
      ? null
      : mock.serverCpuMicrosPerRequest / bare.serverCpuMicrosPerRequest;
  const valid = mock.invalidRuns === 0 && bare.invalidRuns === 0;
  return [
    {
      what: rows.throughput[0],
      measured: `${ratio(http.floor.ratio)} (lowest round ${ratio(http.floor.lowest)})`,
      target: rows.throughput[1],
      verdict: verdict(http.floor.passed),
    },
    {
      what: rows.cpu[0],
      measured: `${ratio(cpu)} (${oneDecimal(mock.serverCpuMicrosPerRequest)} µs against ${oneDecimal(bare.serverCpuMicrosPerRequest)})`,
      target: rows.cpu[1],
      verdict: verdict(valid && cpu !== null && cpu <= goals.cpuTimesBare),
    },
    {
      what: rows.rss[0],
      measured: `${count(mock.peakRssMiB)} MiB (bare ${count(bare.peakRssMiB)})`,
      target: rows.rss[1],
      verdict: verdict(mock.peakRssMiB !== null && mock.peakRssMiB <= goals.peakRssMiB),
    },
  ];
}

function webhookGoals(webhooks) {
  const what = (target) => `webhooks delivered per second (${target}), × a bare undici Pool loop`;
  if (!webhooks) return [notMeasured(what('mock'), '≥ 0.7', 'webhooks section skipped')];
  return webhooks.judged.map((judged) => ({
    what: what(judged.target),
    measured: ratio(judged.ratio),
    target: `≥ ${judged.floor}`,
    verdict: verdict(judged.passed),
  }));
}

function memoryGoal(memory) {
  const what = `RSS after ${memory ? count(memory.settings.messages) : '100,000'} bot messages in ${memory?.settings.rooms ?? 100} rooms`;
  const target = `≤ ${goals.memoryMiB} MiB, flat`;
  if (!memory) return notMeasured(what, target, 'memory section skipped');
  const last = memory.samples.at(-1);
  const shape = memory.judged.flat ? 'flat' : 'still growing';
  return {
    what,
    measured: `${count(last.rssMiB)} MiB, ${shape}`,
    target,
    verdict: verdict(memory.failures === 0 && memory.judged.passed),
  };
}

function peerGoal(http) {
  const what = 'mock throughput, × Prism’s (same run)';
  const target = `≥ ${goals.timesPrism}`;
  const mock = http?.targets.find((summary) => summary.target === 'mock');
  const prism = http?.targets.find((summary) => summary.target === 'prism');
  if (!mock || !prism) return notMeasured(what, target, 'run with --peers');
  const times =
    mock.medianRoundRatio && prism.medianRoundRatio
      ? mock.medianRoundRatio / prism.medianRoundRatio
      : null;
  return {
    what,
    // By CPU per request too: on a busy machine the two may get unequal shares of their core.
    measured: `${ratio(times)} (by CPU µs per request: ${ratio(
      mock.serverCpuMicrosPerRequest &&
        prism.serverCpuMicrosPerRequest / mock.serverCpuMicrosPerRequest,
    )})`,
    target,
    verdict: verdict(times !== null && times >= goals.timesPrism),
  };
}

export function judgeGoals({ http, webhooks, memory }) {
  const rows = [...httpGoals(http), ...webhookGoals(webhooks), memoryGoal(memory), peerGoal(http)];
  return { rows, passed: rows.every((row) => row.verdict !== 'FAIL') };
}

export function renderGoals(judged) {
  const table = markdownTable(
    ['issue 17 target', 'measured', 'target', 'verdict'],
    judged.rows.map((row) => [row.what, row.measured, row.target, row.verdict]),
  );
  return `${table}\n\nTargets: ${judged.passed ? 'all met' : 'MISSED'} (skipped rows are not judged).\n`;
}
