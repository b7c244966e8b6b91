import { once } from 'node:events';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import { expect, it, onTestFinished } from 'vitest';
import { BotMessageWebhookSchema, listDeliveries } from '#contracts';
import { callControl } from './support/call-control.js';
import { freePort, waitForDeliveries } from './support/deliveries.js';
import { startMock } from './support/start-mock.js';

/** The bot coming (back) up on `port`: records each webhook's text and headers, answers 200. */
async function startBotOn(port: number) {
  const received: {
    readonly text: string;
    readonly room: string;
    readonly headers: IncomingHttpHeaders;
  }[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const webhook = BotMessageWebhookSchema.parse(JSON.parse(Buffer.concat(chunks).toString()));
      received.push({
        text: webhook.payload.message.text,
        room: webhook.payload.room.id_str,
        headers: req.headers,
      });
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    });
  });
  server.listen(port, '127.0.0.1');
  await once(server, 'listening');
  onTestFinished(
    () =>
      new Promise<void>((resolve) =>
        server.close(() => {
          resolve();
        }),
      ),
  );
  return received;
}

it('delivers every webhook sent while the bot was down once it is back, in order per room, each with its delivery id', async () => {
  const port = await freePort();
  const server = await startMock({
    deterministic: false,
    botUrl: `http://127.0.0.1:${port}/`,
    delivery: 'reliable',
    retryDelayMs: 10,
    maxRetryDelayMs: 50,
    retryForMs: 60_000,
  });
  const retriesShown: string[] = [];
  server.events.subscribe((event) => {
    if (event.type === 'delivery' && event.delivery.next_retry_at !== undefined) {
      retriesShown.push(event.delivery.next_retry_at);
    }
  });
  const texts = ['one', 'two', 'three'];
  for (const text of texts) {
    await server.customer.say({
      channel: 'qiscus',
      customer: { id: 'a@example.com' },
      text: `a ${text}`,
    });
    await server.customer.say({ channel: 'wa', customer: { id: '62811' }, text: `b ${text}` });
  }
  // Down long enough that the first webhook of each room was tried and refused several times.
  await waitForDeliveries(
    server,
    (deliveries) => deliveries.filter((delivery) => delivery.attempts.length >= 3).length >= 2,
  );
  const waiting = await callControl(server, listDeliveries);
  if (!waiting.ok) throw new Error(waiting.body.detail);
  expect(waiting.body.deliveries.every((delivery) => delivery.status === 'pending')).toBe(true);
  expect(retriesShown.length).toBeGreaterThanOrEqual(4);

  const received = await startBotOn(port);
  await server.drain();

  expect(received.filter((webhook) => webhook.text.startsWith('a ')).map((w) => w.text)).toEqual(
    texts.map((t) => `a ${t}`),
  );
  expect(received.filter((webhook) => webhook.text.startsWith('b ')).map((w) => w.text)).toEqual(
    texts.map((t) => `b ${t}`),
  );
  const deliveries = server.deliveries.list();
  expect(deliveries.every((delivery) => delivery.status === 'delivered')).toBe(true);
  expect(received.map((webhook) => webhook.headers['x-qiscus-mock-delivery-id']).sort()).toEqual(
    deliveries.map((delivery) => delivery.id).sort(),
  );
  const firstOfRoom = received.find((webhook) => webhook.text === 'a one');
  expect(Number(firstOfRoom?.headers['x-qiscus-mock-attempt'])).toBeGreaterThanOrEqual(4);
  expect(deliveries.every((delivery) => delivery.next_retry_at === undefined)).toBe(true);
});

it('gives a webhook up once the retry window has passed, every attempt logged', async () => {
  const port = await freePort();
  const server = await startMock({
    deterministic: false,
    botUrl: `http://127.0.0.1:${port}/`,
    delivery: 'reliable',
    retryDelayMs: 10,
    maxRetryDelayMs: 20,
    // The window counts from the first attempt, which also loads undici: on a loaded machine that
    // alone took more than 150 ms, and the webhook was given up after one attempt.
    retryForMs: 1_000,
  });
  const { delivery } = await server.customer.say('Hi', { wait: true });
  expect(delivery.status).toBe('failed');
  expect(delivery.attempts.length).toBeGreaterThan(3);
  expect(delivery.reason).toMatch(/^Delivery failed \(\d+ attempts\): connection refused/);
});

it('holds a bounded queue: beyond it a webhook fails at once and says how to send it later', async () => {
  const port = await freePort();
  const server = await startMock({
    botUrl: `http://127.0.0.1:${port}/`,
    delivery: 'reliable',
    retryDelayMs: 60_000,
    maxPendingDeliveries: 2,
  });
  for (let i = 0; i < 3; i += 1)
    await server.customer.say({ channel: 'qiscus', customer: { id: `c${i}` }, text: 'Hi' });
  const [first, second, third] = server.deliveries.list();
  expect([first?.status, second?.status, third?.status]).toEqual(['pending', 'pending', 'failed']);
  expect(third?.reason).toContain('2 deliveries are waiting already');
  server.reset();
});
