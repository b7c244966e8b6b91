// The webhook bench's baseline: a bare undici Pool loop posting the mock's own webhook body
// (its stamp refreshed each time) to the same receiver, with as many in flight as the mock's
// customers have. Argument: one JSON object { receiverUrl, path, connections, headers, body }.
import { Pool } from 'undici';
import { failureMark, stampNow, stampPlaceholder } from '../webhooks/webhook-stamp.js';
import { exitWhenOrphaned } from './exit-when-orphaned.js';

const config = JSON.parse(process.argv[2] ?? '{}');
const [before, after] = config.body.split(stampPlaceholder);
if (after === undefined) throw new Error(`the webhook body holds no ${stampPlaceholder}`);
const pool = new Pool(config.receiverUrl, { connections: config.connections, pipelining: 1 });
let failures = 0;

async function sender() {
  for (;;) {
    const response = await pool.request({
      method: 'POST',
      path: config.path,
      headers: config.headers,
      body: `${before}${stampNow()}${after}`,
    });
    await response.body.dump();
    if (response.statusCode !== 200 && (failures += 1) === 1) {
      process.stderr.write(`${failureMark} the receiver answered ${response.statusCode}\n`);
    }
  }
}

exitWhenOrphaned();
process.stdout.write(`bare pool sending webhooks to ${config.receiverUrl}\n`);
for (let i = 0; i < config.connections; i += 1) void sender();
