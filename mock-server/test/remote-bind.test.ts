import { request } from 'undici';
import { expect, it } from 'vitest';
import WebSocket from 'ws';
import { ProblemSchema } from '#contracts';
import { formatBanner } from '#mock-server';
import { startMock } from './support/start-mock.js';

it('asks for the admin token on /_mock when it listens beyond loopback, and says so at start-up', async () => {
  const server = await startMock({ host: '0.0.0.0' });
  const { port } = new URL(server.url);
  const base = `http://127.0.0.1:${port}`;

  const bare = await request(`${base}/_mock/config`, {
    method: 'PATCH',
    body: '{}',
    headers: { 'content-type': 'application/json' },
  });
  const problem = ProblemSchema.parse(await bare.body.json());
  expect([bare.statusCode, problem.code]).toEqual([401, 'MOCK_ERR_ADMIN_TOKEN_REQUIRED']);
  expect(problem.detail).toContain('Authorization: Bearer <admin token>');

  const wrong = await request(`${base}/_mock/reset`, {
    method: 'POST',
    headers: { authorization: 'Bearer nope' },
  });
  expect(wrong.statusCode).toBe(401);
  await wrong.body.dump();
  const right = await request(`${base}/_mock/rooms`, {
    headers: { authorization: `Bearer ${server.adminToken}` },
  });
  expect(right.statusCode).toBe(200);
  await right.body.dump();

  const refused = new WebSocket(`ws://127.0.0.1:${port}/_mock/events`);
  const status = await new Promise((resolve) => {
    refused.on('unexpected-response', (_request, response) => {
      resolve(response.statusCode);
    });
    refused.on('open', () => {
      resolve('open');
    });
  });
  expect(status).toBe(401);
  const followed = new WebSocket(`ws://127.0.0.1:${port}/_mock/events?token=${server.adminToken}`);
  const first = await new Promise<string>((resolve) =>
    followed.once('message', (data: Buffer) => {
      resolve(data.toString());
    }),
  );
  followed.close();
  expect(JSON.parse(first)).toMatchObject({ type: 'ready' });

  const banner = formatBanner({
    url: base,
    secretKey: server.secretKey,
    adminToken: server.adminToken,
    settings: server.settings(),
    adminTokenRequired: true,
  });
  expect(banner).toContain(`-H 'Authorization: Bearer ${server.adminToken}'`);
  expect(banner).toContain(`Dashboard: ${base}/#token=${server.adminToken}`);
});

it('asks nothing more on loopback', async () => {
  const server = await startMock();
  const answer = await request(`${server.url}/_mock/rooms`);
  expect(answer.statusCode).toBe(200);
  await answer.body.dump();
});

it('says whether the admin token was missing or wrong, in the detail and in errors', async () => {
  const server = await startMock({ host: '0.0.0.0' });
  const base = `http://127.0.0.1:${new URL(server.url).port}`;

  const bare = await request(`${base}/_mock/rooms`);
  const missing = ProblemSchema.parse(await bare.body.json());
  expect(missing.detail).toMatch(/\(printed at start-up; --admin-token sets it\)\.$/);
  expect(missing.errors).toEqual([{ path: 'headers.authorization', message: 'is required' }]);

  const wrong = await request(`${base}/_mock/rooms`, { headers: { authorization: 'Bearer nope' } });
  const notIt = ProblemSchema.parse(await wrong.body.json());
  expect(notIt.detail).toMatch(
    /\(printed at start-up; --admin-token sets it\); the token sent is not it\.$/,
  );
  expect(notIt.errors).toEqual([
    { path: 'headers.authorization', message: 'does not hold the admin token' },
  ]);
});

it('takes the admin token after "Bearer" and any spaces, and only there', async () => {
  const server = await startMock({ host: '0.0.0.0' });
  const base = `http://127.0.0.1:${new URL(server.url).port}`;
  const statusWith = async (authorization: string) => {
    const answer = await request(`${base}/_mock/rooms`, { headers: { authorization } });
    await answer.body.dump();
    return answer.statusCode;
  };

  expect(await statusWith(`Bearer   ${server.adminToken}`)).toBe(200);
  expect(await statusWith(`bearer ${server.adminToken}`)).toBe(200);
  expect(await statusWith(server.adminToken)).toBe(200);
  const token = server.adminToken;
  expect(await statusWith(`${token.slice(0, 4)}Bearer ${token.slice(4)}`)).toBe(401);
});

it('beyond loopback, answers any Host, and asks the admin token only on /_mock', async () => {
  const server = await startMock({ host: '0.0.0.0' });
  const { port } = new URL(server.url);
  const base = `http://127.0.0.1:${port}`;

  // Reached by a name of the network, not of this machine.
  const named = await request(`${base}/_mock/rooms`, {
    headers: { host: `mock.example:${port}`, authorization: `Bearer ${server.adminToken}` },
  });
  expect(named.statusCode).toBe(200);
  await named.body.dump();

  // The Qiscus surface keeps its own credentials, and the documents need none.
  const { room_id } = await server.customer.say({ channel: 'qiscus', text: 'Hi' });
  const botMessage = await request(`${base}/${server.appCode}/bot`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', QISCUS_SDK_SECRET: server.secretKey },
    body: JSON.stringify({
      sender_email: server.botEmail,
      message: 'Hello',
      type: 'text',
      room_id,
    }),
  });
  expect(botMessage.statusCode).toBe(200);
  await botMessage.body.dump();
  const document = await request(`${base}/openapi.json`);
  expect(document.statusCode).toBe(200);
  await document.body.dump();
});
