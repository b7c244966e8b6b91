import { gzipSync } from 'node:zlib';
import { request } from 'undici';
import { expect, it } from 'vitest';
import {
  ErrorEnvelopeSchema,
  ProblemSchema,
  controlOperations,
  getTraffic,
  listRooms,
  operations,
} from '#contracts';
import type { MockServer } from '#mock-server';
import { callControl } from './support/call-control.js';
import { startMock } from './support/start-mock.js';

/** 5,000 arrays inside each other: about 10 KB, deeper than any writer's call stack. */
const deepArrays = `${'['.repeat(5000)}${']'.repeat(5000)}`;
const deepBody = `{"sender_email":"x@y.z","type":"custom","room_id":"1","payload":{"custom":${deepArrays}}}`;

function fill(path: string, server: MockServer): string {
  return path.replace('{app_code}', server.appCode).replace(/\{[^}]+\}/g, '1');
}

async function post(
  server: MockServer,
  path: string,
  body: string | Buffer,
  headers: Record<string, string> = {},
  method = 'POST',
) {
  const response = await request(`${server.url}${path}`, {
    method: method as 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
  return { status: response.statusCode, text: await response.body.text() };
}

/** The first detail's path and the code of an answer, envelope or problem+json. */
function refusalOf(text: string): { code: string; path: string | undefined; message: string } {
  const json: unknown = JSON.parse(text);
  const envelope = ErrorEnvelopeSchema.safeParse(json);
  if (envelope.success) {
    const { code, details, message } = envelope.data.errors;
    return { code, path: details[0]?.path, message };
  }
  const problem = ProblemSchema.parse(json);
  return { code: problem.code, path: problem.errors?.[0]?.path, message: problem.detail };
}

it('refuses a body nested deeper than 64 levels on every route, naming the path where it passed the limit', async () => {
  const server = await startMock();
  const routes = [
    ...operations.filter((operation) => 'body' in operation.request).map((o) => [o.method, o.path]),
    ...controlOperations.filter((o) => o.method !== 'get').map((o) => [o.method, o.path]),
  ] as [string, string][];
  expect(routes.length).toBeGreaterThan(10);
  for (const [method, path] of routes) {
    const answer = await post(server, fill(path, server), deepBody, {}, method.toUpperCase());
    const refusal = refusalOf(answer.text);
    expect({ route: `${method} ${path}`, status: answer.status, code: refusal.code }).toEqual({
      route: `${method} ${path}`,
      status: 400,
      code: path.startsWith('/_mock') ? 'MOCK_ERR_VALIDATION' : 'VALIDATION_FAILED',
    });
    expect(refusal.path).toBe(`payload.custom${'[0]'.repeat(62)}`);
    expect(refusal.message).toContain('deeper than 64 levels');
  }
  expect(server.rooms.list()).toEqual([]);
});

it('keeps every read working after deep bodies were refused, with and without credentials', async () => {
  const server = await startMock();
  const { room_id } = await server.customer.say('Hi');
  const path = `/${server.appCode}/bot`;
  const body = deepBody.replace('"1"', JSON.stringify(room_id));
  const withSecret = await post(server, path, body, { QISCUS_SDK_SECRET: server.secretKey });
  const wrongSecret = await post(server, path, body, { QISCUS_SDK_SECRET: 'wrong' });
  expect([withSecret.status, wrongSecret.status]).toEqual([400, 400]);

  const traffic = await callControl(server, getTraffic);
  const rooms = await callControl(server, listRooms);
  const room = await request(`${server.url}/_mock/rooms/${room_id}`);
  expect([traffic.status, rooms.status, room.statusCode]).toEqual([200, 200, 200]);
  await room.body.dump();
  if (!traffic.ok) throw new Error('unreachable');
  const refused = traffic.body.exchanges.filter((exchange) => exchange.status === 400);
  expect(refused).toHaveLength(2);
  expect(String(refused[0]?.request.body)).toMatch(
    /^\[nested deeper than 64 levels, shown as text\]/,
  );
  expect(server.rooms.get(room_id)?.messages).toHaveLength(1);
});

it('names Content-Encoding for a compressed body instead of echoing its bytes', async () => {
  const server = await startMock();
  const path = `/${server.appCode}/bot`;
  const zipped = gzipSync(
    JSON.stringify({ sender_email: server.botEmail, message: 'Hi', room_id: '1' }),
  );
  const named = await post(server, path, zipped, {
    'content-encoding': 'gzip',
    QISCUS_SDK_SECRET: server.secretKey,
  });
  expect(named.status).toBe(415);
  expect(refusalOf(named.text)).toMatchObject({
    code: 'UNSUPPORTED_MEDIA_TYPE',
    path: 'headers.content-encoding',
  });

  const unnamed = await post(server, path, zipped, { QISCUS_SDK_SECRET: server.secretKey });
  const refusal = refusalOf(unnamed.text);
  expect([unnamed.status, refusal.code]).toEqual([400, 'MALFORMED_BODY']);
  expect(refusal.message).toContain('gzip');
  // eslint-disable-next-line no-control-regex
  expect(unnamed.text).not.toMatch(/[\u0000-\u0008\ufffd]/);
});

it('refuses a body in another charset or with bytes that are not UTF-8', async () => {
  const server = await startMock();
  const path = `/${server.appCode}/bot`;
  const text = JSON.stringify({ sender_email: server.botEmail, message: 'Olá', room_id: '1' });
  const latin1 = await post(server, path, Buffer.from(text, 'latin1'), {
    'content-type': 'application/json; charset=latin1',
    QISCUS_SDK_SECRET: server.secretKey,
  });
  expect(latin1.status).toBe(415);
  expect(refusalOf(latin1.text)).toMatchObject({
    code: 'UNSUPPORTED_MEDIA_TYPE',
    path: 'headers.content-type',
  });

  const badBytes = await post(server, path, Buffer.from(text, 'latin1'), {
    QISCUS_SDK_SECRET: server.secretKey,
  });
  expect(badBytes.status).toBe(400);
  expect(refusalOf(badBytes.text)).toMatchObject({ code: 'MALFORMED_BODY' });
  expect(refusalOf(badBytes.text).message).toContain('UTF-8');

  const control = await post(
    server,
    '/_mock/messages',
    Buffer.from('{"channel":"qiscus","text":"Ol\xe1"}', 'latin1'),
  );
  expect([control.status, refusalOf(control.text).code]).toEqual([400, 'MOCK_ERR_MALFORMED_BODY']);
  expect(server.rooms.list()).toEqual([]);
});
