#!/usr/bin/env node
// `npm run bench:profile`: where one http target's CPU goes under the bench's own load. The
// target starts as in `npm run bench` (pinned, the same request, 50 connections), with V8's
// profiler preloaded (servers/profile-on-signal.js); after the warm-up the profiler runs through
// the measured window only, and its self time is printed by part, in µs a request
// (profile-breakdown.js). The profile stays where --out says, to open in Chrome's DevTools.
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { choosePinning } from './cpu-pinning.js';
import { runLoad } from './load-client.js';
import { postJson } from './post-json.js';
import { stopAllGroups, stopGroupsOnInterrupt } from './process-groups.js';
import { breakdown } from './profile-breakdown.js';
import { botHeaders, botMessageBody, botPath } from './request-body.js';
import { startServer } from './server-process.js';
import { prepareMock, targets } from './targets.js';

const usage = `Usage: npm run bench:profile -- [options]

Profiles one target of the http section under the bench's load (POST /qiscus-mock-app/bot, 50
connections, server and load pinned apart) and prints its CPU by part in µs a request: garbage
collection, Node's modules, each npm package, each folder of the mock's sources.

Options:
  --target NAME     ${Object.keys(targets).join(', ')} (default mock)
  --warmup S        seconds of load before the profiler starts      (default 5)
  --duration S      seconds profiled                                (default 10)
  --connections C   keep-alive connections                          (default 50)
  --top K           also list the K functions with the most self time (default 15)
  --out FILE        where the .cpuprofile goes (default: a temporary file, removed)
  --from-sources    profile the checkout's TypeScript through tsx instead of dist/
  --no-build        profile dist/ as it is, without building it first
  --help            print this help

Exit code: 0 done, 1 the target failed, 2 usage error.`;

const log = (message) => process.stderr.write(`${message}\n`);
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
  if (!values.help && !Object.hasOwn(targets, values.target)) {
    throw new Error(
      `--target must be one of ${Object.keys(targets).join(', ')}; got ${values.target}`,
    );
  }
  return { ...values, ...counts };
}

/** Waits for the profile the server writes once the profiler is stopped. */
async function profileWritten(file, server) {
  const deadline = performance.now() + 30_000;
  while (!existsSync(file)) {
    if (performance.now() > deadline) {
      throw new Error(`the target wrote no profile to ${file} within 30 s`);
    }
    try {
      process.kill(server.pid, 0);
    } catch {
      throw new Error('the target exited before it wrote its profile');
    }
    await new Promise((done) => setTimeout(done, 100));
  }
  return JSON.parse(readFileSync(file, 'utf8'));
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
  const target = targets[settings.target];
  if (target.name.startsWith('mock')) {
    log(
      `Profiling ${prepareMock({ fromSources: settings['from-sources'], build: !settings['no-build'] }, log)}.`,
    );
  }
  const file = settings.out
    ? resolve(settings.out)
    : join(tmpdir(), `qiscus-mock-profile-${process.pid}.cpuprofile`);
  mkdirSync(dirname(file), { recursive: true });
  rmSync(file, { force: true });
  const pinning = choosePinning();
  if (!pinning.pinned) log(`Warning: ${pinning.warning}`);

  // The server's environment names the preload and the file; the load generator's does not.
  const saved = { options: process.env.NODE_OPTIONS, file: process.env.QISCUS_MOCK_PROFILE_FILE };
  process.env.NODE_OPTIONS = `${saved.options ?? ''} --import=${preload}`.trim();
  process.env.QISCUS_MOCK_PROFILE_FILE = file;
  let server;
  try {
    server = await startServer(target, pinning, 30_000);
  } finally {
    if (saved.options === undefined) delete process.env.NODE_OPTIONS;
    else process.env.NODE_OPTIONS = saved.options;
    if (saved.file === undefined) delete process.env.QISCUS_MOCK_PROFILE_FILE;
    else process.env.QISCUS_MOCK_PROFILE_FILE = saved.file;
  }
  try {
    log(`${target.name} listening on ${server.url} (pid ${server.pid})`);
    const roomId = await target.prepare(server.url);
    const request = {
      url: `${server.url}${botPath}`,
      headers: botHeaders,
      body: botMessageBody(roomId),
    };
    const first = await postJson(request.url, request.headers, request.body);
    if (first.status !== 200) {
      throw new Error(
        `${target.name} answered ${first.status} to POST ${request.url}: ${first.text.slice(0, 300)}`,
      );
    }
    log(`warm-up ${settings.warmup} s, then ${settings.duration} s profiled`);
    const load = await runLoad(
      pinning,
      {
        ...request,
        connections: settings.connections,
        warmupSeconds: settings.warmup,
        durationSeconds: settings.duration,
      },
      {
        onWarmed: () => process.kill(server.pid, 'SIGUSR2'),
        onMeasured: () => process.kill(server.pid, 'SIGUSR2'),
      },
    );
    const profile = await profileWritten(file, server);
    const requests = load.totalRequests;
    const failed = load.non2xx + load.errors;
    const result = breakdown(profile);
    const per = (micros) => (micros / requests).toFixed(2);
    console.log(
      `${target.name}: ${requests.toLocaleString('en-US')} requests in ${settings.duration} s ` +
        `(${Math.round(load.requestsPerSecond).toLocaleString('en-US')}/s, ${failed} failed); ` +
        `${per(result.busy)} µs of CPU a request in the profile (idle left out)\n`,
    );
    console.log('| part | µs a request | share |');
    console.log('| ---- | -----------: | ----: |');
    for (const [part, micros] of result.parts) {
      if (micros / requests < 0.05) continue;
      console.log(`| ${part} | ${per(micros)} | ${((100 * micros) / result.busy).toFixed(1)} % |`);
    }
    if (settings.top > 0) {
      console.log(`\nThe ${settings.top} functions with the most self time, µs a request:`);
      for (const [name, micros] of result.functions.slice(0, settings.top)) {
        console.log(`${per(micros).padStart(8)}  ${name}`);
      }
    }
    if (settings.out) log(`The profile: ${file} (open it in Chrome DevTools, Performance tab).`);
  } finally {
    await server.stop();
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
