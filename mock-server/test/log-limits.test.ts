import { expect, test } from 'vitest';
import { getTraffic, listDeliveries } from '#contracts';
import { callControl } from './support/call-control.js';
import { okBody, say } from './support/control-answers.js';
import { startBot } from './support/start-bot.js';
import { startMock } from './support/start-mock.js';

const budi = { id: '6281234567890', name: 'Budi Santoso' };
const texts = ['one', 'two', 'three', 'four', 'five'];

/** The customer writes each text in turn, each answer coming once its webhook settled. */
async function sayEach(server: Parameters<typeof say>[0]) {
  const results = [];
  for (const text of texts)
    results.push(await say(server, { channel: 'wa', customer: budi, text }));
  return results;
}

test('the delivery log keeps exactly the newest deliveries its limit allows, oldest first', async () => {
  const bot = await startBot();
  const server = await startMock({ botUrl: bot.url, deliveryLimit: 3 });
  const results = await sayEach(server);

  const { deliveries } = okBody(await callControl(server, listDeliveries));

  expect(bot.received).toHaveLength(5);
  expect(deliveries.map((delivery) => [delivery.comment_id, delivery.status])).toEqual([
    [results[2]?.comment_id, 'delivered'],
    [results[3]?.comment_id, 'delivered'],
    [results[4]?.comment_id, 'delivered'],
  ]);
});

test('the traffic log keeps exactly the newest exchanges its limit allows and counts the rest as dropped', async () => {
  const server = await startMock({ trafficLimit: 3 });
  await sayEach(server);

  const traffic = okBody(await callControl(server, getTraffic));

  expect(traffic.dropped).toBe(2);
  expect(
    traffic.exchanges.map((exchange) => [
      exchange.seq,
      exchange.operation_id,
      (exchange.request.body as { text?: unknown } | null)?.text,
    ]),
  ).toEqual([
    [3, 'sendCustomerMessage', 'three'],
    [4, 'sendCustomerMessage', 'four'],
    [5, 'sendCustomerMessage', 'five'],
  ]);
});
