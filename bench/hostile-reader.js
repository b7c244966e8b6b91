// The reader of the hostile-load bench, in a worker thread of its own: it reads GET
// /_mock/traffic page by page, as the dashboard does, for `seconds`, and times each answer.
// Apart from the senders' event loop, whose work (writing 1 MB bodies, and more while cold at
// the start) would otherwise hold its timing up and be counted as the server's. It starts timing
// when told to, as the load starts.
import { setTimeout as delay } from 'node:timers/promises';
import { parentPort, workerData } from 'node:worker_threads';
import { Client } from 'undici';

const { url, seconds } = workerData;
const reader = new Client(url);
// One read untimed, before the load: a fresh thread's first request loads and compiles undici's
// code, tens of milliseconds that are the reader's, not the server's.
await (await reader.request({ method: 'GET', path: '/_mock/traffic' })).body.dump();
parentPort.postMessage({ ready: true });
await new Promise((resolve) => parentPort.once('message', resolve));
const endAt = performance.now() + seconds * 1000;
const latencies = [];
let pages = 0;
let after = null;
while (performance.now() < endAt) {
  const started = performance.now();
  const answer = await reader.request({
    method: 'GET',
    path: `/_mock/traffic${after === null ? '' : `?after=${after}`}`,
  });
  const page = await answer.body.json();
  latencies.push(performance.now() - started);
  pages += 1;
  // At the end of the log, the next read asks for what came since its last exchange.
  after = page.next_after ?? page.exchanges.at(-1)?.seq ?? after;
  await delay(20);
}
await reader.close();
parentPort.postMessage({ latencies, pages });
