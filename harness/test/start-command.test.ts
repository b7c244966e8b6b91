import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { request } from 'undici';
import { expect, it, onTestFinished } from 'vitest';
import { CustomerMessageResultSchema, MockRoomDetailSchema } from '#contracts';
import { runCliCaptured } from './support/run-cli-captured.js';

const bin = fileURLToPath(new URL('../../bin/qiscus-mock.js', import.meta.url));

/** Resolves with the first line of a stream that matches, and every line read until then. */
async function lineMatching(
  lines: AsyncIterable<string>,
  pattern: RegExp,
): Promise<{ match: RegExpExecArray; seen: string[] }> {
  const seen: string[] = [];
  for await (const line of lines) {
    seen.push(line);
    const match = pattern.exec(line);
    if (match) return { match, seen };
  }
  throw new Error(
    `the stream ended without a line matching ${String(pattern)}:\n${seen.join('\n')}`,
  );
}

it('npm start: the mock and the reference bot, wired; the banner’s curl gets the bot’s answer into the room', async () => {
  const child = spawn(
    process.execPath,
    [bin, 'start', '--port', '0', '--bot-port', '0', '--deterministic'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  onTestFinished(() => {
    if (child.exitCode === null) child.kill('SIGKILL');
  });
  const stdout = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const stderr = createInterface({ input: child.stderr })[Symbol.asyncIterator]();
  const stdoutLines = { [Symbol.asyncIterator]: () => stdout };
  const stderrLines = { [Symbol.asyncIterator]: () => stderr };

  const { seen } = await lineMatching(stdoutLines, /^Press Ctrl-C to stop\.$/);
  const [first, second] = seen;
  const url = /^qiscus-mock listening on (http:\/\/127\.0\.0\.1:\d+)$/.exec(first ?? '')?.[1];
  const botUrl = /^reference bot listening on (http:\/\/127\.0\.0\.1:\d+\/) /.exec(
    second ?? '',
  )?.[1];
  expect(url).toBeDefined();
  expect(botUrl).toBeDefined();
  const banner = seen.join('\n');
  expect(banner).toContain(`Bot URL        ${botUrl}`);
  expect(banner).toContain(`\nDashboard: ${url}/   <- open this in a browser`);
  expect(banner).toContain(`curl -s -X POST '${url}/_mock/messages?wait=true'`);
  expect(banner).toContain(`curl -s ${url}/_mock/rooms/ROOM_ID`);

  // The banner's curl: a customer greets the bot on WhatsApp.
  const said = await request(`${url}/_mock/messages?wait=true`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      channel: 'wa',
      customer: { id: '6281234567890', name: 'Budi' },
      text: 'Hi',
    }),
  });
  const result = CustomerMessageResultSchema.parse(await said.body.json());
  expect(result.delivery).toMatchObject({ status: 'delivered' });

  // The bot tells, once its replies are out; then the room holds them.
  const { match } = await lineMatching(
    stderrLines,
    new RegExp(`^bot: room ${result.room_id} \\(wa\\): "Hi" → (\\w+): (.+)$`),
  );
  expect(match[1]).toBe('greeting');
  const room = await request(`${url}/_mock/rooms/${result.room_id}`);
  const { messages } = MockRoomDetailSchema.parse(await room.body.json());
  const fromBot = messages.filter((message) => message.sender === 'bot');
  // A greeting by name, then the menu as a numbered text: WhatsApp refuses buttons.
  expect(fromBot.map((message) => message.type)).toEqual(['text', 'text']);
  expect(fromBot[0]?.text).toContain('Budi');
  expect(fromBot[1]?.text).toMatch(/^What can I help you with\? Reply with a number:\n1\. /);

  // The same curl with another text goes on in the same room.
  const again = await request(`${url}/_mock/messages?wait=true`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      channel: 'wa',
      customer: { id: '6281234567890', name: 'Budi' },
      text: 'menu',
    }),
  });
  const next = CustomerMessageResultSchema.parse(await again.body.json());
  expect([next.room_id, next.room_created]).toEqual([result.room_id, false]);

  child.kill('SIGINT');
  const [code] = (await once(child, 'exit')) as [number | null];
  expect(code).toBe(0);
});

it('start says which port to change when the bot’s is taken', async () => {
  const taken = createServer();
  taken.listen(0, '127.0.0.1');
  await once(taken, 'listening');
  onTestFinished(() => {
    taken.close();
  });
  const { port } = taken.address() as AddressInfo;

  const run = await runCliCaptured(['start', '--port', '0', '--bot-port', String(port)]);

  expect(run.code).toBe(2);
  expect(run.stderr).toContain(
    `The reference bot: Cannot listen on 127.0.0.1:${port}: the port is in use; choose another one, or 0 for any free port. (--bot-port)`,
  );
});

it('start refuses a bad flag with exit code 2 and points at its help', async () => {
  const bad = await runCliCaptured(['start', '--bot-port', 'x']);
  expect(bad.code).toBe(2);
  expect(bad.stderr).toContain('--bot-port must be a whole number from 0 to 65535, not "x"');
  const unknown = await runCliCaptured(['start', '--bot-url', 'http://127.0.0.1:1/']);
  expect(unknown.code).toBe(2);
  expect(unknown.stderr).toContain('unknown flag --bot-url');
  expect(unknown.stderr).toContain('qiscus-mock start --help');
});

it('start takes serve’s memory budgets, lists them in its help, and refuses a bad one', async () => {
  const help = await runCliCaptured(['start', '--help']);
  for (const flag of ['--max-rooms', '--rooms-budget', '--traffic-budget', '--retry-for']) {
    expect(help.stdout).toContain(flag);
  }
  const bad = await runCliCaptured(['start', '--port', '0', '--rooms-budget', 'lots']);
  expect(bad.code).toBe(2);
  expect(bad.stderr).toContain('--rooms-budget must be a size such as 32MB, 512KB');
  expect(bad.stderr).toContain('qiscus-mock start --help');
});
