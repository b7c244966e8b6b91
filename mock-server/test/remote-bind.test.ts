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
