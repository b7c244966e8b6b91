// `npm run bench`'s http section: each target in turn, fresh, warmed up, then measured; the
// order rotates every round so drift hits every target alike.
import { checkTargetStarts, measureTarget } from './measure-target.js';
import { judgeFloor } from './mock-floor.js';
import { judgeRecording } from './recording-overhead.js';
import { rotate } from './statistics.js';
import { summarize } from './summarize.js';

function describeRun(run) {
  const rps = Math.round(run.requestsPerSecond).toLocaleString('en-US');
  const verdict = run.valid ? '' : ` INVALID (${run.failures} non-2xx + errors)`;
  return `${rps} req/s, p99 ${run.latencyP99Ms} ms, ${run.serverCpuMicrosPerRequest.toFixed(1)} µs CPU/req${verdict}`;
}

async function runRounds(names, catalogue, options, context) {
  const rounds = [];
  for (let round = 0; round < options.rounds; round += 1) {
    const order = rotate(names, round);
    const runs = [];
    for (const [position, name] of order.entries()) {
      const prefix = `[round ${round + 1}/${options.rounds}, ${position + 1}/${order.length}] ${name}:`;
      const run = await measureTarget(catalogue[name], options, {
        ...context,
        log: (text) => context.log(`${prefix} ${text}`),
      });
      runs.push({ ...run, round: round + 1, position: position + 1 });
      context.log(`${prefix} ${describeRun(run)}`);
    }
    rounds.push(runs);
  }
  return rounds;
}

// With more than one round, every target is started once before the rounds, so one that cannot
// start fails the bench in seconds, not minutes (a single round finds out as soon).
export async function runHttpSection(names, catalogue, options, context) {
  for (const name of options.rounds > 1 ? names : []) {
    await checkTargetStarts(catalogue[name], context.pinning, (text) =>
      context.log(`[check] ${name}: ${text}`),
    );
  }
  const rounds = await runRounds(names, catalogue, options, context);
  const targets = summarize(rounds, names);
  return {
    targets,
    rounds,
    floor: judgeFloor(targets),
    recording: judgeRecording(rounds, names),
    allRunsValid: rounds.flat().every((run) => run.valid),
  };
}
