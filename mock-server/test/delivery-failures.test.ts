import { expect, it } from 'vitest';
import { startRawBot } from './support/start-bot.js';
import { startMock } from './support/start-mock.js';

it('a bot that sends its headers but never finishes its answer fails the delivery as a timeout', async () => {
  const botUrl = await startRawBot((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.write('{"ok":');
  });
  const server = await startMock({ botUrl, deliveryTimeoutMs: 200 });

  const { delivery } = await server.customer.say('Hi', { wait: true });

  expect(delivery).toMatchObject({
    status: 'failed',
    reason: 'Delivery failed: no answer within 200 ms.',
  });
  expect(delivery.attempts[0]?.status_code).toBe(200);
});

it('a bot that drops the connection fails the delivery with the error code and its message', async () => {
  const botUrl = await startRawBot((req) => {
    req.socket.destroy();
  });
  const server = await startMock({ botUrl });

  const { delivery } = await server.customer.say('Hi', { wait: true });

  expect(delivery).toMatchObject({
    status: 'failed',
    reason: 'Delivery failed: UND_ERR_SOCKET: other side closed.',
  });
});

it('a bot URL whose host does not resolve fails the delivery saying so', async () => {
  const server = await startMock({
    botUrl: 'http://bot.invalid/webhook',
    allowRemoteWebhook: true,
  });

  const { delivery } = await server.customer.say('Hi', { wait: true });

  expect(delivery).toMatchObject({
    status: 'failed',
    reason: 'Delivery failed: the host of http://bot.invalid/webhook was not found.',
  });
});
