#!/usr/bin/env node
// `npm run bench:profile`: where one target's CPU goes under the bench's own load. The target
// starts as in `npm run bench` (an http target under autocannon, or a webhook sender with its
// customers and the bench's receiver; pinned apart, 50 connections), with V8's profiler
// preloaded (servers/profile-on-signal.js); after the warm-up the profiler runs through the
// measured window only, and its self time is printed by part, in µs a request or a delivery
// (profile-breakdown.js). The profile stays where --out says, to open in Chrome's DevTools.
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { choosePinning } from './cpu-pinning.js';
import { runLoad } from './load-client.js';
import { openTarget } from './measure-target.js';
import { stopAllGroups, stopGroupsOnInterrupt } from './process-groups.js';
import { breakdown } from './profile-breakdown.js';
import { clockTicksPerSecond } from './proc-stats.js';
import { prepareMock, targets } from './targets.js';
import { measureWebhookSender } from './webhooks/measure-webhook-sender.js';
import { webhookSenders } from './webhooks/webhook-senders.js';

const usage = `Usage: npm run bench:profile -- [options]

Profiles one target under the bench's load, server and load pinned apart, and prints its CPU by
part: garbage collection, the socket writes, Node's modules, each npm package, each folder of the
mock's sources. An http target (POST /qiscus-mock-app/bot, 50 connections) in µs a request; a
webhook sender (50 customers writing, the mock delivering to the bench's receiver) in µs a
delivery: webhooks-mock (through the control API), webhooks-in-process (the handle).

Options:
  --target NAME     ${Object.keys(targets).join(', ')},
                    webhooks-mock, webhooks-in-process (default mock)
  --warmup S        seconds of load before the profiler starts      (default 5)
  --duration S      seconds profiled                                (default 10)
  --connections C   keep-alive connections, or customers             (default 50)
  --top K           also list the K functions with the most self time (default 15)
  --out FILE        where the .cpuprofile goes (default: a temporary file, removed)
  --from-sources    profile the checkout's TypeScript through tsx instead of dist/
  --no-build        profile dist/ as it is, without building it first
  --help            print this help

Exit code: 0 done, 1 the target failed, 2 usage error.`;

const log = (message) => process.stderr.write(`${message}\n`);
/** The webhook senders that can be profiled, by the name --target gives them. */
const profiledSenders = { 'webhooks-mock': 'mock', 'webhooks-in-process': 'mock-in-process' };
const profiledTargets = [...Object.keys(targets), ...Object.keys(profiledSenders)];
const preload = fileURLToPath(new URL('servers/profile-on-signal.js', import.meta.url));

function options() {
  const { values } = parseArgs({
    options: {
      target: { type: 'string', default: 'mock' },
      warmup: { type: 'string', default: '5' },
      duration: { type: 'string', default: '10' },
      connections: { type: 'string', default: '50' },
      top: { type: 'string', default: '15' },
      out: { type: 'string' },
      'from-sources': { type: 'boolean', default: false },
      'no-build': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  const counts = {};
  for (const [name, least] of [
    ['warmup', 0],
    ['duration', 1],
    ['connections', 1],
    ['top', 0],
  ]) {
    const value = Number(values[name]);
    if (!Number.isInteger(value) || value < least) {
      throw new Error(`--${name} must be a whole number, at least ${least}; got ${values[name]}`);
    }
    counts[name] = value;
  }
  if (!values.help && !profiledTargets.includes(values.target)) {
    throw new Error(`--target must be one of ${profiledTargets.join(', ')}; got ${values.target}`);
  }
  return { ...values, ...counts };
}

/** Waits for the profile the server writes once the profiler is stopped. */
async function profileWritten(file, pid) {
  const deadline = performance.now() + 30_000;
  while (!existsSync(file)) {
    if (performance.now() > deadline) {
      throw new Error(`the target wrote no profile to ${file} within 30 s`);
    }
    try {
      process.kill(pid, 0);
    } catch {
      throw new Error('the target exited before it wrote its profile');
    }
    await new Promise((done) => setTimeout(done, 100));
  }
  return JSON.parse(readFileSync(file, 'utf8'));
}

/** Turns the profiler on (first call) and off (second) in the process `pid`. */
const toggleProfiler = (pid) => process.kill(pid, 'SIGUSR2');

/** An http target under autocannon: the requests answered in the profiled window. */
async function loadHttpTarget(target, settings, pinning) {
  const { server, request } = await openTarget(target, pinning, (message) =>
    log(`${target.name}: ${message}`),
  );
  try {
    log(`warm-up ${settings.warmup} s, then ${settings.duration} s profiled`);
    const load = await runLoad(
      pinning,
      {
        ...request,
        connections: settings.connections,
        warmupSeconds: settings.warmup,
        durationSeconds: settings.duration,
      },
      { onWarmed: () => toggleProfiler(server.pid), onMeasured: () => toggleProfiler(server.pid) },
    );
    const profile = await profileWritten(target.env.QISCUS_MOCK_PROFILE_FILE, server.pid);
    return {
      profile,
      count: load.totalRequests,
      unit: 'request',
      rate: load.requestsPerSecond,
      failed: load.non2xx + load.errors,
    };
  } finally {
    await server.stop();
  }
}

/** A webhook sender (the mock's customers writing) delivering to the bench's receiver. */
async function loadWebhookSender(sender, settings, pinning) {
  let profile;
  const run = await measureWebhookSender(
    sender,
    {
      connections: settings.connections,
      warmupSeconds: settings.warmup,
      durationSeconds: settings.duration,
    },
    {
      pinning,
      clockTicks: clockTicksPerSecond(),
      log: (message) => log(`${sender.name}: ${message}`),
      template: undefined,
      window: {
        onMeasuring: toggleProfiler,
        onMeasured: (pid) => {
          toggleProfiler(pid);
          // Read before the sender is stopped.
          profile = profileWritten(sender.env.QISCUS_MOCK_PROFILE_FILE, pid);
        },
      },
    },
  );
  return {
    profile: await profile,
    count: run.deliveries,
    unit: 'delivery',
    rate: run.deliveriesPerSecond,
    failed: run.failures,
  };
}

function printBreakdown(name, settings, measured) {
  const result = breakdown(measured.profile);
  const per = (micros) => (micros / measured.count).toFixed(2);
  const plural = measured.unit === 'delivery' ? 'deliveries' : 'requests';
  console.log(
    `${name}: ${measured.count.toLocaleString('en-US')} ${plural} in ${settings.duration} s ` +
      `(${Math.round(measured.rate).toLocaleString('en-US')}/s, ${measured.failed} failed); ` +
      `${per(result.busy)} µs of CPU a ${measured.unit} in the profile (idle left out)\n`,
  );
  console.log(`| part | µs a ${measured.unit} | share |`);
  console.log('| ---- | ----: | ----: |');
  for (const [part, micros] of result.parts) {
    if (micros / measured.count < 0.05) continue;
    console.log(`| ${part} | ${per(micros)} | ${((100 * micros) / result.busy).toFixed(1)} % |`);
  }
  if (settings.top > 0) {
    console.log(`\nThe ${settings.top} functions with the most self time, µs a ${measured.unit}:`);
    for (const [fn, micros] of result.functions.slice(0, settings.top)) {
      console.log(`${per(micros).padStart(8)}  ${fn}`);
    }
  }
}

async function main() {
  let settings;
  try {
    settings = options();
  } catch (error) {
    console.error(`${error.message}\nRun with --help for the options.`);
    process.exit(2);
  }
  if (settings.help) {
    console.log(usage);
    return;
  }
  stopGroupsOnInterrupt(log);
  const sender = profiledSenders[settings.target];
  if (sender || settings.target.startsWith('mock')) {
    const mock = prepareMock(
      { fromSources: settings['from-sources'], build: !settings['no-build'] },
      log,
    );
    log(`Profiling ${mock}.`);
  }
  const file = settings.out
    ? resolve(settings.out)
    : join(tmpdir(), `qiscus-mock-profile-${process.pid}.cpuprofile`);
  mkdirSync(dirname(file), { recursive: true });
  rmSync(file, { force: true });
  const pinning = choosePinning();
  if (!pinning.pinned) log(`Warning: ${pinning.warning}`);
  // The profiled process's environment names the preload and the file; the load's does not.
  const env = {
    NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import=${preload}`.trim(),
    QISCUS_MOCK_PROFILE_FILE: file,
  };
  try {
    const measured = sender
      ? await loadWebhookSender({ ...webhookSenders[sender], env }, settings, pinning)
      : await loadHttpTarget({ ...targets[settings.target], env }, settings, pinning);
    printBreakdown(settings.target, settings, measured);
    if (settings.out) log(`The profile: ${file} (open it in Chrome DevTools, Performance tab).`);
  } finally {
    if (!settings.out) rmSync(file, { force: true });
  }
}

try {
  await main();
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  await stopAllGroups();
  process.exit(1);
}
