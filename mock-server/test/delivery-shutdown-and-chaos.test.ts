import { expect, it } from 'vitest';
import type { MockServer } from '#mock-server';
import { freePort, waitForDeliveries } from './support/deliveries.js';
import { startBot } from './support/start-bot.js';
import { startMock } from './support/start-mock.js';

/** Twenty customers write on WhatsApp, each in a room of their own; resolves once delivered. */
async function twentyCustomersWrite(server: MockServer): Promise<void> {
  for (let n = 1; n <= 20; n += 1) {
    await server.customer.say({
      channel: 'wa',
      customer: { id: `62811000000${n}` },
      text: `hi ${n}`,
    });
  }
  await server.drain();
}

it('closing the mock settles a webhook waiting to retry and one queued behind it as failed, each saying why', async () => {
  const port = await freePort();
  const server = await startMock({
    botUrl: `http://127.0.0.1:${port}/`,
    delivery: 'reliable',
    retryDelayMs: 60_000,
  });
  const retrying = waitForDeliveries(server, ([first]) => first?.next_retry_at !== undefined);
  const customer = { id: '6281100000001' };
  await server.customer.say({ channel: 'wa', customer, text: 'first' });
  await server.customer.say({ channel: 'wa', customer, text: 'second' });
  await retrying;

  await server.close();

  expect(
    server.deliveries
      .list()
      .map((delivery) => [delivery.status, delivery.attempts.length, delivery.reason]),
  ).toEqual([
    [
      'failed',
      1,
      `Not delivered: the mock shut down while it waited to retry: connection refused at http://127.0.0.1:${port}/ (is the bot running?).`,
    ],
    ['failed', 0, 'Not sent: the mock shut down before its turn came.'],
  ]);
});

it('closing the mock during a chaos delay sends nothing and says the webhook was not sent', async () => {
  const bot = await startBot();
  const server = await startMock({ botUrl: bot.url, delivery: 'chaos', chaosMaxDelayMs: 600_000 });
  await server.customer.say('Hi');

  await server.close();

  expect(bot.received).toEqual([]);
  expect(server.deliveries.list()).toMatchObject([
    {
      status: 'failed',
      attempts: [],
      reason: 'Not sent: the mock shut down before its turn came.',
    },
  ]);
});

it('chaos mode delivers every webhook and sends about one in four a second time, as a numbered second attempt', async () => {
  const bot = await startBot();
  const server = await startMock({ botUrl: bot.url, delivery: 'chaos', chaosMaxDelayMs: 5 });
  await twentyCustomersWrite(server);

  const deliveries = server.deliveries.list();
  expect(deliveries).toHaveLength(20);
  expect(deliveries.every((delivery) => delivery.status === 'delivered')).toBe(true);
  const twice = deliveries.filter((delivery) => delivery.attempts.length === 2);
  expect(twice.length).toBeGreaterThan(0);
  expect(twice.length).toBeLessThan(10);
  expect(deliveries.every((delivery) => delivery.attempts.length <= 2)).toBe(true);
  for (const delivery of twice) {
    expect(delivery.attempts.map((attempt) => attempt.number)).toEqual([1, 2]);
    expect(delivery.reason).toBe('The bot answered 200 (2 attempts).');
    expect(
      bot.received
        .filter((webhook) => webhook.headers['x-qiscus-mock-delivery-id'] === delivery.id)
        .map((webhook) => webhook.headers['x-qiscus-mock-attempt']),
    ).toEqual(['1', '2']);
  }
  expect(bot.received).toHaveLength(20 + twice.length);
});

it('chaos mode sends a webhook the bot refused only once', async () => {
  const bot = await startBot(() => ({ status: 500 }));
  const server = await startMock({ botUrl: bot.url, delivery: 'chaos', chaosMaxDelayMs: 5 });
  await twentyCustomersWrite(server);

  const deliveries = server.deliveries.list();
  expect(deliveries.map((delivery) => [delivery.status, delivery.attempts.length])).toEqual(
    Array.from({ length: 20 }, () => ['failed', 1]),
  );
  expect(bot.received).toHaveLength(20);
});
