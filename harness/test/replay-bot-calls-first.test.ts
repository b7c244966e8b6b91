import { once } from 'node:events';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { request } from 'undici';
import { expect, it, onTestFinished } from 'vitest';
import { ExchangeSchema } from '#contracts';
import { createMockServer, groupTurns, type LinedExchange } from '#mock-server';
import { rebaselineRecording } from '../src/recording/rebaseline-recording.js';
import { replayRecording } from '../src/recording/replay-recording.js';
import { findFreePort } from '../src/run/find-free-port.js';

/**
 * A bot that answers each customer message through the bot API first and answers the webhook
 * only once that call was answered, as a bot written "reply, then return 200" does: the mock
 * logs its call before the webhook that led to it. It echoes with the version it is given.
 */
async function startReplyFirstBot(target: { mockUrl: string; version: string }) {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      // The replay's readiness probe has no body.
      const text = Buffer.concat(chunks).toString('utf8') || '{}';
      const webhook = JSON.parse(text) as {
        payload?: { room?: { id?: string }; message?: { text?: string } };
      };
      const roomId = webhook.payload?.room?.id;
      const said = webhook.payload?.message?.text;
      const reply =
        roomId === undefined || said === undefined
          ? Promise.resolve()
          : request(`${target.mockUrl}/qiscus-mock-app/bot`, {
              method: 'POST',
              headers: {
                'content-type': 'application/json',
                qiscus_sdk_secret: 'mock-secret-key',
              },
              body: JSON.stringify({
                sender_email: 'qiscus-mock-app_admin@qismo.com',
                type: 'text',
                room_id: roomId,
                message: `${target.version}: ${said}`,
              }),
            }).then((answer) => answer.body.dump());
      void reply.then(() => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{"ok":true}');
      });
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  onTestFinished(() => {
    server.closeAllConnections();
    server.close();
  });
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhook`;
}

/** Each turn's webhooks and bot calls, as the customer's text and the bot's reply. */
function turnsOf(lines: LinedExchange[]): string[][] {
  return groupTurns(lines).steps.map((turn) =>
    turn.botSide.map(({ exchange }) =>
      exchange.direction === 'to_bot'
        ? `webhook: ${(exchange.request.body as { payload: { message: { text: string } } }).payload.message.text}`
        : `bot: ${(exchange.request.body as { message: string }).message}`,
    ),
  );
}

it('a bot that calls the API before it answers the webhook has each reply in the turn of its own message, recorded and replayed', async () => {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'qiscus-mock-reply-first-')), 'r.jsonl');
  const target = { mockUrl: '', version: 'Echo' };
  const botUrl = await startReplyFirstBot(target);
  const mock = await createMockServer({ deterministic: true, record: file, botUrl });
  target.mockUrl = mock.url;
  const say = async (body: object) => {
    const answer = await request(`${mock.url}/_mock/messages?wait=true`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(answer.statusCode).toBe(200);
    return (await answer.body.json()) as { room_id: string };
  };
  // Calls that no turn owns, logged first: the recording's start_seqs run ahead of a replay's.
  for (let n = 0; n < 10; n += 1) {
    const refused = await request(`${mock.url}/qiscus-mock-app/bot`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', qiscus_sdk_secret: 'wrong' },
      body: '{}',
    });
    expect(refused.statusCode).toBe(401);
    await refused.body.dump();
  }
  const { room_id } = await say({ channel: 'qiscus', customer: { id: 'budi' }, text: 'Hi' });
  await say({ room_id, text: 'Opening hours?' });
  await say({ room_id, text: 'Thanks' });
  await mock.drain();
  await mock.close();

  const lines = readFileSync(file, 'utf8')
    .split('\n')
    .slice(1)
    .filter((line) => line !== '')
    .map((line, index) => ({ line: index + 2, exchange: ExchangeSchema.parse(JSON.parse(line)) }));
  // As logged, each reply comes before the webhook it answered: the case this is about.
  const logged = lines.map(({ exchange }) => exchange.direction);
  expect(logged.slice(10, 13)).toEqual(['from_bot', 'to_bot', 'control']);

  expect(turnsOf(lines)).toEqual([
    ['webhook: Hi', 'bot: Echo: Hi'],
    ['webhook: Opening hours?', 'bot: Echo: Opening hours?'],
    ['webhook: Thanks', 'bot: Echo: Thanks'],
  ]);

  // Replayed against the same bot, the turns compare equal; against a changed one, the first
  // turn is where it diverges.
  const replay = async () => {
    const port = await findFreePort();
    target.mockUrl = `http://127.0.0.1:${port}`;
    return replayRecording(file, {
      botUrl,
      ignore: [],
      timeoutMs: 2000,
      botStartTimeoutMs: 2000,
      port,
      signal: new AbortController().signal,
    });
  };
  const same = await replay();
  expect(same.conversations.map((conversation) => conversation.status)).toEqual(['passed']);
  expect(same.conversations[0]?.steps.map((step) => step.status)).toEqual([
    'passed',
    'passed',
    'passed',
  ]);
  target.version = 'Reply';
  const changed = await replay();
  expect(changed.conversations[0]?.steps[0]?.status).toBe('failed');

  // Re-baselined on the changed bot, the file keeps each reply in its own turn, and replays green.
  expect(await rebaselineRecording(changed)).toBe(3);
  const updated = readFileSync(file, 'utf8')
    .split('\n')
    .slice(1)
    .filter((line) => line !== '')
    .map((line, index) => ({ line: index + 2, exchange: ExchangeSchema.parse(JSON.parse(line)) }));
  expect(turnsOf(updated)).toEqual([
    ['webhook: Hi', 'bot: Reply: Hi'],
    ['webhook: Opening hours?', 'bot: Reply: Opening hours?'],
    ['webhook: Thanks', 'bot: Reply: Thanks'],
  ]);
  const again = await replay();
  expect(again.conversations.map((conversation) => conversation.status)).toEqual(['passed']);
}, 30_000);
