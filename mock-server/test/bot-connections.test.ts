import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { expect, it, onTestFinished } from 'vitest';
import { startMock } from './support/start-mock.js';

/**
 * A bot on 127.0.0.1 that hands each webhook to `onWebhook` to answer when it likes, and keeps
 * every connection the mock opened to it. Its keep-alive hint is ten minutes, so a connection
 * the mock leaves idle stays open for the whole test.
 */
async function startHoldingBot(onWebhook: (res: ServerResponse, req: IncomingMessage) => void) {
  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    sockets.add(req.socket);
    req.resume();
    req.on('end', () => {
      onWebhook(res, req);
    });
  });
  server.keepAliveTimeout = 600_000;
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  const close = () => {
    server.closeAllConnections();
    server.close();
  };
  return { url: `http://127.0.0.1:${port}/webhook`, sockets, close };
}

function answer(res: ServerResponse): void {
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end('{"ok":true}');
}

it('a reset cuts off a webhook the bot is still answering: its connection is closed at once', async () => {
  let arrived!: (req: IncomingMessage) => void;
  const arrival = new Promise<IncomingMessage>((resolve) => {
    arrived = resolve;
  });
  const bot = await startHoldingBot((_res, req) => {
    arrived(req);
  });
  // The attempt's own time limit is far longer than the test's: only the reset can end it.
  const server = await startMock({ botUrl: bot.url, deliveryTimeoutMs: 600_000 });
  onTestFinished(bot.close);
  await server.customer.say('Hi');
  const req = await arrival;
  const closed = once(req.socket, 'close');

  server.reset();

  await closed;
  expect(req.socket.destroyed).toBe(true);
});

it('closing the mock closes its idle keep-alive connections to the bot', async () => {
  const bot = await startHoldingBot(answer);
  const server = await startMock({ botUrl: bot.url });
  onTestFinished(bot.close);
  await server.customer.say('Hi', { wait: true });
  const [socket] = [...bot.sockets];
  expect(socket?.destroyed).toBe(false);
  const closed = once(socket as Socket, 'close');

  await server.close();

  await closed;
  expect(bot.sockets.size).toBe(1);
});

it('opens at most 16 connections to one bot: a 17th webhook waits for one of them', async () => {
  const held: ServerResponse[] = [];
  const bot = await startHoldingBot((res) => {
    held.push(res);
    // Holding 16 at once, answer them all: a 17th can only come over one of their connections.
    if (held.length === 16) for (const one of held) answer(one);
    if (held.length > 16) answer(res);
  });
  const server = await startMock({ botUrl: bot.url });
  onTestFinished(bot.close);

  for (let n = 1; n <= 17; n += 1) {
    await server.customer.say({ channel: 'wa', customer: { id: `62811000000${n}` }, text: 'Hi' });
  }
  await server.drain();

  expect(server.deliveries.list().map((delivery) => delivery.status)).toEqual(
    new Array(17).fill('delivered'),
  );
  expect(held).toHaveLength(17);
  expect(bot.sockets.size).toBe(16);
});
