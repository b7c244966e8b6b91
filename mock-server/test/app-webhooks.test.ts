import { expect, it } from 'vitest';
import {
  assignAgent,
  MarkAsResolvedWebhookSchema,
  NewSessionWebhookSchema,
  markAsResolved,
  setMarkAsResolvedWebhook,
  setUserInfo,
} from '#contracts';
import { formatBanner, type MockServer } from '#mock-server';
import { callQiscus, successOf } from './support/call-qiscus.js';
import { startBot } from './support/start-bot.js';
import { startMock } from './support/start-mock.js';

async function roomOf(server: MockServer, customer = '6281100000001') {
  const { room_id } = await server.customer.say({
    channel: 'wa',
    customer: { id: customer, name: 'Budi' },
    text: 'Hi',
  });
  return room_id;
}

it('sends New Session on a first message and after a resolve, before the bot webhook, logged as newSession', async () => {
  const receiver = await startBot();
  const bot = await startBot();
  const server = await startMock({
    botUrl: bot.url,
    delivery: 'reliable',
    webhooks: { new_session: { url: receiver.url } },
  });

  const roomId = await roomOf(server);
  await server.customer.say({ room_id: roomId, text: 'Still there?' });
  server.agent.resolve(roomId);
  await server.customer.say({ room_id: roomId, text: 'Me again' });
  await server.drain();

  expect(receiver.received).toHaveLength(2);
  const [first, second] = receiver.received.map((hook) => NewSessionWebhookSchema.parse(hook.body));
  expect(first?.payload.message.text).toBe('Hi');
  expect(second?.payload.message.text).toBe('Me again');
  expect(first?.room_log).toMatchObject({
    room_id: roomId,
    source: 'wa',
    user_id: '6281100000001',
    // As in the documented sample: a room that has just opened, unresolved, its time without a zone.
    has_no_message: true,
    resolved: false,
  });
  expect(first?.room_log.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?$/);
  const log = server.deliveries.list().map((delivery) => [delivery.webhook, delivery.status]);
  expect(log).toEqual([
    ['newSession', 'delivered'],
    ['botMessage', 'delivered'],
    ['botMessage', 'delivered'],
    ['newSession', 'delivered'],
    ['botMessage', 'delivered'],
  ]);
  expect(server.deliveries.list()[0]).toMatchObject({ url: receiver.url, room_id: roomId });
});

it('sends Mark-as-Resolved set by the settings route when the bot resolves, with the admin as resolver', async () => {
  const receiver = await startBot();
  const server = await startMock();
  const set = await callQiscus(server, setMarkAsResolvedWebhook, {
    body: { webhook_url: receiver.url, is_webhook_enabled: true },
  });
  expect(successOf(set).data.app.mark_as_resolved_webhook_url).toBe(receiver.url);
  const roomId = await roomOf(server);
  await callQiscus(server, setUserInfo, {
    params: { room_id: roomId },
    body: { user_properties: [{ key: 'Order ID', value: 'INV-1' }] },
  });

  await callQiscus(server, markAsResolved, {
    body: { room_id: roomId, last_comment_id: '1', notes: 'done' },
  });
  // Resolving a resolved room again sends nothing more.
  await callQiscus(server, markAsResolved, { body: { room_id: roomId } });
  await server.drain();

  expect(receiver.received).toHaveLength(1);
  const webhook = MarkAsResolvedWebhookSchema.parse(receiver.received[0]?.body);
  expect(webhook).toMatchObject({
    customer: { name: 'Budi', user_id: '6281100000001' },
    resolved_by: { type: 'admin', email: 'admin@example.com' },
    service: { room_id: roomId, is_resolved: true, notes: 'done', source: 'wa' },
  });
  expect(webhook.customer.additional_info).toEqual([{ key: 'Order ID', value: 'INV-1' }]);
  expect(server.deliveries.list().find((d) => d.webhook === 'markAsResolved')).toMatchObject({
    status: 'delivered',
    url: receiver.url,
  });
});

it('sends Mark-as-Resolved set by PATCH /_mock/config when the inbox resolves, naming the room’s agent', async () => {
  const receiver = await startBot();
  const server = await startMock();
  server.configure({ webhooks: { mark_as_resolved: { url: receiver.url } } });
  expect(server.settings().webhooks.mark_as_resolved).toEqual({ url: receiver.url, enabled: true });
  const banner = formatBanner({
    url: server.url,
    secretKey: server.secretKey,
    adminToken: server.adminToken,
    settings: server.settings(),
  });
  expect(banner).toContain(`  Webhook        mark_as_resolved → ${receiver.url}\n`);
  expect(banner).not.toContain('new_session');
  const roomId = await roomOf(server);
  const agent = server.settings().agents[2]!;
  await callQiscus(server, assignAgent, { body: { room_id: roomId, agent_id: agent.id } });
  server.agent.say(roomId, { text: 'Hello' });

  server.agent.resolve(roomId);
  // Resolving a resolved room again sends nothing more.
  server.agent.resolve(roomId);
  await server.drain();

  expect(receiver.received).toHaveLength(1);
  const webhook = MarkAsResolvedWebhookSchema.parse(receiver.received[0]?.body);
  expect(webhook.resolved_by).toEqual({
    email: agent.email,
    id: agent.id,
    is_available: agent.is_available,
    name: agent.name,
    type: 'agent',
  });
});

it('sends Mark-as-Resolved on the resolve itself, for the session that began with its first message', async () => {
  const receiver = await startBot();
  const server = await startMock({ webhooks: { mark_as_resolved: { url: receiver.url } } });
  const first = await server.customer.say({
    channel: 'wa',
    customer: { id: '6281100000001', name: 'Budi' },
    text: 'Hi',
  });
  const second = await server.customer.say({ room_id: first.room_id, text: 'Still there?' });

  server.agent.resolve(first.room_id);
  await server.drain();
  expect(receiver.received).toHaveLength(1);
  server.agent.resolve(first.room_id);
  await server.drain();

  expect(receiver.received).toHaveLength(1);
  const webhook = MarkAsResolvedWebhookSchema.parse(receiver.received[0]?.body);
  expect(webhook.service).toMatchObject({
    first_comment_id: String(first.comment_id),
    last_comment_id: String(second.comment_id),
  });
});

it('sends none of the other webhooks while they are not configured, or switched off', async () => {
  const receiver = await startBot();
  const bot = await startBot();
  const server = await startMock({
    botUrl: bot.url,
    webhooks: { mark_as_resolved: { url: receiver.url, enabled: false } },
  });
  const roomId = await roomOf(server);
  await callQiscus(server, markAsResolved, { body: { room_id: roomId } });
  await server.customer.say({ room_id: roomId, text: 'again' });
  server.configure({ webhooks: { new_session: { url: receiver.url } } });
  server.configure({ webhooks: { new_session: { url: null } } });
  server.agent.resolve(roomId);
  await server.customer.say({ room_id: roomId, text: 'and again' });
  await server.drain();

  expect(receiver.received).toEqual([]);
  expect(new Set(server.deliveries.list().map((delivery) => delivery.webhook))).toEqual(
    new Set(['botMessage']),
  );
  expect(server.settings().webhooks).toEqual({
    new_session: { url: null, enabled: false },
    agent_allocation: { url: null, enabled: false },
    mark_as_resolved: { url: receiver.url, enabled: false },
  });
});

it('refuses a webhook URL off this machine in PATCH /_mock/config, and changes nothing', async () => {
  const server = await startMock();
  expect(() =>
    server.configure({
      bot_url: 'http://127.0.0.1:9/',
      webhooks: { new_session: { url: 'https://example.com/hook' } },
    }),
  ).toThrow(/webhooks\.new_session\.url example\.com is not this machine/);
  expect(server.settings().bot_url).toBeNull();
  expect(server.settings().webhooks.new_session).toEqual({ url: null, enabled: false });
});

it('names the webhook or channel a mistyped key was meant to be, in PATCH /_mock/config, and changes nothing', async () => {
  const server = await startMock();
  const response = await fetch(`${server.url}/_mock/config`, {
    method: 'PATCH',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${server.adminToken}` },
    body: JSON.stringify({
      webhooks: { new_sesion: { url: 'http://127.0.0.1:9/' } },
      channel_rules: { telgram: { buttons: true } },
    }),
  });
  expect(response.status).toBe(400);
  const body = (await response.json()) as { errors: { path: string; message: string }[] };
  expect(body.errors).toEqual([
    {
      path: 'channel_rules.telgram',
      message: 'is not a field of this object; did you mean "telegram"?',
    },
    {
      path: 'webhooks.new_sesion',
      message: 'is not a field of this object; did you mean "new_session"?',
    },
  ]);
  expect(server.settings().webhooks.new_session).toEqual({ url: null, enabled: false });
});
