// Loaded into the `serve` under test with `node --import` by `npm run bench:hostile -- --diagnose`:
// notes from inside the server how long its event loop was held (perf_hooks'
// monitorEventLoopDelay) and how long each GET /_mock/traffic took from its headers to its last
// byte, and writes both to the file in QISCUS_MOCK_PROBE_FILE every second. It changes nothing
// the server does.
import { subscribe } from 'node:diagnostics_channel';
import { writeFileSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';

const file = process.env.QISCUS_MOCK_PROBE_FILE;
if (file) {
  const loop = monitorEventLoopDelay({ resolution: 5 });
  loop.enable();
  const started = new WeakMap();
  const reads = [];
  subscribe('http.server.request.start', ({ request }) => {
    if (request.url.startsWith('/_mock/traffic')) started.set(request, performance.now());
  });
  subscribe('http.server.response.finish', ({ request }) => {
    const at = started.get(request);
    if (at !== undefined) reads.push(Math.round((performance.now() - at) * 10) / 10);
  });
  const ms = (ns) => Math.round(ns / 1e5) / 10;
  setInterval(() => {
    const delay = {
      p50Ms: ms(loop.percentile(50)),
      p99Ms: ms(loop.percentile(99)),
      p999Ms: ms(loop.percentile(99.9)),
      maxMs: ms(loop.max),
    };
    writeFileSync(file, JSON.stringify({ loopDelay: delay, serverReadsMs: reads }));
  }, 1000).unref();
}
