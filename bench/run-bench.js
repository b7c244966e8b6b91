// `npm run bench`: throughput of the mock as a ratio to a bare node:http server measured in the
// same run, because absolute req/s on a shared VM swing by ±25 % between runs. Each server is
// started fresh on its own core, warmed up at full load, then measured; the order rotates
// every round so drift hits every target alike.
import { parseBenchOptions, usage, UsageError } from './bench-options.js';
import { choosePinning } from './cpu-pinning.js';
import { describeMachine } from './machine-info.js';
import { checkTargetStarts, measureTarget } from './measure-target.js';
import { rmSync } from 'node:fs';
import { judgeFloor } from './mock-floor.js';
import { judgeRecording, recordingLines } from './recording-overhead.js';
import { stopAllGroups, stopGroupsOnInterrupt } from './process-groups.js';
import { clockTicksPerSecond } from './proc-stats.js';
import { renderReport } from './report-table.js';
import { summarize } from './summarize.js';
import { recordingFile, targets } from './targets.js';

const log = (text) => process.stderr.write(`${text}\n`);

function rotate(names, by) {
  const shift = by % names.length;
  return [...names.slice(shift), ...names.slice(0, shift)];
}

function describeRun(run) {
  const rps = Math.round(run.requestsPerSecond).toLocaleString('en-US');
  const verdict = run.valid ? '' : ` INVALID (${run.failures} non-2xx + errors)`;
  return `${rps} req/s, p99 ${run.latencyP99Ms} ms, ${run.serverCpuMicrosPerRequest.toFixed(1)} µs CPU/req${verdict}`;
}

async function runRounds(options, context) {
  const rounds = [];
  for (let round = 0; round < options.rounds; round += 1) {
    const order = rotate(options.targets, round);
    const runs = [];
    for (const [position, name] of order.entries()) {
      const prefix = `[round ${round + 1}/${options.rounds}, ${position + 1}/${order.length}] ${name}:`;
      const run = await measureTarget(targets[name], options, {
        ...context,
        log: (text) => log(`${prefix} ${text}`),
      });
      runs.push({ ...run, round: round + 1, position: position + 1 });
      log(`${prefix} ${describeRun(run)}`);
    }
    rounds.push(runs);
  }
  return rounds;
}

async function main(argv) {
  const options = parseBenchOptions(argv);
  if (options.help) {
    process.stdout.write(usage);
    return 0;
  }
  const pinning = choosePinning();
  if (!pinning.pinned) log(`WARNING: ${pinning.warning}`);
  const machine = describeMachine();
  const perRun = options.warmupSeconds + options.durationSeconds + 1;
  const seconds = Math.ceil(options.rounds * options.targets.length * perRun);
  log(
    `Benchmarking ${options.targets.join(', ')}: ${options.rounds} round(s), about ` +
      `${Math.floor(seconds / 60)} min ${seconds % 60} s`,
  );

  for (const name of options.targets) {
    await checkTargetStarts(targets[name], pinning, (text) => log(`[check] ${name}: ${text}`));
  }
  const rounds = await runRounds(options, { pinning, clockTicks: clockTicksPerSecond() });
  const summaries = summarize(rounds, options.targets);
  const floor = judgeFloor(summaries);
  const recording = judgeRecording(rounds, options.targets);
  const allRunsValid = rounds.flat().every((run) => run.valid);
  const result = {
    machine,
    pinning,
    settings: {
      rounds: options.rounds,
      warmupSeconds: options.warmupSeconds,
      durationSeconds: options.durationSeconds,
      connections: options.connections,
      targets: options.targets,
    },
    targets: summaries,
    rounds,
    floor,
    recording,
    allRunsValid,
  };
  process.stdout.write(
    options.json
      ? `${JSON.stringify(result, null, 2)}\n`
      : `${renderReport(result)}${recordingLines(recording)
          .map((line) => `${line}\n`)
          .join('')}`,
  );
  return floor.passed && recording.passed && allRunsValid ? 0 : 1;
}

stopGroupsOnInterrupt(log);
try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  if (error instanceof UsageError) {
    log(`run-bench: ${error.message}\nRun with --help for usage.`);
    process.exitCode = 2;
  } else {
    log(`run-bench: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
  await stopAllGroups();
} finally {
  rmSync(recordingFile, { force: true });
}
