import { createServer, type Server, type ServerResponse } from 'node:http';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import { expect, it, onTestFinished } from 'vitest';
import { createSystemClock } from '#mock-server';
import { findFreePort } from '../src/run/find-free-port.js';
import { waitUntilAnswers } from '../src/run/wait-until-answers.js';
import { closeAfterTest } from './support/close-after-test.js';

const clock = createSystemClock();
const now = (): number => clock.now();

/**
 * A server on 127.0.0.1 that answers every request with `status`, noting its method; closed after
 * the test.
 */
function startServer(
  status: number,
  port = 0,
): Promise<{ server: Server; url: string; methods: string[] }> {
  const methods: string[] = [];
  const server = createServer((request, response) => {
    methods.push(request.method ?? '');
    response.statusCode = status;
    response.end('not a bot');
  });
  closeAfterTest(server);
  return new Promise((resolve) => {
    server.listen(port, '127.0.0.1', () => {
      const { port: bound } = server.address() as AddressInfo;
      resolve({ server, url: `http://127.0.0.1:${String(bound)}/webhook`, methods });
    });
  });
}

it('is done at once when something answers a GET, whatever the status, and hears of no miss', async () => {
  const { url, methods } = await startServer(500);
  let misses = 0;
  const answered = await waitUntilAnswers(url, 5_000, new AbortController().signal, now, () => {
    misses += 1;
  });
  expect({ answered, misses, methods }).toEqual({ answered: true, misses: 0, methods: ['GET'] });
});

it('tries again until the bot listens, and tells of the first miss only', async () => {
  const port = await findFreePort();
  const url = `http://127.0.0.1:${String(port)}/webhook`;
  let misses = 0;
  let listening: Promise<unknown> | undefined;
  const answered = await waitUntilAnswers(url, 10_000, new AbortController().signal, now, () => {
    misses += 1;
    // The bot starts listening only after the first try has missed it.
    listening ??= startServer(204, port);
  });
  await listening;
  expect({ answered, misses }).toEqual({ answered: true, misses: 1 });
});

it('gives up at the deadline when nothing listens, having told of the first miss once', async () => {
  const url = `http://127.0.0.1:${String(await findFreePort())}/webhook`;
  let misses = 0;
  const started = now();
  const answered = await waitUntilAnswers(url, 300, new AbortController().signal, now, () => {
    misses += 1;
  });
  expect({ answered, misses }).toEqual({ answered: false, misses: 1 });
  expect(now() - started).toBeGreaterThanOrEqual(300);
});

it('gives each try at most a second for the headers, so a bot that hangs is tried again', async () => {
  const { server, url } = await startServer(200);
  server.removeAllListeners('request');
  let tries = 0;
  server.on('request', () => {
    tries += 1;
  });
  const answered = await waitUntilAnswers(url, 2_500, new AbortController().signal, now);
  expect(answered).toBe(false);
  // Tries at 0 s and about 1 s, then about 2 s; one try waiting the whole 2.5 s would be one.
  expect(tries).toBeGreaterThanOrEqual(2);
});

it('does not try at all when the time is already up or the bot has already exited', async () => {
  const { url } = await startServer(200);
  expect(await waitUntilAnswers(url, 0, new AbortController().signal, now)).toBe(false);
  expect(await waitUntilAnswers(url, 5_000, AbortSignal.abort(), now)).toBe(false);
});

it('stops waiting as soon as the bot exits, without waiting for the deadline', async () => {
  const url = `http://127.0.0.1:${String(await findFreePort())}/webhook`;
  const exited = new AbortController();
  const answered = await waitUntilAnswers(url, 60_000, exited.signal, now, () => {
    exited.abort();
  });
  expect(answered).toBe(false);
});

it('takes a bot that sends its headers as up, without waiting on a body it never ends', async () => {
  const { server, url } = await startServer(200);
  server.removeAllListeners('request');
  server.on('request', (_request, response: ServerResponse) => {
    // The headers and a first byte, then nothing more.
    response.writeHead(200);
    response.write('a');
  });
  // Reading the body gives up after a second of silence; waiting it out would take the minute.
  const answered = await waitUntilAnswers(url, 60_000, new AbortController().signal, now);
  expect(answered).toBe(true);
}, 20_000);

it('pauses 25 ms after a miss, doubling the pause each time up to half a second', async () => {
  // Takes each connection and closes it at once: every try misses.
  let tries = 0;
  const refuser = createNetServer((socket) => {
    tries += 1;
    socket.destroy();
  });
  onTestFinished(
    () =>
      new Promise<void>((resolve) => {
        refuser.close(() => {
          resolve();
        });
      }),
  );
  await new Promise<void>((resolve) => refuser.listen(0, '127.0.0.1', resolve));
  const { port } = refuser.address() as AddressInfo;
  const url = `http://127.0.0.1:${String(port)}/webhook`;
  expect(await waitUntilAnswers(url, 2_000, new AbortController().signal, now)).toBe(false);
  // Tries at 0, 25, 75, 175, 375, 775, 1275 and 1775 ms at the soonest: a busy machine makes
  // fewer, never more.
  expect(tries).toBeGreaterThanOrEqual(2);
  expect(tries).toBeLessThanOrEqual(8);
});
