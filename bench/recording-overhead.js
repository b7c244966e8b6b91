// `npm run bench -- --record`: what recording costs, as the throughput of the mock recording
// every exchange to a file over the mock's without recording, in the same rounds.
import { median } from './statistics.js';

export const recordingTarget = 'mock-record';
export const plainTarget = 'mock';
// Issue 13: recording costs at most 15 % of the mock's throughput.
export const recordingRatioLimit = 0.85;

// Judged on the median of per-round ratios, as the floor is: the two runs of a round are made
// back to back, so drift on the machine cancels out.
export function judgeRecording(rounds, targetNames) {
  if (!targetNames.includes(recordingTarget)) {
    return { checked: false, passed: true, reason: `no '${recordingTarget}' target in this run` };
  }
  const ratios = [];
  for (const round of rounds) {
    const recording = round.find((entry) => entry.target === recordingTarget);
    const plain = round.find((entry) => entry.target === plainTarget);
    if (recording?.valid && plain?.valid) {
      ratios.push(recording.requestsPerSecond / plain.requestsPerSecond);
    }
  }
  const ratio = median(ratios);
  const base = { checked: true, limit: recordingRatioLimit, roundRatios: ratios, ratio };
  if (ratio === null) return { ...base, passed: false, reason: 'no valid pair of runs' };
  return ratio >= recordingRatioLimit
    ? { ...base, passed: true, reason: 'within the limit' }
    : { ...base, passed: false, reason: 'costs more than the limit' };
}

export function recordingLines(judged) {
  if (!judged.checked) return [];
  const ratio = judged.ratio === null ? 'n/a' : judged.ratio.toFixed(2);
  const cost = judged.ratio === null ? 'n/a' : `${Math.round((1 - judged.ratio) * 100)} %`;
  return [
    `Per-round ratio, ${recordingTarget} / ${plainTarget}: ${judged.roundRatios.map((v) => v.toFixed(2)).join(', ') || 'n/a'}`,
    `Recording: ${recordingTarget} ${ratio} × ${plainTarget} (costs ${cost}; limit: ≥ ${judged.limit.toFixed(2)}), ${judged.reason}: ${judged.passed ? 'PASS' : 'FAIL'}`,
  ];
}
