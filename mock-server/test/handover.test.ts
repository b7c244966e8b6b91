import { expect, it } from 'vitest';
import {
  acceptHandover,
  activateRoomBot,
  declineHandover,
  getAppBot,
  handOver,
  handOverToRole,
  integrateAppBot,
  patchConfig,
  postBotMessage,
  setAppBotActivation,
} from '#contracts';
import { callControl } from './support/call-control.js';
import { callQiscus, credentialHeaders } from './support/call-qiscus.js';
import { sendRequest } from './support/send-request.js';
import { startMock } from './support/start-mock.js';

it('hand_over switches the bot off and opens a request, so the bot gets no more webhooks', async () => {
  const server = await startMock({ botUrl: 'http://127.0.0.1:9/' });
  const { room_id: roomId } = await server.customer.say({ channel: 'wa', text: 'Hi' });
  const answer = await callQiscus(server, handOver, {
    params: { app_code: server.appCode, room_id: roomId },
    body: { find_online_agent: true },
  });
  expect(answer).toEqual({
    status: 200,
    body: { data: { room_id: roomId, is_handled_by_bot: false, is_waiting: true }, status: 200 },
  });
  const room = server.rooms.get(roomId)?.room;
  expect(room).toMatchObject({
    bot_active: false,
    is_waiting: true,
    agent: null,
    handover: { status: 'pending', find_online_agent: true, role: null, answered_at: null },
  });
  const next = await server.customer.say({ room_id: roomId, text: 'Hello?' }, { wait: true });
  expect(next.delivery).toMatchObject({ status: 'skipped', skip_reason: 'BOT_OFF_FOR_ROOM' });
  expect(next.delivery.reason).toContain(`POST /bot/${roomId}/activate`);
});

it('takes hand_over without a body, and a second request while one waits changes nothing', async () => {
  const server = await startMock();
  const { room_id: roomId } = await server.customer.say({ channel: 'qiscus', text: 'Hi' });
  const params = { app_code: server.appCode, room_id: roomId };
  expect((await callQiscus(server, handOver, { params })).status).toBe(200);
  const first = server.rooms.get(roomId)?.room.handover;
  expect((await callQiscus(server, handOver, { params, body: {} })).status).toBe(200);
  expect(server.rooms.get(roomId)?.room.handover).toEqual(first);
});

it('answers hand_over as JSON, with its content type', async () => {
  const server = await startMock();
  const { room_id: roomId } = await server.customer.say({ channel: 'qiscus', text: 'Hi' });

  const answer = await sendRequest(server, 'POST', `/${server.appCode}/bot/${roomId}/hand_over`, {
    headers: { 'content-type': 'application/json', ...credentialHeaders(server, 'sdkSecret') },
    body: '{}',
  });

  expect([answer.status, answer.contentType]).toEqual([200, 'application/json; charset=utf-8']);
});

it('checks the room id in the path again once it differs from the last one taken', async () => {
  const server = await startMock();
  const { room_id: roomId } = await server.customer.say({ channel: 'qiscus', text: 'Hi' });
  const { room_id: otherId } = await server.customer.say({ channel: 'wa', text: 'Hi' });
  const params = { app_code: server.appCode, room_id: roomId };

  expect((await callQiscus(server, handOver, { params })).status).toBe(200);
  const notANumber = await callQiscus(server, handOver, { params: { ...params, room_id: 'abc' } });
  expect([notANumber.status, notANumber.body]).toMatchObject([
    400,
    { errors: { code: 'VALIDATION_FAILED', details: [{ path: 'room_id' }] } },
  ]);
  expect(
    (await callQiscus(server, handOver, { params: { ...params, room_id: otherId } })).body,
  ).toMatchObject({ data: { room_id: otherId } });
  expect(server.rooms.get(otherId)?.room.handover.status).toBe('pending');
});

it('accepting the request assigns an agent; a bot message afterwards is accepted but flagged', async () => {
  const server = await startMock();
  const { room_id: roomId } = await server.customer.say({ channel: 'qiscus', text: 'Hi' });
  await callQiscus(server, handOver, { params: { app_code: server.appCode, room_id: roomId } });
  const accepted = await callControl(server, acceptHandover, { params: { room_id: roomId } });
  expect(accepted.ok).toBe(true);
  if (!accepted.ok) return;
  expect(accepted.body.room).toMatchObject({
    bot_active: false,
    is_waiting: false,
    handover: { status: 'accepted' },
  });
  expect(accepted.body.room.agent?.is_available).toBe(true);
  expect(accepted.body.room.division).toBe(accepted.body.room.agent?.user_roles[0]?.name);

  const late = await callQiscus(server, postBotMessage, {
    params: { app_code: server.appCode },
    body: { sender_email: server.botEmail, message: 'Still here!', room_id: roomId },
  });
  expect(late.status).toBe(200);
  const exchange = server.traffic
    .list()
    .find((e) => e.operation_id === 'postBotMessage' && e.status === 200);
  expect(exchange?.flags).toEqual(['BOT_MESSAGE_AFTER_HANDOVER']);
});

it('declining the request gives the room back to the bot', async () => {
  const server = await startMock();
  const { room_id: roomId } = await server.customer.say({ channel: 'qiscus', text: 'Hi' });
  await callQiscus(server, handOver, { params: { app_code: server.appCode, room_id: roomId } });
  const declined = await callControl(server, declineHandover, { params: { room_id: roomId } });
  expect(declined.ok && declined.body.room).toMatchObject({
    bot_active: true,
    is_waiting: false,
    agent: null,
    handover: { status: 'declined' },
  });
  const next = await server.customer.say({ room_id: roomId, text: 'Anyone?' }, { wait: true });
  expect(next.delivery.skip_reason).toBe('NO_BOT_URL');
});

it('hand_over_to_role assigns an online agent of the division, then refuses the same division', async () => {
  const server = await startMock();
  const { room_id: roomId } = await server.customer.say({ channel: 'wa', text: 'My invoice' });
  const params = { app_code: server.appCode, room_id: roomId };
  const first = await callQiscus(server, handOverToRole, {
    params,
    body: { role: 'billing', find_online_agent: true },
  });
  expect(first.status).toBe(200);
  const agent = (
    first.body as {
      data: { added_agent: { is_available: boolean; user_roles: { name: string }[] } | null };
    }
  ).data.added_agent;
  expect(agent?.is_available).toBe(true);
  expect(agent?.user_roles.map((role) => role.name)).toEqual(['billing']);
  expect(server.rooms.get(roomId)?.room).toMatchObject({
    bot_active: false,
    division: 'billing',
    is_waiting: false,
    handover: { status: 'assigned', role: 'billing' },
  });

  const again = await callQiscus(server, handOverToRole, { params, body: { role: 'billing' } });
  expect(again.status).toBe(400);
  expect(again.body).toMatchObject({ errors: { code: 'SAME_DIVISION' } });

  const sales = await callQiscus(server, handOverToRole, { params, body: { role: 'sales' } });
  expect(sales.status).toBe(200);
  expect(server.rooms.get(roomId)?.room.division).toBe('sales');
});

it('hand_over_to_role leaves the room waiting when no agent of the division is online', async () => {
  const server = await startMock({
    agents: [
      { name: 'Rina Wijaya', divisions: ['vip'], online: false },
      { name: 'Agus Salim', divisions: ['billing'], online: true },
    ],
  });
  const { room_id: roomId } = await server.customer.say({ channel: 'qiscus', text: 'Hi' });
  const answer = await callQiscus(server, handOverToRole, {
    params: { app_code: server.appCode, room_id: roomId },
    body: { role: 'vip', find_online_agent: true },
  });
  expect(answer).toEqual({ status: 200, body: { data: { added_agent: null } } });
  expect(server.rooms.get(roomId)?.room).toMatchObject({ is_waiting: true, division: 'vip' });
});

it('hand_over_to_role refuses while Auto Agent Allocation is off, and works once it is on', async () => {
  const server = await startMock({ autoAgentAllocation: false });
  const { room_id: roomId } = await server.customer.say({ channel: 'qiscus', text: 'Hi' });
  const params = { app_code: server.appCode, room_id: roomId };
  const off = await callQiscus(server, handOverToRole, { params, body: { role: 'billing' } });
  expect(off.status).toBe(400);
  expect(off.body).toMatchObject({ errors: { code: 'AUTO_AGENT_ALLOCATION_OFF', details: [] } });
  expect(server.rooms.get(roomId)?.room.bot_active).toBe(true);
  await callControl(server, patchConfig, { body: { auto_agent_allocation: true } });
  expect(
    (await callQiscus(server, handOverToRole, { params, body: { role: 'billing' } })).status,
  ).toBe(200);
});

it('hand_over_to_role refuses an unknown division and lists the ones there are', async () => {
  const server = await startMock();
  const { room_id: roomId } = await server.customer.say({ channel: 'qiscus', text: 'Hi' });
  const answer = await callQiscus(server, handOverToRole, {
    params: { app_code: server.appCode, room_id: roomId },
    body: { role: 'finance' },
  });
  expect(answer).toEqual({
    status: 404,
    body: {
      status: 404,
      errors: {
        code: 'ROLE_NOT_FOUND',
        message:
          'No division is called "finance": the divisions are customer service, billing, sales, technical.',
        details: [{ path: 'role', message: 'no such division' }],
      },
    },
  });
});

it('switches the bot off and on for one room, with a JSON or a form body', async () => {
  const server = await startMock();
  const { room_id: roomId, comment_id: first } = await server.customer.say({
    channel: 'wa',
    text: 'Hi',
  });
  await server.customer.say({ room_id: roomId, text: 'Hello?' });
  const off = await callQiscus(server, activateRoomBot, {
    params: { room_id: roomId },
    body: { is_active: false },
  });
  expect(off.status).toBe(200);
  expect(off.body).toMatchObject({
    data: { room_id: roomId, is_handled_by_bot: false, source: 'wa' },
  });
  // The room's log starts at its first message.
  expect(off.body).toMatchObject({
    data: { has_no_message: false, start_service_comment_id: String(first) },
  });
  const on = await callQiscus(server, activateRoomBot, {
    params: { room_id: roomId },
    body: { is_active: 'true' },
    contentType: 'application/x-www-form-urlencoded',
  });
  expect(on.body).toMatchObject({ data: { is_handled_by_bot: true } });
  expect(server.rooms.get(roomId)?.room.bot_active).toBe(true);
});

it('reads and changes the app’s bot settings; the secret never appears', async () => {
  const server = await startMock();
  const form = 'application/x-www-form-urlencoded';
  const read = await callQiscus(server, getAppBot);
  expect(read.body).toEqual({
    data: { bot_webhook_url: null, is_bot_enabled: true, is_force_send_bot: false },
    status: 200,
  });
  const off = await callQiscus(server, setAppBotActivation, {
    body: { is_active: 'false' },
    contentType: form,
  });
  expect(off.body).toMatchObject({
    data: { app: { is_bot_enabled: false, secret_key: '[redacted]' } },
  });
  const connected = await callQiscus(server, integrateAppBot, {
    body: { bot_webhook_url: 'http://127.0.0.1:3738/hook', is_bot_enabled: 'true' },
    contentType: form,
  });
  expect(connected.body).toMatchObject({
    data: { app: { bot_webhook_url: 'http://127.0.0.1:3738/hook', is_bot_enabled: true } },
  });
  expect(JSON.stringify(connected.body)).not.toContain(server.secretKey);
  expect((await callQiscus(server, getAppBot)).body).toMatchObject({
    data: { bot_webhook_url: 'http://127.0.0.1:3738/hook', is_bot_enabled: true },
  });
});
