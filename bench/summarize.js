// Per-target medians over the valid runs, and throughput as a ratio to the bare baseline.
import { baselineTarget } from './targets.js';
import { maximum, median, spread } from './statistics.js';

function roundRatios(rounds, name) {
  const ratios = [];
  for (const round of rounds) {
    const run = round.find((entry) => entry.target === name);
    const base = round.find((entry) => entry.target === baselineTarget);
    if (run?.valid && base?.valid) ratios.push(run.requestsPerSecond / base.requestsPerSecond);
  }
  return ratios;
}

// Medians over the valid runs of what every section measures the same way.
export function costMedians(runs) {
  const valid = runs.filter((entry) => entry.valid);
  const pick = (key) => valid.map((entry) => entry[key]);
  return {
    latencyP50Ms: median(pick('latencyP50Ms')),
    latencyP99Ms: median(pick('latencyP99Ms')),
    serverCpuShare: median(pick('serverCpuShare')),
    clientCpuShare: median(pick('clientCpuShare')),
    otherCpuShare: median(pick('otherCpuShare')),
    stealShare: median(pick('stealShare')),
    noiseShare: median(valid.map((entry) => entry.otherCpuShare + entry.stealShare)),
    peakRssMiB: median(pick('peakRssMiB')),
    failures: runs.reduce((sum, entry) => sum + entry.failures, 0),
  };
}

function summarizeTarget(rounds, name) {
  const runs = rounds.flat().filter((entry) => entry.target === name);
  const valid = runs.filter((entry) => entry.valid);
  const pick = (key) => valid.map((entry) => entry[key]);
  const ratios = roundRatios(rounds, name);
  return {
    target: name,
    runs: runs.length,
    validRuns: valid.length,
    invalidRuns: runs.length - valid.length,
    requestsPerSecond: spread(pick('requestsPerSecond')),
    serverCpuMicrosPerRequest: median(pick('serverCpuMicrosPerRequest')),
    ...costMedians(runs),
    serverProcesses: maximum(runs.map((entry) => entry.serverProcesses)),
    serverOutputBytes: maximum(runs.map((entry) => entry.serverOutputBytes)),
    roundRatios: ratios,
    medianRoundRatio: median(ratios),
  };
}

const quotient = (numerator, denominator) =>
  numerator === null || denominator === null || denominator === 0 ? null : numerator / denominator;

// Besides throughput, the ratio of CPU cost per request (bare's µs ÷ the target's µs): it
// barely moves when something else competes for the machine, while req/s does.
export function summarize(rounds, names) {
  const summaries = names.map((name) => summarizeTarget(rounds, name));
  const base = summaries.find((summary) => summary.target === baselineTarget);
  return summaries.map((summary) => ({
    ...summary,
    ratioOfMedians: quotient(
      summary.requestsPerSecond.median,
      base?.requestsPerSecond.median ?? null,
    ),
    cpuCostRatio: quotient(
      base?.serverCpuMicrosPerRequest ?? null,
      summary.serverCpuMicrosPerRequest,
    ),
  }));
}
