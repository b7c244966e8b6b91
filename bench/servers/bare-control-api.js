// A reference point for the webhook bench's control-API path: a bare node:http server that
// takes the customer's POST /_mock/messages?wait=true, posts the mock's own webhook body (the
// customer's text stamped in) to the receiver through an undici Pool, and answers once it is
// delivered, with what the driver reads of the mock's answer. It keeps nothing. The same
// argument as bare-pool-sender.js: { receiverUrl, path, connections, headers, body }.
import http from 'node:http';
import { Pool } from 'undici';
import { stampPattern, stampPlaceholder } from '../webhooks/webhook-stamp.js';
import { exitWhenOrphaned } from './exit-when-orphaned.js';

const config = JSON.parse(process.argv[2] ?? '{}');
const [before, after] = config.body.split(stampPlaceholder);
if (after === undefined) throw new Error(`the webhook body holds no ${stampPlaceholder}`);
const pool = new Pool(config.receiverUrl, { connections: config.connections, pipelining: 1 });
let rooms = 0;

async function deliver(text) {
  const stamp = stampPattern.exec(text)?.[0] ?? stampPlaceholder;
  const response = await pool.request({
    method: 'POST',
    path: config.path,
    headers: config.headers,
    body: `${before}${stamp}${after}`,
  });
  await response.body.dump();
  return response.statusCode === 200 ? 'delivered' : 'failed';
}

const server = http.createServer((request, response) => {
  const chunks = [];
  request.on('data', (chunk) => chunks.push(chunk));
  request.on('end', async () => {
    const message = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    let status;
    try {
      status = await deliver(message.text);
    } catch {
      status = 'failed';
    }
    const roomId = message.room_id ?? String((rooms += 1));
    const out = JSON.stringify({ room_id: roomId, delivery: { status } });
    response.writeHead(200, {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(out),
    });
    response.end(out);
  });
});

exitWhenOrphaned();
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`bare control API listening on http://127.0.0.1:${server.address().port}\n`);
});
