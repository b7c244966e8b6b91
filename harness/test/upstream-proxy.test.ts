import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { request } from 'undici';
import { expect, it, onTestFinished } from 'vitest';
import { createMockServer, type MockServer } from '#mock-server';
import { startReferenceBot } from '#reference-bot';
import { readRecording, type RecordingLine } from '../src/recording/read-recording.js';
import { replayRecording } from '../src/recording/replay-recording.js';

const real = {
  appCode: 'real-app',
  secretKey: 'real-secret-key-0451',
  adminToken: 'real-admin-77',
};

async function readAll(file: string): Promise<RecordingLine[]> {
  const lines: RecordingLine[] = [];
  for await (const line of readRecording(file)) lines.push(line);
  return lines;
}

async function started(server: Promise<MockServer>): Promise<MockServer> {
  const mock = await server;
  onTestFinished(() => mock.close());
  return mock;
}

it('a proxy in front of another mock playing Qiscus passes the bot’s calls on and the webhooks back, records both directions, and the recording replays green', async () => {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'qiscus-mock-proxy-')), 'real.jsonl');
  const qiscus = await started(createMockServer(real));
  const logged: string[] = [];
  const proxy = await started(
    createMockServer({
      record: file,
      upstream: { url: qiscus.url, appCode: real.appCode, secretKey: real.secretKey },
      log: (line) => logged.push(line),
    }),
  );
  // The bot knows only the proxy and the proxy's own secret.
  const bot = await startReferenceBot({
    baseUrl: proxy.url,
    appCode: proxy.appCode,
    secretKey: proxy.secretKey,
  });
  onTestFinished(() => bot.close());
  expect(proxy.appCode).toBe(real.appCode);
  expect(proxy.secretKey).not.toBe(real.secretKey);
  proxy.configure({ bot_url: bot.url });
  qiscus.configure({ bot_url: `${proxy.url}/_upstream/webhook` });

  const customer = { id: '6281234567890', name: 'Budi Santoso' };
  const first = await qiscus.customer.say({ channel: 'wa', customer, text: 'hi' }, { wait: true });
  expect(first.delivery.status).toBe('delivered');
  await bot.drain();
  await qiscus.customer.say({ channel: 'wa', customer, text: 'I want a human' }, { wait: true });
  await bot.drain();
  await proxy.drain();

  // The "real" Qiscus got the bot's messages and its handover, through the proxy.
  const room = qiscus.rooms.get(first.room_id);
  const botTexts = room?.messages.filter((m) => m.sender === 'bot').map((m) => m.text);
  expect(botTexts?.[0]).toBe('Hi Budi! I am the Qiscus Mock Shop assistant.');
  expect(room?.room.handover.requested_at).not.toBeNull();
  const reached = qiscus.traffic.list().filter((e) => e.direction === 'from_bot');
  expect(reached.length).toBeGreaterThanOrEqual(3);
  expect(reached.every((e) => e.status === 200)).toBe(true);
  expect(proxy.rooms.list()).toEqual([]);

  const text = readFileSync(file, 'utf8');
  expect(text).not.toContain(real.secretKey);
  const lines = await readAll(file);
  expect(lines[0]).toMatchObject({
    kind: 'header',
    header: { app_code: real.appCode, upstream: qiscus.url },
  });
  const exchanges = lines.flatMap((line) => (line.kind === 'exchange' ? [line.exchange] : []));
  expect(exchanges.map((e) => `${e.direction} ${e.operation_id ?? ''} ${e.status ?? ''}`)).toEqual([
    'control sendCustomerMessage 200',
    'to_bot botMessage 200',
    'from_bot postBotMessage 200',
    'from_bot postBotMessage 200',
    'control sendCustomerMessage 200',
    'to_bot botMessage 200',
    'from_bot postBotMessage 200',
    'from_bot handOver 200',
  ]);
  expect(exchanges.every((e) => e.room_id === first.room_id)).toBe(true);
  expect(exchanges[0]?.request.body).toEqual({ channel: 'wa', customer, type: 'text', text: 'hi' });
  expect(logged).toEqual([]);

  const replayed = await replayRecording(file, {
    ignore: [],
    timeoutMs: 5000,
    botStartTimeoutMs: 10_000,
    port: 0,
    signal: new AbortController().signal,
  });
  expect(replayed.conversations.map((c) => c.status)).toEqual(['passed']);
  expect(replayed.conversations[0]?.steps).toHaveLength(2);
}, 60_000);

it('the bot’s calls go on as they came even when they break the contract, and the upstream’s answer comes back unchanged', async () => {
  const qiscus = await started(createMockServer(real));
  const logged: string[] = [];
  const proxy = await started(
    createMockServer({
      upstream: { url: qiscus.url, appCode: real.appCode, secretKey: real.secretKey },
      log: (line) => logged.push(line),
    }),
  );
  const answer = await request(`${proxy.url}/${real.appCode}/bot`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', qiscus_sdk_secret: proxy.secretKey },
    body: JSON.stringify({ sender_email: 'x', type: 'text', room_id: '1' }),
  });
  const body = (await answer.body.json()) as { errors: { code: string; details: unknown[] } };
  const fromQiscus = qiscus.traffic.list().at(-1);
  expect(answer.statusCode).toBe(fromQiscus?.status);
  expect(body).toEqual(fromQiscus?.response?.body);
  expect(body.errors.code).toBe('VALIDATION_FAILED');
  // The upstream saw its own secret, never the proxy's.
  expect(fromQiscus?.request.headers.qiscus_sdk_secret).toBe('[redacted]');
  const seen = proxy.traffic.list().at(-1);
  expect(seen?.status).toBe(400);
  expect(seen?.warnings.map((w) => w.path)).toContain('message');
  expect(logged.join('\n')).toContain(`POST /${real.appCode}/bot`);
  expect(logged.join('\n')).toContain('Forwarded to the upstream as it was');
  expect(logged.join('\n')).not.toContain(real.secretKey);

  // Credentials the proxy does not know go on as they are, and the upstream refuses them.
  const wrong = await request(`${proxy.url}/${real.appCode}/bot`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', qiscus_sdk_secret: 'guess' },
    body: JSON.stringify({ sender_email: 'x', type: 'text', message: 'hi', room_id: '1' }),
  });
  expect(wrong.statusCode).toBe(401);
  await wrong.body.dump();
});

it('a call outside the contracts goes on too, noted as such, and the upstream’s answer comes back', async () => {
  const qiscus = await started(createMockServer(real));
  const proxy = await started(
    createMockServer({
      upstream: { url: qiscus.url, appCode: real.appCode, secretKey: real.secretKey },
      log: () => undefined,
    }),
  );
  const answer = await request(`${proxy.url}/api/v9/not-in-the-contracts?x=1`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', qiscus_sdk_secret: proxy.secretKey },
    body: JSON.stringify({ hello: 'there' }),
  });
  const body = (await answer.body.json()) as { errors: { code: string } };
  const atQiscus = qiscus.traffic.list().at(-1);
  expect(atQiscus?.path).toBe('/api/v9/not-in-the-contracts?x=1');
  expect(atQiscus?.request.body).toEqual({ hello: 'there' });
  expect(answer.statusCode).toBe(atQiscus?.status);
  expect(body).toEqual(atQiscus?.response?.body);
  const seen = proxy.traffic.list().at(-1);
  expect(seen?.operation_id).toBeNull();
  expect(seen?.warnings[0]?.message).toContain('violates the contract (forwarded anyway)');
});

it('a call without a body goes on without one, and the upstream’s answer comes back', async () => {
  const qiscus = await started(createMockServer(real));
  const proxy = await started(
    createMockServer({
      upstream: { url: qiscus.url, appCode: real.appCode, secretKey: real.secretKey },
      log: () => undefined,
    }),
  );
  const answer = await request(`${proxy.url}/api/v9/not-in-the-contracts`, {
    method: 'GET',
    headers: { qiscus_sdk_secret: proxy.secretKey },
  });
  const body: unknown = await answer.body.json();
  const atQiscus = qiscus.traffic.list().at(-1);
  expect(atQiscus).toMatchObject({ method: 'GET', path: '/api/v9/not-in-the-contracts' });
  expect(atQiscus?.request.body).toBeNull();
  expect(answer.statusCode).toBe(atQiscus?.status);
  expect(body).toEqual(atQiscus?.response?.body);
});

it('an upstream that is down gets the bot a 502 in the error envelope, saying what to check', async () => {
  const gone = await createMockServer();
  const url = gone.url;
  await gone.close();
  const proxy = await started(createMockServer({ upstream: { url, secretKey: 'upstream-key' } }));
  const answer = await request(`${proxy.url}/${proxy.appCode}/bot`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', qiscus_sdk_secret: proxy.secretKey },
    body: JSON.stringify({
      sender_email: proxy.botEmail,
      type: 'text',
      message: 'hi',
      room_id: '1',
    }),
  });
  expect(answer.statusCode).toBe(502);
  const body = (await answer.body.json()) as {
    status: number;
    errors: { code: string; message: string };
  };
  expect(body.status).toBe(502);
  expect(body.errors.code).toBe('UPSTREAM_UNREACHABLE');
  expect(body.errors.message).toContain(`The upstream ${url} could not be reached`);
  expect(body.errors.message).toContain('check --upstream');
  expect(JSON.stringify(body)).not.toContain('upstream-key');
  expect(proxy.traffic.list().at(-1)?.status).toBe(502);
});

it('a webhook from the upstream goes only to the configured bot URL: with none, it is answered 502 and sent nowhere', async () => {
  const proxy = await started(createMockServer({ upstream: { url: 'http://127.0.0.1:9' } }));
  const answer = await request(`${proxy.url}/_upstream/webhook?url=http://127.0.0.1:1`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forward-to': 'http://127.0.0.1:1' },
    body: JSON.stringify({ app_code: 'x' }),
  });
  expect(answer.statusCode).toBe(502);
  expect(await answer.body.text()).toContain('No bot URL is set');
  expect(proxy.deliveries.list().map((d) => [d.status, d.url])).toEqual([['skipped', null]]);
});

it('an upstream URL with credentials in it is refused before anything starts', async () => {
  await expect(
    createMockServer({ upstream: { url: 'https://app:secret@api.example.com' } }),
  ).rejects.toThrow(/--upstream must not hold credentials/);
});
