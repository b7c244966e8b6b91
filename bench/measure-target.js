// One measurement of one target: a fresh server, one checked request, warm-up, the measured
// window with the server's CPU counters read at both edges, peak RSS, then the server is stopped.
import { runLoad } from './load-client.js';
import { postJson } from './post-json.js';
import { sampleGroup, sampleSystem, windowCosts } from './proc-stats.js';
import { botHeaders, botMessageBody, botPath } from './request-body.js';
import { startServer } from './server-process.js';

const startTimeoutMs = 30_000;

async function checkOneRequest(target, request) {
  const { status, text } = await postJson(request.url, request.headers, request.body);
  if (status !== 200) {
    throw new Error(
      `target '${target.name}' answered ${status} instead of 200 to POST ${request.url}: ` +
        text.slice(0, 500),
    );
  }
}

function failureCount(counts) {
  return counts ? counts.non2xx + counts.errors : 0;
}

// A started server that has answered one bot message with 200; the caller stops it.
export async function openTarget(target, pinning, log) {
  log('starting');
  const server = await startServer(target, pinning, startTimeoutMs);
  try {
    log(`listening on ${server.url} (pid ${server.pid})`);
    const roomId = await target.prepare(server.url);
    const request = {
      url: `${server.url}${botPath}`,
      headers: botHeaders,
      body: botMessageBody(roomId),
    };
    await checkOneRequest(target, request);
    return { server, request };
  } catch (error) {
    await server.stop();
    throw error;
  }
}

// Before any round, so a target that cannot start fails the bench in seconds, not minutes.
export async function checkTargetStarts(target, pinning, log) {
  const { server } = await openTarget(target, pinning, log);
  await server.stop();
}

export async function measureTarget(target, settings, { pinning, clockTicks, log }) {
  const { server, request } = await openTarget(target, pinning, log);
  try {
    const window = {};
    const sample = (loadPid) => ({
      at: performance.now(),
      server: sampleGroup(server.pid),
      load: sampleGroup(loadPid),
      system: sampleSystem(),
      outputBytes: server.output.bytesAfterListening,
    });
    log(`warm-up ${settings.warmupSeconds} s`);
    const load = await runLoad(
      pinning,
      {
        ...request,
        connections: settings.connections,
        warmupSeconds: settings.warmupSeconds,
        durationSeconds: settings.durationSeconds,
      },
      {
        onWarmed: (loadPid) => {
          window.before = sample(loadPid);
          log(`measuring ${settings.durationSeconds} s`);
        },
        onMeasured: (loadPid) => {
          window.after = sample(loadPid);
        },
      },
    );

    const { before, after } = window;
    const { serverCpuMicrosPerOperation, ...costs } = windowCosts(
      before,
      after,
      clockTicks,
      load.totalRequests,
    );
    const failures = failureCount(load) + failureCount(load.warmup);
    return {
      target: target.name,
      valid: failures === 0 && load.totalRequests > 0,
      requestsPerSecond: load.requestsPerSecond,
      totalRequests: load.totalRequests,
      latencyP50Ms: load.latencyP50Ms,
      latencyP99Ms: load.latencyP99Ms,
      non2xx: load.non2xx,
      errors: load.errors,
      timeouts: load.timeouts,
      statusCodes: load.statusCodes,
      warmup: load.warmup,
      failures,
      serverCpuMicrosPerRequest: serverCpuMicrosPerOperation,
      ...costs,
      serverProcesses: after.server.processes,
      serverOutputBytes: after.outputBytes - before.outputBytes,
    };
  } finally {
    await server.stop();
  }
}
