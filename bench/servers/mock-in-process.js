// The mock driven through its in-process handle: createMockServer with the receiver as its
// bot URL, and customers writing with `customer.say(…, { wait: true })`, each again once its
// webhook settled. Argument: one JSON object { receiverUrl, path, connections, fromSources }:
// the package as built (dist/js/qiscus-mock.js), or the checkout's sources through tsx.
import { customerText, failureMark } from '../webhooks/webhook-stamp.js';
import { exitWhenOrphaned } from './exit-when-orphaned.js';

const config = JSON.parse(process.argv[2] ?? '{}');
if (config.fromSources) await import('../../packaging/register-sources.js');
const { createMockServer } = config.fromSources
  ? await import('#mock-server')
  : await import('../../dist/js/qiscus-mock.js');
const botUrl = `${config.receiverUrl}${config.path}`;
const server = await createMockServer({ botUrl, seed: 1 });
let failures = 0;

// Each customer writes by its own id, as the control API's customers do (a room the rooms
// budget let go is opened anew).
async function customer(index) {
  const who = { id: `62800${String(index).padStart(7, '0')}`, name: `Customer ${index}` };
  for (;;) {
    const result = await server.customer.say(
      { channel: 'qiscus', customer: who, text: customerText() },
      { wait: true },
    );
    if (result.delivery?.status !== 'delivered' && (failures += 1) === 1) {
      process.stderr.write(
        `${failureMark} a delivery did not succeed: ${JSON.stringify(result.delivery)}\n`,
      );
    }
  }
}

exitWhenOrphaned();
process.stdout.write(`mock in process sending webhooks to ${botUrl}\n`);
for (let i = 0; i < config.connections; i += 1) void customer(i);
process.once('SIGTERM', () => void server.close().finally(() => process.exit(0)));
