import { request } from 'undici';
import { expect, it } from 'vitest';
import { patchConfig, postBotMessage, resetMock, sendCustomerMessage } from '#contracts';
import { callControl } from './support/call-control.js';
import { callQiscus } from './support/call-qiscus.js';
import { deferred } from './support/deferred.js';
import { sendRaw } from './support/send-raw.js';
import { startBot } from './support/start-bot.js';
import { startMock } from './support/start-mock.js';

it('leaves no room behind when a new customer’s first message is refused', async () => {
  const server = await startMock();
  const answer = await callControl(server, sendCustomerMessage, {
    body: { channel: 'qiscus', customer: { id: 'fresh@example.com' }, postback: 'Nope' },
  });
  expect(answer.ok ? answer.status : answer.body.code).toBe('MOCK_ERR_BUTTON_NOT_FOUND');
  expect(server.rooms.list()).toEqual([]);
  const retry = await server.customer.say({
    channel: 'qiscus',
    customer: { id: 'fresh@example.com' },
    text: 'Hi',
  });
  expect(retry.room_created).toBe(true);
});

it('never repeats a secret sent in the wrong header or in the path', async () => {
  const server = await startMock();
  const swapped = await callQiscus(server, postBotMessage, {
    params: { app_code: server.appCode },
    body: { sender_email: server.botEmail, message: 'Hi', room_id: '1' },
    auth: 'none',
    headers: { 'Qiscus-App-Id': server.secretKey, 'Qiscus-Secret-Key': server.appCode },
  });
  expect(swapped.status).toBe(401);
  expect(JSON.stringify(swapped.body)).not.toContain(server.secretKey);

  const inPath = await callQiscus(server, postBotMessage, {
    params: { app_code: server.secretKey },
    body: { sender_email: server.botEmail, message: 'Hi', room_id: '1' },
  });
  expect(inPath.status).toBe(404);
  expect(JSON.stringify(inPath.body)).not.toContain(server.secretKey);

  const traffic = JSON.stringify(server.traffic.list());
  expect(traffic).not.toContain(server.secretKey);
  expect(server.traffic.list().map((exchange) => exchange.path)).toContain('/[redacted]/bot');
});

it('never repeats a secret a bot writes into a body, written plainly or with JSON escapes', async () => {
  const server = await startMock();
  const escaped = server.secretKey.replace(
    /./g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  for (const message of [`"my key is ${server.secretKey}"`, `"${escaped}"`]) {
    const answer = await request(`${server.url}/${server.appCode}/bot`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', qiscus_sdk_secret: server.secretKey },
      body: `{"sender_email":"${server.botEmail}","type":"text","room_id":"1","message":${message}}`,
    });
    await answer.body.dump();
  }
  const bodies = server.traffic.list().map((exchange) => exchange.request.body);
  expect(bodies).toEqual([
    expect.objectContaining({ message: '[redacted]' }),
    expect.objectContaining({ message: '[redacted]' }),
  ]);
});

it('stops the retries of deliveries made before a reset', async () => {
  const first = deferred();
  const bot = await startBot(() => {
    first.resolve();
    return { status: 503 };
  });
  const server = await startMock({
    botUrl: bot.url,
    delivery: 'reliable',
    retryDelayMs: 60_000,
  });
  await server.customer.say({ channel: 'qiscus', text: 'Hi' });
  await first.promise;
  await callControl(server, resetMock);
  // Without the reset stopping it, drain() would wait a minute for the next try.
  await server.drain();
  expect(bot.received).toHaveLength(1);
  expect(server.deliveries.list()).toEqual([]);
});

it('answers a malformed URL with the error envelope, not the framework’s', async () => {
  const server = await startMock();
  const response = await request(`${server.url}/qiscus-mock-app/bot/%ZZ/hand_over`, {
    method: 'POST',
    headers: { QISCUS_SDK_SECRET: server.secretKey },
  });
  expect(response.statusCode).toBe(404);
  expect(await response.body.json()).toMatchObject({
    status: 404,
    errors: { code: 'ROUTE_NOT_FOUND' },
  });
});

it('refuses a bot URL under *.localhost, which a resolver could send elsewhere', async () => {
  const server = await startMock();
  const answer = await callControl(server, patchConfig, {
    body: { bot_url: 'http://bot.localhost:9/' },
  });
  expect(answer.ok ? answer.status : answer.body.code).toBe('MOCK_ERR_WEBHOOK_TARGET');
  expect(server.settings().bot_url).toBeNull();
});

it('refuses control calls from a page of another origin, body or none, and changes nothing', async () => {
  const server = await startMock();
  const { room_id } = await server.customer.say({ channel: 'qiscus', text: 'Hi' });

  for (const path of ['/_mock/reset', `/_mock/rooms/${room_id}/resolve`]) {
    const crossSite = await request(`${server.url}${path}`, {
      method: 'POST',
      headers: { origin: 'https://evil.example' },
    });
    expect(crossSite.statusCode).toBe(403);
    expect(await crossSite.body.json()).toMatchObject({ code: 'MOCK_ERR_ORIGIN_NOT_ALLOWED' });
  }
  expect(server.rooms.get(room_id)?.room.resolved).toBe(false);

  // The dashboard's own page is of the mock's origin.
  const sameOrigin = await request(`${server.url}/_mock/rooms/${room_id}/resolve`, {
    method: 'POST',
    headers: { origin: server.url },
  });
  expect(sameOrigin.statusCode).toBe(200);
  await sameOrigin.body.dump();
  expect(server.rooms.get(room_id)?.room.resolved).toBe(true);
  // … also when a TLS proxy serves it under the same name.
  const behindProxy = await request(`${server.url}/_mock/config`, {
    headers: { origin: server.url.replace('http:', 'https:') },
  });
  expect(behindProxy.statusCode).toBe(200);
  await behindProxy.body.dump();
});

it('takes the dashboard’s origin under any name of this machine and in any case, and names it when it refuses', async () => {
  const server = await startMock();
  const port = new URL(server.url).port;
  const statusOf = async (host: string, origin: string) => {
    const answer = await request(`${server.url}/_mock/config`, { headers: { host, origin } });
    await answer.body.dump();
    return answer.statusCode;
  };

  expect(await statusOf(`localhost:${port}`, `http://localhost:${port}`)).toBe(200);
  expect(await statusOf(`localhost:${port}`, `https://localhost:${port}`)).toBe(200);
  expect(await statusOf(`LocalHost:${port}`, `HTTP://LOCALHOST:${port}`)).toBe(200);

  const refused = await request(`${server.url}/_mock/config`, {
    headers: { origin: 'https://evil.example' },
  });
  expect(refused.statusCode).toBe(403);
  const { detail } = (await refused.body.json()) as { detail: string };
  expect(detail).toBe(
    `A page of "https://evil.example" may not drive the mock: its control API and event stream answer only the dashboard at http://127.0.0.1:${port}/ and clients that are not browsers.`,
  );
});

it('refuses a page of another origin that sends no Host (HTTP/1.0)', async () => {
  const server = await startMock();

  const answer = await sendRaw(
    server.url,
    'POST /_mock/reset HTTP/1.0\r\nOrigin: https://evil.example\r\nContent-Length: 0\r\n\r\n',
  );

  expect(answer.status).toBe(403);
  expect(JSON.parse(answer.body)).toMatchObject({ code: 'MOCK_ERR_ORIGIN_NOT_ALLOWED' });
});
