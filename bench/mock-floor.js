import { baselineTarget } from './targets.js';

// The throughput the mock must keep relative to bare node:http on the same machine in the
// same run (DESIGN.md, issue 17: ≥ 0.75, every round ≥ 0.65; the anchors put a well-built
// fastify mock at 0.75–0.8).
export const floorTarget = 'mock';
export const floorRatio = 0.75;
export const everyRoundRatio = 0.65;

// Gated on the median of per-round ratios: each ratio pairs two runs of the same round, made
// back to back, so drift on the VM cancels out better than in a ratio of two medians.
export function judgeFloor(summaries) {
  const mock = summaries.find((summary) => summary.target === floorTarget);
  if (!mock) {
    return { checked: false, passed: true, reason: `no '${floorTarget}' target in this run` };
  }
  const lowest = mock.roundRatios.length > 0 ? Math.min(...mock.roundRatios) : null;
  const base = {
    checked: true,
    target: floorTarget,
    floor: floorRatio,
    everyRound: everyRoundRatio,
    ratio: mock.medianRoundRatio,
    lowest,
  };
  const invalid = summaries.filter(
    (summary) => summary.invalidRuns > 0 && [floorTarget, baselineTarget].includes(summary.target),
  );
  if (invalid.length > 0) {
    const names = invalid.map((summary) => `${summary.target} (${summary.invalidRuns})`);
    return {
      ...base,
      passed: false,
      reason: `invalid runs with non-2xx responses or errors: ${names.join(', ')}`,
    };
  }
  if (base.ratio === null) return { ...base, passed: false, reason: 'no valid ratio' };
  if (base.ratio < floorRatio) return { ...base, passed: false, reason: 'BELOW the floor' };
  if (lowest < everyRoundRatio) {
    return { ...base, passed: false, reason: 'a round BELOW its floor' };
  }
  return { ...base, passed: true, reason: 'above the floor in every round' };
}
