import { request as httpRequest, type ClientRequest, type IncomingMessage } from 'node:http';
import { once } from 'node:events';
import { request } from 'undici';
import { expect, it } from 'vitest';
import { ErrorEnvelopeSchema, getTraffic } from '#contracts';
import type { MockServer } from '#mock-server';
import { callControl } from './support/call-control.js';
import { startMock } from './support/start-mock.js';

// Bodies over 64 KB (issue 15): refused callers are answered before the body is read, refused
// bodies are judged from their bytes, and such bodies are read one at a time.

const megabyte = 1_000_000;

/** A POST to the bot route that declares `length` bytes and sends only `first` of them. */
async function startPost(
  server: MockServer,
  secret: string,
  length: number,
  first: Buffer | string,
): Promise<{ readonly client: ClientRequest; readonly answer: Promise<IncomingMessage> }> {
  const client = httpRequest(`${server.url}/${server.appCode}/bot`, {
    method: 'POST',
    agent: false,
    headers: {
      'content-type': 'application/json',
      'content-length': String(length),
      QISCUS_SDK_SECRET: secret,
    },
  });
  // A server that answers early may close the connection under the rest of the body.
  client.on('error', () => undefined);
  const answer = once(client, 'response').then(([response]) => response as IncomingMessage);
  // Settled by the test or left for a client it destroys.
  answer.catch(() => undefined);
  client.write(first);
  await once(client, 'socket');
  return { client, answer };
}

async function textOf(response: IncomingMessage): Promise<string> {
  let text = '';
  response.setEncoding('utf8');
  for await (const chunk of response) text += chunk as string;
  return text;
}

async function trafficBodies(
  server: MockServer,
): Promise<{ status: number | null; body: unknown }[]> {
  const traffic = await callControl(server, getTraffic);
  if (!traffic.ok) throw new Error(traffic.body.detail);
  return traffic.body.exchanges
    .filter((exchange) => exchange.operation_id === 'postBotMessage')
    .map((exchange) => ({ status: exchange.status, body: exchange.request.body }));
}

/** A bot message; past `padTo` bytes with a `custom` payload (a text message has a length limit). */
function botMessage(server: MockServer, roomId: string, text: string, padTo = 0): string {
  return JSON.stringify({
    sender_email: server.botEmail,
    room_id: roomId,
    ...(padTo === 0
      ? { type: 'text', message: text }
      : {
          type: 'custom',
          message: text,
          payload: { type: 'filler', content: { filler: '.'.repeat(padTo) } },
        }),
  });
}

it('answers a wrong secret with a 1 MB body 401 while the body is still being sent, and keeps none of it', async () => {
  const server = await startMock();
  const { room_id } = await server.customer.say('Hi');
  const body = botMessage(server, room_id, 'x', megabyte);
  // Only the first 64 KB go out; the answer comes anyway.
  const post = await startPost(server, 'wrong', Buffer.byteLength(body), body.slice(0, 65_536));
  const response = await post.answer;
  const refusal = ErrorEnvelopeSchema.parse(JSON.parse(await textOf(response))).errors;
  expect([response.statusCode, refusal.code, refusal.details[0]?.path]).toEqual([
    401,
    'UNAUTHORIZED',
    'headers.QISCUS_SDK_SECRET',
  ]);
  post.client.destroy();
  expect(await trafficBodies(server)).toEqual([
    {
      status: 401,
      body: `[not read: the request was refused before its body of ${Buffer.byteLength(body)} bytes was read]`,
    },
  ]);
  expect(server.rooms.get(room_id)?.messages).toHaveLength(1);
});

it('answers the right secret with a 1 MB body only once the body is read, and keeps a wrong secret with a small body in full', async () => {
  const server = await startMock();
  const { room_id } = await server.customer.say('Hi');
  const large = botMessage(server, room_id, 'y', megabyte);
  const post = await startPost(
    server,
    server.secretKey,
    Buffer.byteLength(large),
    large.slice(0, 1000),
  );
  post.client.end(large.slice(1000));
  expect((await post.answer).statusCode).toBe(200);
  const small = await request(`${server.url}/${server.appCode}/bot`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', QISCUS_SDK_SECRET: 'wrong' },
    body: botMessage(server, room_id, 'small'),
  });
  await small.body.dump();
  // The small refused body is read, so the log shows the room it was about.
  const refused = (await trafficBodies(server)).find((exchange) => exchange.status === 401);
  expect([small.statusCode, refused?.body]).toEqual([
    401,
    JSON.parse(botMessage(server, room_id, 'small')),
  ]);
  expect(server.rooms.get(room_id)?.messages).toHaveLength(2);
});

it('refuses a 1 MB body cut off or nested too deep from its bytes, keeping only its start', async () => {
  const server = await startMock({ storedBodyMaxBytes: 4096 });
  const { room_id } = await server.customer.say('Hi');
  const post = (body: string) =>
    request(`${server.url}/${server.appCode}/bot`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', QISCUS_SDK_SECRET: server.secretKey },
      body,
    });
  const cut = `{"room_id": "${room_id}", "message": "${'é'.repeat(megabyte / 2)}`;
  const open = `{"room_id": "${room_id}", "payload": [${'1,'.repeat(megabyte / 2)}`;
  const deep = `{"payload": {"custom": ${'['.repeat(megabyte / 2)}${']'.repeat(megabyte / 2)}}}`;
  const answers = [];
  for (const body of [cut, open, deep]) {
    const answer = await post(body);
    answers.push({
      status: answer.statusCode,
      ...ErrorEnvelopeSchema.parse(await answer.body.json()).errors,
    });
  }
  expect(answers.map(({ status, code }) => [status, code])).toEqual([
    [400, 'MALFORMED_BODY'],
    [400, 'MALFORMED_BODY'],
    [400, 'VALIDATION_FAILED'],
  ]);
  expect(answers[0]?.message).toBe(
    `The body is not valid JSON: Unterminated string in JSON at byte ${Buffer.byteLength(cut)} (its end): was it cut off?`,
  );
  expect(answers[1]?.message).toContain(
    'Unexpected end of JSON input (objects or arrays still open',
  );
  expect(answers[2]?.details[0]?.path).toBe(`payload.custom${'[0]'.repeat(62)}`);
  const kept = (await trafficBodies(server)).map((exchange) => String(exchange.body));
  expect(kept).toHaveLength(3);
  for (const [i, body] of [cut, open, deep].entries()) {
    const text = kept[i] ?? '';
    expect(text.length).toBeLessThanOrEqual(4096 + 40);
    expect(text).toContain(`[truncated: ${Buffer.byteLength(body)} bytes in all, the first`);
  }
  // No character cut in two at the end of what is kept.
  expect(kept[0]).toMatch(/^\{"room_id": "\d+", "message": "é+…\[truncated: /);
  expect(server.rooms.get(room_id)?.messages).toHaveLength(1);
});

/** A small bot message over HTTP: answered at once, and a round trip through the server. */
async function postSmall(server: MockServer, roomId: string, text: string): Promise<number> {
  const answer = await request(`${server.url}/${server.appCode}/bot`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', QISCUS_SDK_SECRET: server.secretKey },
    body: botMessage(server, roomId, text),
  });
  await answer.body.dump();
  return answer.statusCode;
}

it('reads one large body at a time: the next waits until the first is answered, small ones do not', async () => {
  const server = await startMock();
  const { room_id } = await server.customer.say('Hi');
  const first = botMessage(server, room_id, 'first', 100_000);
  const second = botMessage(server, room_id, 'second', 100_000);
  const a = await startPost(server, server.secretKey, Buffer.byteLength(first), first.slice(0, 10));
  // Answered after the server has read the first request's headers on its own connection.
  expect(await postSmall(server, room_id, 'small')).toBe(200);
  const b = await startPost(server, server.secretKey, Buffer.byteLength(second), second);
  let bAnswered = false;
  void b.answer.then(() => (bAnswered = true));
  // A small body is answered while the large one is half sent and the next one waits.
  expect([await postSmall(server, room_id, 'small again'), bAnswered]).toEqual([200, false]);
  a.client.end(first.slice(10));
  expect([(await a.answer).statusCode, (await b.answer).statusCode]).toEqual([200, 200]);
  const texts = server.rooms.get(room_id)?.messages.map((message) => message.text);
  expect(texts).toEqual(['Hi', 'small', 'small again', 'first', 'second']);
});

it('lets the next large body in when the client of the one being read goes away', async () => {
  const server = await startMock();
  const { room_id } = await server.customer.say('Hi');
  const body = botMessage(server, room_id, 'z', 100_000);
  const gone = await startPost(
    server,
    server.secretKey,
    Buffer.byteLength(body),
    body.slice(0, 10),
  );
  expect(await postSmall(server, room_id, 'small')).toBe(200);
  const next = await startPost(server, server.secretKey, Buffer.byteLength(body), body);
  let nextAnswered = false;
  void next.answer.then(() => (nextAnswered = true));
  expect([await postSmall(server, room_id, 'small again'), nextAnswered]).toEqual([200, false]);
  gone.client.destroy();
  expect((await next.answer).statusCode).toBe(200);
});

it('lets the next large body in when a client waiting for its turn goes away first', async () => {
  const server = await startMock();
  const { room_id } = await server.customer.say('Hi');
  const body = botMessage(server, room_id, 'z', 100_000);
  const reading = await startPost(
    server,
    server.secretKey,
    Buffer.byteLength(body),
    body.slice(0, 10),
  );
  expect(await postSmall(server, room_id, 'small')).toBe(200);
  const waiting = await startPost(server, server.secretKey, Buffer.byteLength(body), body);
  expect(await postSmall(server, room_id, 'small again')).toBe(200);
  waiting.client.destroy();
  expect(await postSmall(server, room_id, 'after the one that left')).toBe(200);

  // The slot passes to the client that left; its close, noticed once its socket is read, gives
  // the slot back.
  reading.client.end(body.slice(10));
  expect((await reading.answer).statusCode).toBe(200);
  const last = await startPost(server, server.secretKey, Buffer.byteLength(body), body);
  expect((await last.answer).statusCode).toBe(200);
});

it('orders a large body’s call among the others by when its headers came, not when it was answered', async () => {
  const server = await startMock();
  const { room_id } = await server.customer.say('Hi');
  const body = botMessage(server, room_id, 'large', 100_000);
  const large = await startPost(
    server,
    server.secretKey,
    Buffer.byteLength(body),
    body.slice(0, 10),
  );
  expect(await postSmall(server, room_id, 'small')).toBe(200);
  large.client.end(body.slice(10));
  expect((await large.answer).statusCode).toBe(200);

  const traffic = await callControl(server, getTraffic);
  if (!traffic.ok) throw new Error(traffic.body.detail);
  const calls = traffic.body.exchanges.filter((exchange) => exchange.direction === 'from_bot');
  // The large body is kept cut short, as text; the small one as its value.
  const textOfCall = (exchange: (typeof calls)[number]) =>
    typeof exchange.request.body === 'string'
      ? 'large'
      : (exchange.request.body as { message: string }).message;
  // Logged as answered: the small one first. Begun: the large one first.
  expect(calls.map(textOfCall)).toEqual(['small', 'large']);
  expect(
    [...calls].sort((a, b) => (a.start_seq ?? 0) - (b.start_seq ?? 0)).map(textOfCall),
  ).toEqual(['large', 'small']);
});
