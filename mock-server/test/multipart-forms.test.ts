import { FormData, request } from 'undici';
import { expect, it } from 'vitest';
import { activateRoomBot, integrateAppBot, setAppBotActivation } from '#contracts';
import { callQiscus, credentialHeaders, successOf } from './support/call-qiscus.js';
import { startBot } from './support/start-bot.js';
import { startMock } from './support/start-mock.js';

const multipart = 'multipart/form-data';

it('integrate takes multipart/form-data, as Qiscus’s n8n node sends it', async () => {
  const server = await startMock();
  const bot = await startBot();

  const answer = await callQiscus(server, integrateAppBot, {
    contentType: multipart,
    body: { bot_webhook_url: bot.url, is_bot_enabled: 'true' },
  });

  expect(successOf(answer).data.app.bot_webhook_url).toBe(bot.url);
  expect(server.settings().bot_url).toBe(bot.url);
});

it('the app and room bot switches take multipart/form-data too', async () => {
  const server = await startMock();
  const { room_id } = await server.customer.say({ channel: 'wa', text: 'Hi' });

  const app = await callQiscus(server, setAppBotActivation, {
    contentType: multipart,
    body: { is_active: 'false' },
  });
  const room = await callQiscus(server, activateRoomBot, {
    params: { room_id },
    contentType: multipart,
    body: { is_active: 'false' },
  });

  expect(successOf(app).data.app.is_bot_enabled).toBe(false);
  expect(room.status).toBe(200);
  expect(server.rooms.get(room_id)?.room.bot_active).toBe(false);
});

it('a multipart field that is a file is refused as MALFORMED_BODY, and nothing changes', async () => {
  const server = await startMock();
  const form = new FormData();
  form.append('bot_webhook_url', new Blob(['http://127.0.0.1:1/']), 'url.txt');
  form.append('is_bot_enabled', 'true');

  const response = await request(`${server.url}${integrateAppBot.path}`, {
    method: 'POST',
    headers: credentialHeaders(server, 'adminTokenAndAppId'),
    body: form,
  });
  const body = (await response.body.json()) as { errors: { code: string; message: string } };

  expect(response.statusCode).toBe(400);
  expect(body.errors.code).toBe('MALFORMED_BODY');
  expect(body.errors.message).toContain('"bot_webhook_url" is a file');
  expect(server.settings().bot_url).toBeNull();
});

it('a multipart body whose boundary does not match is refused as MALFORMED_BODY, saying why and to check the boundary', async () => {
  const server = await startMock();

  const answer = await callQiscus(server, setAppBotActivation, {
    contentType: 'multipart/form-data; boundary=abc',
    rawBody:
      '--xyz\r\nContent-Disposition: form-data; name="is_active"\r\n\r\nfalse\r\n--xyz--\r\n',
  });

  expect(answer.status).toBe(400);
  expect(answer.body).toMatchObject({
    errors: {
      code: 'MALFORMED_BODY',
      message: expect.stringMatching(
        /^The multipart body cannot be read: .+[^.]\. Check the boundary in Content-Type\.$/,
      ) as string,
    },
  });
  expect(server.settings().bot_enabled).toBe(true);
});

it('a multipart body that gives a field twice is refused, saying which', async () => {
  const server = await startMock();
  const part = (name: string, value: string) =>
    `--x\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;

  const twice = await callQiscus(server, setAppBotActivation, {
    contentType: 'multipart/form-data; boundary=x',
    rawBody: `${part('is_active', 'false')}${part('is_active', 'true')}--x--\r\n`,
  });

  expect(twice.body).toMatchObject({
    errors: {
      code: 'MALFORMED_BODY',
      message: 'The form gives "is_active" twice; give each field once.',
    },
  });
  expect(server.settings().bot_enabled).toBe(true);
});
