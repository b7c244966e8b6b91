// One run of the webhook bench: a fresh receiver (with the customers, for the control API) on
// the load core, a fresh sender on the server core, a warm-up, then the measured window with
// the sender's CPU read at both edges and the receiver counting what arrives in it.
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { setTimeout as delay } from 'node:timers/promises';
import { pinnedCommand } from '../cpu-pinning.js';
import { sampleGroup, sampleSystem, windowCosts } from '../proc-stats.js';
import { spawnGroup, stopGroup } from '../process-groups.js';
import { startServer } from '../server-process.js';
import { failureMark, stampPattern, stampPlaceholder } from './webhook-stamp.js';

const driverScript = fileURLToPath(new URL('webhook-driver.js', import.meta.url));
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const startTimeoutMs = 30_000;
const skippedHeaders = new Set(['host', 'connection', 'content-length', 'transfer-encoding']);

// The receiver's process and a way to wait for its next event of a kind.
async function startDriver(pinning) {
  const { command, args } = pinnedCommand(pinning, 'load', [driverScript]);
  const child = spawnGroup(command, args, { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk) => {
    stderr = (stderr + chunk).slice(-4000);
  });
  const waiting = new Map();
  let captured;
  createInterface({ input: child.stdout }).on('line', (line) => {
    const message = JSON.parse(line);
    if (message.event === 'captured') captured = message;
    waiting.get(message.event)?.resolve(message);
  });
  child.once('exit', (code, signal) => {
    const why = new Error(`webhook receiver exited (${signal ?? `code ${code}`}): ${stderr}`);
    for (const { reject } of waiting.values()) reject(why);
  });
  const next = (event, timeoutMs = startTimeoutMs) => {
    if (event === 'captured' && captured) return Promise.resolve(captured);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        waiting.delete(event);
        reject(
          new Error(`webhook receiver: no '${event}' within ${timeoutMs / 1000} s\n${stderr}`),
        );
      }, timeoutMs);
      const settle = (then) => (value) => {
        clearTimeout(timer);
        waiting.delete(event);
        then(value);
      };
      waiting.set(event, { resolve: settle(resolve), reject: settle(reject) });
    });
  };
  const send = (command) => child.stdin.write(`${JSON.stringify(command)}\n`);
  const { url } = await next('listening');
  return { url, next, send, stop: () => stopGroup(child), pid: child.pid };
}

// The first webhook body a mock sent, its stamp turned back into the placeholder: what the bare
// pool posts.
export function templateOf(captured) {
  const headers = Object.fromEntries(
    Object.entries(captured.headers).filter(([name]) => !skippedHeaders.has(name)),
  );
  return { headers, body: captured.body.replace(stampPattern, stampPlaceholder) };
}

/**
 * `window` (optional): told the sender's pid as the measured window opens and as it closes
 * (bench:profile starts and stops the profiler so).
 */
export async function measureWebhookSender(
  sender,
  settings,
  { pinning, clockTicks, log, template, window = {} },
) {
  const driver = await startDriver(pinning);
  let server;
  try {
    log(`receiver on ${driver.url}; starting`);
    const args = sender.args({
      receiverUrl: driver.url,
      connections: settings.connections,
      template,
    });
    server = await startServer({ ...sender, args, cwd: repoRoot }, pinning, startTimeoutMs);
    if (sender.customers) {
      driver.send({ cmd: 'customers', url: server.url, connections: settings.connections });
    }
    const captured = await driver.next('captured');
    log(`first webhook received; warm-up ${settings.warmupSeconds} s`);
    await delay(settings.warmupSeconds * 1000);

    const sample = () => ({
      at: performance.now(),
      server: sampleGroup(server.pid),
      load: sampleGroup(driver.pid),
      system: sampleSystem(),
    });
    window.onMeasuring?.(server.pid);
    const before = sample();
    driver.send({ cmd: 'mark' });
    await driver.next('marked');
    log(`measuring ${settings.durationSeconds} s`);
    await delay(settings.durationSeconds * 1000);
    const after = sample();
    window.onMeasured?.(server.pid);
    driver.send({ cmd: 'report' });
    const report = await driver.next('report');

    const { serverCpuMicrosPerOperation, ...costs } = windowCosts(
      before,
      after,
      clockTicks,
      report.deliveries,
    );
    const senderFailed = server.output.stderr.includes(failureMark) ? 1 : 0;
    const failures = report.customerFailures + report.unstamped + senderFailed;
    return {
      target: sender.name,
      valid: failures === 0 && report.deliveries > 0,
      deliveriesPerSecond: report.deliveries / report.seconds,
      deliveries: report.deliveries,
      latencyP50Ms: report.latencyP50Ms,
      latencyP99Ms: report.latencyP99Ms,
      customerMessages: report.customerMessages,
      failures,
      serverCpuMicrosPerDelivery: serverCpuMicrosPerOperation,
      ...costs,
      captured,
    };
  } finally {
    await server?.stop();
    await driver.stop();
  }
}
