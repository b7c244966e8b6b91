import { baselineTarget } from './targets.js';

// The throughput the mock must keep relative to bare node:http on the same machine in the
// same run (DESIGN target; the anchors put a well-built fastify mock at 0.75–0.8).
export const floorTarget = 'mock';
export const floorRatio = 0.6;
export const aimRatio = 0.7;

// Gated on the median of per-round ratios: each ratio pairs two runs of the same round, made
// back to back, so drift on the VM cancels out better than in a ratio of two medians.
export function judgeFloor(summaries) {
  const mock = summaries.find((summary) => summary.target === floorTarget);
  if (!mock) {
    return { checked: false, passed: true, reason: `no '${floorTarget}' target in this run` };
  }
  const base = { checked: true, target: floorTarget, floor: floorRatio, aim: aimRatio };
  const invalid = summaries.filter(
    (summary) => summary.invalidRuns > 0 && [floorTarget, baselineTarget].includes(summary.target),
  );
  if (invalid.length > 0) {
    const names = invalid.map((summary) => `${summary.target} (${summary.invalidRuns})`);
    return {
      ...base,
      ratio: mock.medianRoundRatio,
      passed: false,
      reason: `invalid runs with non-2xx responses or errors: ${names.join(', ')}`,
    };
  }
  const ratio = mock.medianRoundRatio;
  if (ratio === null) return { ...base, ratio, passed: false, reason: 'no valid ratio' };
  if (ratio < floorRatio) return { ...base, ratio, passed: false, reason: 'BELOW the floor' };
  const reason = ratio >= aimRatio ? 'meets the aim' : 'above the floor, below the aim';
  return { ...base, ratio, passed: true, reason };
}
