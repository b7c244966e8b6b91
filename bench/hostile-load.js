// Hostile load (issue 15): 1 MB bodies a hostile or broken client sends, at full speed, against
// `qiscus-mock serve` with its defaults, while another client reads GET /_mock/traffic page by
// page and times each answer. Reports the server's peak RSS and the traffic latency, and exits
// 1 when either passes its budget (docs/reliability.md). The reader runs in a thread of its own
// (hostile-reader.js).
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { setTimeout as delay } from 'node:timers/promises';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import { Pool } from 'undici';
import {
  diagnosisLines,
  probeArgs,
  readDiagnosis,
  runQueueShare,
  schedstatOf,
} from './server-diagnosis.js';
import { describeMachine } from './machine-info.js';
import { spawnGroup, stopGroup, stopGroupsOnInterrupt } from './process-groups.js';
import { percentile } from './statistics.js';

const usage = `Usage: npm run bench:hostile -- [options]

Builds the package (dist/), starts its \`qiscus-mock serve\` with the defaults, and sends it
1 MB hostile bodies at full speed:
a wrong secret, JSON cut off, arrays nested 500,000 deep, and valid custom payloads of 1 MB
(stored). Meanwhile another client reads GET /_mock/traffic page by page and times it.

Options:
  --seconds S        how long the load lasts                         (default 60)
  --connections C    connections sending hostile bodies              (default 8)
  --rss-budget MB    the server's peak RSS may not pass this, in MiB (default 200)
  --latency-ms MS    no traffic read may take longer                 (default 100)
  --no-build         use dist/ as it is, without \`npm run build\` first
  --serve-flags=F    more flags for serve, e.g. --serve-flags="--rooms-budget 16MB"
  --diagnose         also report, from inside the server, its event-loop delay, the time
                     each traffic read took there, and V8's GC pauses (--trace-gc)
  --json             print a JSON result object instead of the summary
  --help             print this help

Exit code: 0 within both budgets, 1 a budget passed (or the server failed), 2 usage error.
`;

const root = fileURLToPath(new URL('..', import.meta.url));
// The package as users run it: compiled, without the TypeScript loader a checkout runs through.
const builtCli = path.join(root, 'dist/js/cli.js');
const megabyte = 1024 * 1024;

function options(argv) {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      seconds: { type: 'string', default: '60' },
      connections: { type: 'string', default: '8' },
      'rss-budget': { type: 'string', default: '200' },
      'latency-ms': { type: 'string', default: '100' },
      json: { type: 'boolean', default: false },
      'no-build': { type: 'boolean', default: false },
      diagnose: { type: 'boolean', default: false },
      'serve-flags': { type: 'string', default: '' },
      help: { type: 'boolean', default: false },
    },
  });
  const number = (name) => {
    const value = Number(values[name]);
    if (!Number.isFinite(value) || value <= 0) {
      throw new RangeError(`--${name} must be a number above 0, not '${values[name]}'`);
    }
    return value;
  };
  return {
    help: values.help,
    json: values.json,
    build: !values['no-build'],
    diagnose: values.diagnose,
    serveFlags: values['serve-flags'].split(' ').filter((flag) => flag !== ''),
    seconds: number('seconds'),
    connections: Math.round(number('connections')),
    rssBudgetMiB: number('rss-budget'),
    latencyMs: number('latency-ms'),
  };
}

const probeFile = path.join(tmpdir(), `qiscus-mock-probe-${process.pid}.json`);

async function startServe(diagnose, serveFlags) {
  const child = spawnGroup(
    process.execPath,
    [...(diagnose ? probeArgs : []), builtCli, 'serve', '--port', '0', ...serveFlags],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, ...(diagnose ? { QISCUS_MOCK_PROBE_FILE: probeFile } : {}) },
    },
  );
  let stdout = '';
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk) => (stderr += chunk));
  child.stdout.setEncoding('utf8');
  const url = await new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      const match = /listening on (http:\/\/\S+)/.exec(stdout);
      if (match) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`serve exited (${code}):\n${stderr}`)));
  });
  return { child, url, stderr: () => stderr, stdout: () => stdout };
}

/** VmRSS and VmHWM of one process, in KiB. */
function memoryOf(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const field = (name) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0);
  return { rss: field('VmRSS'), hwm: field('VmHWM') };
}

/** The four hostile bodies, each about 1 MB. */
function hostileRequests(appCode, roomId) {
  const size = 1_000_000;
  const text = 'x'.repeat(size - 200);
  const botMessage = (message) =>
    JSON.stringify({ sender_email: `${appCode}_admin@qismo.com`, room_id: roomId, ...message });
  const items = Array.from({ length: 23_500 }, (_, n) => ({ id: n, label: `item ${n}`, ok: true }));
  const json = { 'content-type': 'application/json' };
  return {
    'wrong secret': {
      headers: { ...json, QISCUS_SDK_SECRET: 'not-the-secret' },
      body: botMessage({ message: text, type: 'text' }),
    },
    'bad JSON': {
      headers: { ...json, QISCUS_SDK_SECRET: 'mock-secret-key' },
      body: `{"room_id": "${roomId}", "message": "${text}`,
    },
    'deep nesting': {
      headers: { ...json, QISCUS_SDK_SECRET: 'mock-secret-key' },
      body: `${'['.repeat(size / 2)}${']'.repeat(size / 2)}`,
    },
    'huge valid custom': {
      headers: { ...json, QISCUS_SDK_SECRET: 'mock-secret-key' },
      body: botMessage({
        type: 'custom',
        message: 'catalogue',
        payload: { type: 'catalogue', content: { items } },
      }),
    },
  };
}

async function run(settings) {
  const machine = describeMachine();
  const load = [readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')];
  const serve = await startServe(settings.diagnose, settings.serveFlags);
  const pid = serve.child.pid;
  try {
    const opened = await fetch(`${serve.url}/_mock/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ channel: 'qiscus', text: 'Hi' }),
    });
    const { room_id: roomId } = await opened.json();
    const kinds = Object.entries(hostileRequests('qiscus-mock-app', roomId));
    const path = '/qiscus-mock-app/bot';
    const reader = new Worker(new URL('./hostile-reader.js', import.meta.url), {
      workerData: { url: serve.url, seconds: settings.seconds },
    });
    const message = () =>
      new Promise((resolve, reject) => {
        reader.once('message', resolve);
        reader.once('error', reject);
      });
    await message();
    const read = message();
    reader.postMessage('go');
    const statuses = {};
    const sent = { requests: 0, bytes: 0, errors: 0 };
    const endAt = performance.now() + settings.seconds * 1000;
    const pool = new Pool(serve.url, { connections: settings.connections });
    let turn = 0;
    const sender = async () => {
      while (performance.now() < endAt) {
        const [kind, request] = kinds[turn++ % kinds.length];
        try {
          const answer = await pool.request({ method: 'POST', path, ...request });
          await answer.body.dump();
          const key = `${kind} → ${answer.statusCode}`;
          statuses[key] = (statuses[key] ?? 0) + 1;
          sent.requests += 1;
          sent.bytes += request.body.length;
        } catch {
          sent.errors += 1;
        }
      }
    };
    // The reader: its own connection and thread, one page after another, as the dashboard does.
    let peak = { rss: 0, hwm: 0 };
    // RSS every 5 s, to tell a leak (it climbs) from a heap that settles.
    const series = [];
    const startedAt = performance.now();
    const sample = async () => {
      while (performance.now() < endAt) {
        const now = memoryOf(pid);
        const second = Math.floor((performance.now() - startedAt) / 5000) * 5;
        if (series.at(-1)?.second !== second)
          series.push({ second, rssMiB: Math.round(now.rss / 1024) });
        peak = { rss: Math.max(peak.rss, now.rss), hwm: Math.max(peak.hwm, now.hwm) };
        await delay(250);
      }
    };
    const scheduled = schedstatOf(pid);
    const [{ latencies, pages }] = await Promise.all([
      read,
      ...Array.from({ length: settings.connections }, sender),
      sample(),
    ]);
    const queued = runQueueShare(scheduled, schedstatOf(pid));
    const final = memoryOf(pid);
    peak = { rss: Math.max(peak.rss, final.rss), hwm: Math.max(peak.hwm, final.hwm) };
    await pool.close();
    load.push(readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' '));
    const sorted = [...latencies].sort((a, b) => a - b);
    const peakMiB = Math.round((peak.hwm / 1024) * 10) / 10;
    const maxMs = Math.round((sorted.at(-1) ?? 0) * 10) / 10;
    return {
      machine,
      loadAverage: { before: load[0], after: load[1] },
      settings,
      sent: { ...sent, megabytes: Math.round(sent.bytes / megabyte), statuses },
      server: {
        peakRssMiB: peakMiB,
        rssBudgetMiB: settings.rssBudgetMiB,
        rssEvery5sMiB: series.map((point) => point.rssMiB),
      },
      traffic: {
        reads: latencies.length,
        pages,
        p50Ms: Math.round(percentile(sorted, 0.5) * 10) / 10,
        p99Ms: Math.round(percentile(sorted, 0.99) * 10) / 10,
        maxMs,
        limitMs: settings.latencyMs,
      },
      ...(settings.diagnose
        ? { diagnosis: { ...readDiagnosis(probeFile, serve.stdout()), ...queued } }
        : {}),
      passed: peakMiB <= settings.rssBudgetMiB && maxMs <= settings.latencyMs,
      serverStderr: serve.stderr().split('\n').slice(-5).join('\n'),
    };
  } finally {
    await stopGroup(serve.child);
  }
}

function summary(result) {
  const { sent, server, traffic, machine, loadAverage, settings } = result;
  return [
    `Hostile load, ${settings.seconds} s, ${settings.connections} connections (${machine.date}, ${machine.cores} × ${machine.cpuModel}, Node ${machine.node}, ${machine.commit}${machine.uncommittedChanges ? '+' : ''}; load average ${loadAverage.before} before, ${loadAverage.after} after)`,
    `  sent      ${sent.requests} requests, ${sent.megabytes} MiB, ${sent.errors} failed to send`,
    ...Object.entries(sent.statuses).map(([key, count]) => `            ${key}: ${count}`),
    `  server    peak RSS ${server.peakRssMiB} MiB (budget ${server.rssBudgetMiB}); every 5 s: ${server.rssEvery5sMiB.join(', ')} MiB`,
    `  traffic   ${traffic.reads} reads: p50 ${traffic.p50Ms} ms, p99 ${traffic.p99Ms} ms, max ${traffic.maxMs} ms (limit ${traffic.limitMs})`,
    ...(result.diagnosis ? diagnosisLines(result.diagnosis) : []),
    result.passed ? 'PASSED' : 'FAILED: a budget was passed',
  ].join('\n');
}

let settings;
try {
  settings = options(process.argv.slice(2));
} catch (error) {
  process.stderr.write(`${error.message}\n\n${usage}`);
  process.exit(2);
}
if (settings.help) {
  process.stdout.write(usage);
  process.exit(0);
}
stopGroupsOnInterrupt((line) => process.stderr.write(`${line}\n`));
if (settings.build) {
  process.stderr.write('Building dist/ (npm run build) …\n');
  const built = spawnSync(process.execPath, [path.join(root, 'packaging/build.js')], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (built.status !== 0) process.exit(1);
}
try {
  const result = await run(settings);
  process.stdout.write(`${settings.json ? JSON.stringify(result, null, 2) : summary(result)}\n`);
  process.exitCode = result.passed ? 0 : 1;
} catch (error) {
  process.stderr.write(`hostile-load: ${error.stack ?? error.message}\n`);
  process.exitCode = 1;
}
