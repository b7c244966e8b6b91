// The mock driven through its in-process handle: createMockServer with the receiver as its
// bot URL, and customers writing with `customer.say(…, { wait: true })`, each again once its
// webhook settled. Argument: one JSON object { receiverUrl, path, connections }.
import '../../packaging/register-sources.js';
import { customerText, failureMark } from '../webhooks/webhook-stamp.js';
import { exitWhenOrphaned } from './exit-when-orphaned.js';

const { createMockServer } = await import('#mock-server');
const config = JSON.parse(process.argv[2] ?? '{}');
const botUrl = `${config.receiverUrl}${config.path}`;
const server = await createMockServer({ botUrl, seed: 1 });
let failures = 0;

async function customer() {
  let roomId;
  for (;;) {
    const result = await server.customer.say(
      { channel: 'qiscus', text: customerText(), ...(roomId ? { room_id: roomId } : {}) },
      { wait: true },
    );
    roomId ??= result.room_id;
    if (result.delivery?.status !== 'delivered' && (failures += 1) === 1) {
      process.stderr.write(
        `${failureMark} a delivery did not succeed: ${JSON.stringify(result.delivery)}\n`,
      );
    }
  }
}

exitWhenOrphaned();
process.stdout.write(`mock in process sending webhooks to ${botUrl}\n`);
for (let i = 0; i < config.connections; i += 1) void customer();
process.once('SIGTERM', () => void server.close().finally(() => process.exit(0)));
