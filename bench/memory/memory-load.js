// The memory section's load, run pinned to the load core: bot messages spread round-robin over
// the rooms given, as many in flight as connections, with a progress line on stdout every
// `every` answered messages (the parent reads the server's RSS on each) and a last line with
// the failures. A 404 is counted apart: the mock's rooms budget (16 MiB by default) drops the
// oldest rooms near the end of 100,000 messages, as it should; it is not a failure. Argument: one JSON object { url, path, headers, bodies, messages, connections, every }.
import { Pool } from 'undici';

const config = JSON.parse(process.argv[2] ?? '{}');
const pool = new Pool(config.url, { connections: config.connections, pipelining: 1 });
let sent = 0;
let answered = 0;
let failures = 0;
let roomsGone = 0;

function emit(event) {
  process.stdout.write(`${JSON.stringify(event)}\n`);
}

function fail(why) {
  failures += 1;
  if (failures === 1) process.stderr.write(`first failure: ${why}\n`);
}

async function worker() {
  while (sent < config.messages) {
    const body = config.bodies[sent % config.bodies.length];
    sent += 1;
    try {
      const response = await pool.request({
        method: 'POST',
        path: config.path,
        headers: config.headers,
        body,
      });
      const text = await response.body.text();
      if (response.statusCode === 404) roomsGone += 1;
      else if (response.statusCode !== 200) fail(`${response.statusCode} ${text.slice(0, 300)}`);
    } catch (error) {
      fail(error.message);
    }
    answered += 1;
    if (answered % config.every === 0) emit({ event: 'progress', answered, failures });
  }
}

await Promise.all(Array.from({ length: config.connections }, worker));
emit({ event: 'done', answered, failures, roomsGone });
await pool.close();
