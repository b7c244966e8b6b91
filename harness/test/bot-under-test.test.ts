import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { request } from 'undici';
import { expect, it, onTestFinished } from 'vitest';
import { HarnessError } from '#harness';
import { createMockServer, createSystemClock } from '#mock-server';
import { startBotUnderTest, type BotUnderTestOptions } from '../src/run/bot-under-test.js';
import { findFreePort } from '../src/run/find-free-port.js';
import { RunStopped } from '../src/run/steps/step-context.js';
import { closeAfterTest } from './support/close-after-test.js';
import { hasGone } from './support/is-running.js';

// Each way of finding the bot under test, with bots of a line or two of shell or Node. The waits
// are long, since a bot that answers ends them at once; only a bot meant not to answer has 1 s.
const node = JSON.stringify(process.execPath);
const never = new AbortController().signal;

async function options(given: Partial<BotUnderTestOptions> = {}): Promise<BotUnderTestOptions> {
  const mock = await createMockServer({});
  onTestFinished(() => mock.close());
  return { mock, clock: createSystemClock(), startTimeoutMs: 30_000, signal: never, ...given };
}

/** The HARNESS_ERR_BOT message that starting the bot fails with. */
async function botErrorOf(given: Partial<BotUnderTestOptions>): Promise<string> {
  const caught = await startBotUnderTest(await options(given)).catch((error: unknown) => error);
  expect(caught).toBeInstanceOf(HarnessError);
  expect((caught as HarnessError).code).toBe('HARNESS_ERR_BOT');
  return (caught as HarnessError).message;
}

/** A plain HTTP server on 127.0.0.1, closed when the test ends, that answers "up". */
function httpServer(onRequest: (path: string) => void = () => undefined): Server {
  const server = createServer((req, res) => {
    onRequest(req.url ?? '');
    res.end('up');
  });
  closeAfterTest(server);
  return server;
}

async function listening(server: Server, port = 0): Promise<string> {
  server.listen(port, '127.0.0.1');
  await once(server, 'listening');
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
}

it('refuses a bot URL that is not http(s), or not a URL at all', async () => {
  expect(await botErrorOf({ botUrl: 'ftp://127.0.0.1/bot' })).toBe(
    'The bot URL "ftp://127.0.0.1/bot" is not an http(s) URL: give one such as http://127.0.0.1:4000/webhook.',
  );
  // A URL of another scheme that has an http URL inside it.
  expect(await botErrorOf({ botUrl: 'url:http://127.0.0.1:9/' })).toMatch(
    /^The bot URL "url:http:\/\/127\.0\.0\.1:9\/" is not an http\(s\) URL/,
  );
  expect(await botErrorOf({ botUrl: 'http://exa mple/' })).toBe(
    'The bot URL "http://exa mple/" is not a valid URL.',
  );
});

it('starts the reference bot when given neither URL nor command, and stops it once', async () => {
  const bot = await startBotUnderTest(await options());
  onTestFinished(() => bot.stop());

  expect(bot).toMatchObject({ kind: 'reference', command: null });
  expect(bot.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+/);
  expect(bot.output()).toBeNull();
  await bot.drain();
  expect((await request(bot.url)).statusCode).toBeGreaterThan(0);

  const stopping = bot.stop();
  expect(bot.stop()).toBe(stopping);
  await stopping;
  await expect(request(bot.url)).rejects.toThrow();
});

it('uses a bot at a URL (any case of http), and leaves it running at the end', async () => {
  const url = await listening(httpServer());
  const bot = await startBotUnderTest(await options({ botUrl: url.replace('http', 'HTTP') }));

  expect(bot).toMatchObject({ kind: 'url', url: url.replace('http', 'HTTP'), command: null });
  expect(bot.output()).toBeNull();
  await bot.drain();
  await bot.stop();
  expect(await (await request(url)).body.text()).toBe('up');
});

it('waits for a bot at a URL that does not answer at once, and says so once', async () => {
  const port = await findFreePort();
  const server = httpServer();
  const waiting: string[] = [];
  const url = `http://127.0.0.1:${port}/hook`;

  const bot = await startBotUnderTest(
    await options({
      botUrl: url,
      onWaiting: (told) => {
        waiting.push(told);
        void listening(server, port);
      },
    }),
  );

  expect(bot.kind).toBe('url');
  expect(waiting).toEqual([url]);
});

it('stops looking for a bot at a URL when the run is stopped', async () => {
  const stop = new AbortController();
  const caught = await startBotUnderTest(
    await options({
      botUrl: 'http://127.0.0.1:9/',
      signal: stop.signal,
      onWaiting: () => {
        stop.abort();
      },
    }),
  ).catch((error: unknown) => error);

  expect(caught).toBeInstanceOf(RunStopped);
  expect((caught as RunStopped).message).toBe('the run was stopped while the bot was looked for');
});

it('fails when nothing answers at the bot URL in time', async () => {
  expect(await botErrorOf({ botUrl: 'http://127.0.0.1:9/', startTimeoutMs: 300 })).toBe(
    'Nothing answers at http://127.0.0.1:9/ (waited 300ms): start the bot first, check its URL, or give a command that starts it (--bot-cmd).',
  );
});

it('starts a command with the mock’s details and a free port, waits until it answers, keeps its output and stops it', async () => {
  const mockOptions = await options({
    env: { GIVEN: 'given', UNSET: undefined, QISCUS_APP_CODE: 'not this one', PORT: '1' },
  });
  const { mock } = mockOptions;
  const server = [
    `const port = Number(process.env.PORT);`,
    `const e = process.env;`,
    `console.log([e.GIVEN, e.UNSET, e.QISCUS_BASE_URL, e.QISCUS_APP_CODE, e.QISCUS_SECRET_KEY, e.QISCUS_BOT_EMAIL, e.PORT, process.pid].join('|'));`,
    `require('node:http').createServer((q, s) => s.end('up')).listen(port, '127.0.0.1');`,
  ].join(' ');
  const command = `exec ${node} -e ${JSON.stringify(server)}`;

  const bot = await startBotUnderTest({ ...mockOptions, botCmd: command });
  onTestFinished(() => bot.stop());

  expect(bot).toMatchObject({ kind: 'command', command });
  const port = new URL(bot.url).port;
  expect(bot.url).toBe(`http://127.0.0.1:${port}/`);
  const [printed] = (bot.output() ?? '').split('\n');
  const fields = printed?.split('|') ?? [];
  expect(fields.slice(0, 7)).toEqual([
    'given',
    '',
    mock.url,
    mock.appCode,
    mock.secretKey,
    mock.botEmail,
    port,
  ]);
  await bot.drain();
  const stopping = bot.stop();
  expect(bot.stop()).toBe(stopping);
  await stopping;
  expect(await hasGone(Number(fields[7]), 30_000)).toBe(true);
});

it('gives a command the port of the bot URL given with it, or the scheme’s', async () => {
  const exits = (botUrl: string) => botErrorOf({ botUrl, botCmd: 'echo "port $PORT"; exit 3' });

  expect(await exits('http://127.0.0.1:4321/hook')).toBe(
    'The bot started by "echo "port $PORT"; exit 3" stopped (exit code 3) before it answered at http://127.0.0.1:4321/hook. The last of its output:\nport 4321',
  );
  expect(await exits('http://127.0.0.1/hook')).toMatch(/\nport 80$/);
  expect(await exits('https://127.0.0.1/hook')).toMatch(/\nport 443$/);
});

it('says a command that exits before it answers printed nothing, when it did not', async () => {
  expect(await botErrorOf({ botCmd: 'exit 4' })).toMatch(
    /^The bot started by "exit 4" stopped \(exit code 4\) before it answered at http:\/\/127\.0\.0\.1:\d+\/\. The last of its output:\n\(it printed nothing\)$/,
  );
});

it('fails a command that never answers, saying what to do, with the last 40 lines it printed', async () => {
  const message = await botErrorOf({
    botCmd: 'i=0; while [ $i -lt 45 ]; do i=$((i+1)); echo "line $i"; done; exec sleep 100',
    startTimeoutMs: 1000,
  });
  const port = /\$PORT \((\d+)\)/.exec(message)?.[1];
  const lines = Array.from({ length: 40 }, (_, i) => `line ${i + 6}`).join('\n');
  expect(message).toBe(
    `The bot started by "i=0; while [ $i -lt 45 ]; do i=$((i+1)); echo "line $i"; done; exec sleep 100" did not answer at http://127.0.0.1:${port}/ within 1s: make it listen on 127.0.0.1 and the port in $PORT (${port}), or give the URL it listens on with --bot-url; if it only needs longer to start, raise --bot-start-timeout. The last of its output:\n${lines}`,
  );
});

it('stops a command still starting when the run is stopped', async () => {
  const stop = new AbortController();
  let pid = 0;
  const told = httpServer((path) => {
    pid = Number(path.slice(1));
    stop.abort();
  });
  const toldUrl = await listening(told);
  const started = `fetch(${JSON.stringify(toldUrl)} + process.pid); setInterval(() => {}, 1000);`;

  const caught = await startBotUnderTest(
    await options({ botCmd: `exec ${node} -e ${JSON.stringify(started)}`, signal: stop.signal }),
  ).catch((error: unknown) => error);

  expect(caught).toBeInstanceOf(RunStopped);
  expect((caught as RunStopped).message).toBe('the run was stopped while the bot started');
  expect(pid).toBeGreaterThan(0);
  expect(await hasGone(pid, 30_000)).toBe(true);
});
