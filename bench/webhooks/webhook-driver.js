// The far end of the webhook bench, run pinned to the load core: a bare node:http receiver
// that answers 200 as soon as a webhook's body is in, and, when told, the customers who write
// to the mock's control API (POST /_mock/messages?wait=true, each writing again once the mock
// says its last webhook settled). It talks to the parent in JSON lines: commands on stdin,
// events on stdout.
import http from 'node:http';
import { createInterface } from 'node:readline';
import { Pool } from 'undici';
import { percentile } from '../statistics.js';
import { customerText, msSinceStamp } from './webhook-stamp.js';

const window = { counting: false, startedAt: 0, deliveries: 0, latencies: [] };
const totals = { deliveries: 0, unstamped: 0, customerMessages: 0, customerFailures: 0 };
let captured = false;
let stopping = false;

function emit(event) {
  process.stdout.write(`${JSON.stringify(event)}\n`);
}

const receiver = http.createServer((request, response) => {
  const chunks = [];
  request.on('data', (chunk) => chunks.push(chunk));
  request.on('end', () => {
    response.writeHead(200, { 'content-length': '0' });
    response.end();
    const body = Buffer.concat(chunks).toString('utf8');
    const latency = msSinceStamp(body);
    totals.deliveries += 1;
    if (latency === null) totals.unstamped += 1;
    if (!captured) {
      captured = true;
      emit({ event: 'captured', headers: request.headers, body });
    }
    if (window.counting && latency !== null) {
      window.deliveries += 1;
      window.latencies.push(latency);
    }
  });
});
receiver.keepAliveTimeout = 65_000;

function customerFailed(why) {
  totals.customerFailures += 1;
  if (totals.customerFailures === 1) process.stderr.write(`customer: ${why}\n`);
}

// Each customer has an id of its own and writes by it, not by room id: the mock keeps writing
// into the customer's room, and into a new one when its rooms budget has let the room go.
async function customer(pool, path, index) {
  const who = { id: `62800${String(index).padStart(7, '0')}`, name: `Customer ${index}` };
  while (!stopping) {
    const message = { channel: 'qiscus', customer: who, text: customerText() };
    try {
      const response = await pool.request({
        method: 'POST',
        path,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(message),
      });
      const text = await response.body.text();
      totals.customerMessages += 1;
      const answer = response.statusCode === 200 ? JSON.parse(text) : undefined;
      // A delivery that failed (a timeout, say) is answered 200 too, with its status.
      if (answer?.delivery?.status !== 'delivered') {
        customerFailed(`${response.statusCode} ${text.slice(0, 300)}`);
      }
    } catch (error) {
      if (!stopping) customerFailed(error.message);
    }
  }
}

function startCustomers({ url, connections }) {
  const pool = new Pool(url, { connections, pipelining: 1 });
  for (let i = 0; i < connections; i += 1) void customer(pool, '/_mock/messages?wait=true', i);
}

function report() {
  const seconds = (performance.now() - window.startedAt) / 1000;
  const sorted = window.latencies.sort((a, b) => a - b);
  return {
    event: 'report',
    seconds,
    deliveries: window.deliveries,
    latencyP50Ms: percentile(sorted, 0.5),
    latencyP99Ms: percentile(sorted, 0.99),
    ...totals,
  };
}

createInterface({ input: process.stdin })
  .on('line', (line) => {
    const command = JSON.parse(line);
    if (command.cmd === 'customers') startCustomers(command);
    else if (command.cmd === 'mark') {
      Object.assign(window, {
        counting: true,
        startedAt: performance.now(),
        deliveries: 0,
        latencies: [],
      });
      emit({ event: 'marked' });
    } else if (command.cmd === 'report') emit(report());
  })
  // Without the parent there is nobody to read the result, so stop.
  .once('close', () => {
    stopping = true;
    process.exit(0);
  });

receiver.listen(0, '127.0.0.1', () => {
  emit({ event: 'listening', url: `http://127.0.0.1:${receiver.address().port}` });
});
