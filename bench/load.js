// The load generator, run as its own pinned process: warm-up, then wait for the parent's
// "go" (so it can read the server's CPU counters exactly at the edge of the measured
// window), then measure and print the result as one JSON line on stdout.
import { createInterface } from 'node:readline';
import autocannon from 'autocannon';

const config = JSON.parse(process.argv[2] ?? '{}');
const request = {
  url: config.url,
  method: 'POST',
  headers: config.headers,
  body: config.body,
  connections: config.connections,
};

function emit(event) {
  process.stdout.write(`${JSON.stringify(event)}\n`);
}

function failures(result) {
  return {
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    statusCodes: Object.fromEntries(
      Object.entries(result.statusCodeStats).map(([code, stats]) => [code, stats.count]),
    ),
  };
}

// Without the parent there is nobody to read the result, so stop instead of loading on.
const stdin = createInterface({ input: process.stdin });
stdin.once('close', () => process.exit(3));
const go = new Promise((resolve) => stdin.once('line', resolve));

const warmup =
  config.warmupSeconds > 0
    ? await autocannon({ ...request, duration: config.warmupSeconds })
    : null;
emit({ event: 'warmed', warmup: warmup ? failures(warmup) : null });
await go;

const result = await autocannon({ ...request, duration: config.durationSeconds });

emit({
  event: 'result',
  requestsPerSecond: result.requests.average,
  totalRequests: result.requests.total,
  latencyP50Ms: result.latency.p50,
  latencyP99Ms: result.latency.p99,
  ...failures(result),
});
stdin.removeAllListeners('close');
stdin.close();
