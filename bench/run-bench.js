// `npm run bench`: the mock measured against bare servers in the same run, because absolute
// numbers on a shared VM swing by ±25 % between runs. Three sections (http, webhooks, memory;
// see bench-options.js), then issue 17's targets judged; progress on stderr, result on stdout.
import { rmSync, writeFileSync } from 'node:fs';
import { parseBenchOptions, usage, UsageError } from './bench-options.js';
import { choosePinning } from './cpu-pinning.js';
import { judgeGoals, renderGoals } from './goals.js';
import { runHttpSection } from './http-section.js';
import { describeMachine } from './machine-info.js';
import { renderMemoryReport } from './memory/memory-report.js';
import { runMemorySection } from './memory/memory-section.js';
import { ensurePeers } from './peers/peer-install.js';
import { peerTargets } from './peers/peer-targets.js';
import { stopAllGroups, stopGroupsOnInterrupt } from './process-groups.js';
import { clockTicksPerSecond } from './proc-stats.js';
import { recordingLines } from './recording-overhead.js';
import { renderReport } from './report-table.js';
import { prepareMock, recordingFile, targets } from './targets.js';
import { renderWebhookReport } from './webhooks/webhook-report.js';
import { runWebhookSection } from './webhooks/webhook-section.js';
import { webhookSenderNames } from './webhooks/webhook-senders.js';

const log = (text) => process.stderr.write(`${text}\n`);
const memoryRooms = 100;

function httpTargets(options) {
  if (!options.peers) return { names: options.targets, catalogue: targets };
  const peers = peerTargets(ensurePeers(log));
  return {
    names: [...options.targets, ...Object.keys(peers)],
    catalogue: { ...targets, ...peers },
  };
}

function announce(options, httpNames) {
  const perRun = options.warmupSeconds + options.durationSeconds + 3;
  const runs =
    (options.sections.includes('http') ? httpNames.length * (options.rounds + 1) : 0) +
    (options.sections.includes('webhooks') ? webhookSenderNames.length * options.rounds : 0);
  const seconds = Math.ceil(runs * perRun + (options.sections.includes('memory') ? 30 : 0));
  log(
    `Benchmarking ${options.sections.join(', ')}${options.peers ? ' with the peers' : ''}: ` +
      `${options.rounds} round(s), about ${Math.floor(seconds / 60)} min ${seconds % 60} s`,
  );
}

function renderText(result) {
  const parts = [`The mock measured: ${result.settings.mock}.\n\n`];
  if (result.http) {
    parts.push(renderReport({ ...result, ...result.http }));
    parts.push(...recordingLines(result.http.recording).map((line) => `${line}\n`));
  }
  if (result.webhooks) parts.push(`\n${renderWebhookReport(result.webhooks)}`);
  if (result.memory) parts.push(`\n${renderMemoryReport(result.memory)}`);
  parts.push(`\n${renderGoals(result.goals)}`);
  return parts.join('');
}

async function main(argv) {
  const options = parseBenchOptions(argv);
  if (options.help) {
    process.stdout.write(usage);
    return 0;
  }
  const mock = prepareMock(options, log);
  log(`The mock measured: ${mock}.`);
  const pinning = choosePinning();
  if (!pinning.pinned) log(`WARNING: ${pinning.warning}`);
  const machine = describeMachine();
  const { names, catalogue } = options.sections.includes('http')
    ? httpTargets(options)
    : { names: [], catalogue: targets };
  announce(options, names);
  const context = { pinning, clockTicks: clockTicksPerSecond(), log };
  const { rounds, warmupSeconds, durationSeconds, connections } = options;
  const common = { rounds, warmupSeconds, durationSeconds, connections };

  const http = options.sections.includes('http')
    ? await runHttpSection(names, catalogue, options, context)
    : null;
  const webhooks = options.sections.includes('webhooks')
    ? await runWebhookSection(common, context)
    : null;
  const memory = options.sections.includes('memory')
    ? await runMemorySection(
        { messages: options.memoryMessages, rooms: memoryRooms, connections },
        context,
      )
    : null;
  const goals = judgeGoals({ http, webhooks, memory });
  const result = {
    machine,
    pinning,
    settings: {
      ...common,
      sections: options.sections,
      peers: options.peers,
      targets: names,
      mock,
    },
    http,
    webhooks,
    memory,
    goals,
  };
  const json = `${JSON.stringify(result, null, 2)}\n`;
  if (options.jsonOut) writeFileSync(options.jsonOut, json);
  process.stdout.write(options.json ? json : renderText(result));

  const allValid =
    (http?.allRunsValid ?? true) &&
    (webhooks?.rounds.flat().every((run) => run.valid) ?? true) &&
    (memory ? memory.failures === 0 : true);
  const floorsHeld = (http ? http.floor.passed && http.recording.passed : true) && goals.passed;
  return allValid && (floorsHeld || options.reportOnly) ? 0 : 1;
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
