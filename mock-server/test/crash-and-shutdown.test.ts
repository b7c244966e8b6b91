import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type Socket } from 'node:net';
import { connect } from 'node:net';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { Pool, request } from 'undici';
import { expect, it, onTestFinished } from 'vitest';
import { DeliveryListSchema } from '#contracts';
import { deferred } from './support/deferred.js';
import { startBot } from './support/start-bot.js';
import { spawnServe } from './support/spawn-serve.js';

async function say(url: string, customer: string, text: string): Promise<void> {
  const answer = await request(`${url}/_mock/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ channel: 'qiscus', customer: { id: customer }, text }),
  });
  expect(answer.statusCode).toBe(200);
  await answer.body.dump();
}

/** Sends raw bytes and resets the connection at once (RST, not FIN). */
async function sendAndReset(port: number, bytes: string): Promise<void> {
  const socket = connect(port, '127.0.0.1');
  socket.on('error', () => undefined);
  await once(socket, 'connect');
  socket.write(bytes);
  socket.resetAndDestroy();
  await once(socket, 'close');
}

it('SIGTERM with webhooks in flight: the one under way is answered, the others are reported, and serve exits 0', async () => {
  const slowArrived = deferred();
  const failedOnce = deferred();
  let slowAnswered = false;
  const bot = await startBot((webhook) => {
    const text = JSON.stringify(webhook.body);
    if (text.includes('refused')) {
      failedOnce.resolve();
      return { status: 503 };
    }
    slowArrived.resolve();
    return {
      status: 200,
      // Slow, but within the shutdown grace (the delivery timeout, 5 s).
      after: delay(1500).then(() => (slowAnswered = true)),
    };
  });
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'qiscus-mock-term-')), 'term.jsonl');
  const serve = await spawnServe([
    '--delivery',
    'reliable',
    '--bot-url',
    bot.url,
    '--record',
    file,
  ]);
  await say(serve.url, 'slow', 'please answer slowly');
  await say(serve.url, 'slow', 'queued behind the slow one');
  await say(serve.url, 'down', 'refused by the bot');
  await Promise.all([slowArrived.promise, failedOnce.promise]);

  const askedAt = performance.now();
  serve.child.kill('SIGTERM');
  const { code } = await serve.exited;
  const took = performance.now() - askedAt;

  expect(code).toBe(0);
  expect(took).toBeLessThan(5000);
  expect(slowAnswered).toBe(true);
  const stderr = serve.stderr();
  expect(stderr).toContain('Stopping: 3 webhook deliveries in flight');
  expect(stderr).toContain('Webhooks in flight at shutdown: 3; delivered 1, not delivered 2.');
  expect(stderr).toMatch(
    /dlv_\S+ \(botMessage, room \S+, comment \d+\): Not sent: the mock shut down before its turn came\./,
  );
  expect(stderr).toMatch(
    /dlv_\S+ \(botMessage, room \S+, comment \d+\): Not delivered: the mock shut down while it waited to retry: the bot answered 503\./,
  );
  expect(stderr).toContain('Stopped.');
  expect(stderr).not.toContain('INTERNAL ERROR');
  // The recording has each attempt as it went: the slow one answered 200, the refused one 503.
  const toBot = readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { direction?: string; status?: number | null })
    .filter((line) => line.direction === 'to_bot');
  expect(toBot.map((line) => line.status).sort()).toEqual([200, 503]);
});

it('a client that resets its WebSocket upgrade, refused or taken, does not take serve down', async () => {
  const serve = await spawnServe([]);
  const upgrade = (target: string, host: string) =>
    `GET ${target} HTTP/1.1\r\nHost: ${host}\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n` +
    'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n';
  const host = `127.0.0.1:${serve.port}`;
  for (let round = 0; round < 20; round += 1) {
    await Promise.all([
      sendAndReset(serve.port, upgrade('/not-the-stream', host)),
      sendAndReset(serve.port, upgrade('/_mock/events', 'evil.example.com')),
      sendAndReset(serve.port, upgrade('/_mock/events', host)),
    ]);
  }
  const answer = await request(`${serve.url}/_mock/rooms`);
  expect(answer.statusCode).toBe(200);
  await answer.body.dump();
  expect(serve.child.exitCode).toBeNull();
  expect(serve.stderr()).not.toContain('INTERNAL ERROR');
});

it('a bot that misbehaves at the socket level fails its deliveries, and serve goes on serving', async () => {
  // Each connection to this "bot" misbehaves another way.
  const behaviours: ((socket: Socket) => void)[] = [
    (socket) => socket.resetAndDestroy(),
    (socket) => socket.end('this is not HTTP at all\r\n\r\n'),
    (socket) => {
      socket.write('HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nonly ten b');
      socket.resetAndDestroy();
    },
    (socket) => socket.end(`HTTP/1.1 200 OK\r\nX-Huge: ${'h'.repeat(200_000)}\r\n\r\n`),
    (socket) => socket.end('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nbad\r\n'),
    (socket) => socket.end('HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok'),
  ];
  let connection = 0;
  const bot = createServer((socket) => {
    socket.on('error', () => undefined);
    const behaviour = behaviours[connection % behaviours.length];
    connection += 1;
    socket.once('data', () => behaviour?.(socket));
  });
  bot.listen(0, '127.0.0.1');
  await once(bot, 'listening');
  onTestFinished(() => {
    bot.close();
  });
  const { port } = bot.address() as { port: number };
  const serve = await spawnServe(['--bot-url', `http://127.0.0.1:${port}/webhook`]);
  for (let n = 0; n < behaviours.length * 2; n += 1) {
    const answer = await request(`${serve.url}/_mock/messages?wait=true`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ channel: 'qiscus', customer: { id: `c${n}` }, text: `message ${n}` }),
    });
    expect(answer.statusCode).toBe(200);
    await answer.body.dump();
  }
  const listed = await request(`${serve.url}/_mock/deliveries`);
  const { deliveries } = DeliveryListSchema.parse(await listed.body.json());
  expect(deliveries).toHaveLength(behaviours.length * 2);
  expect(deliveries.every((delivery) => delivery.status !== 'pending')).toBe(true);
  expect(deliveries.filter((delivery) => delivery.status === 'failed').length).toBeGreaterThan(
    deliveries.length / 2,
  );
  expect(serve.child.exitCode).toBeNull();
  expect(serve.stderr()).not.toContain('INTERNAL ERROR');
});

it('SIGKILL in the middle of a load, then serve again on the same port at once: it listens and serves', async () => {
  const first = await spawnServe([]);
  const pool = new Pool(first.url, { connections: 32 });
  onTestFinished(() => pool.destroy());
  let answered = 0;
  const killed = deferred();
  const load = Array.from({ length: 32 }, async (_, lane) => {
    for (let n = 0; ; n += 1) {
      try {
        const answer = await pool.request({
          method: 'POST',
          path: '/_mock/messages',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ channel: 'qiscus', customer: { id: `c${lane}` }, text: `${n}` }),
        });
        await answer.body.dump();
        answered += 1;
        if (answered === 500) killed.resolve();
      } catch {
        return;
      }
    }
  });
  await killed.promise;
  first.child.kill('SIGKILL');
  await first.exited;
  const again = await spawnServe(['--port', String(first.port)]);
  await Promise.all(load);
  expect(again.port).toBe(first.port);
  const answer = await request(`${again.url}/_mock/rooms`);
  expect(answer.statusCode).toBe(200);
  expect(((await answer.body.json()) as { rooms: unknown[] }).rooms).toEqual([]);
});
