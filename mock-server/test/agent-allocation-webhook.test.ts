import { expect, it } from 'vitest';
import {
  CustomAgentAllocationWebhookSchema,
  assignAgent,
  handOver,
  setAgentAllocationWebhook,
} from '#contracts';
import type { MockServer } from '#mock-server';
import { callQiscus, successOf } from './support/call-qiscus.js';
import { startBot, type BotAnswer } from './support/start-bot.js';
import { startMock } from './support/start-mock.js';

/** Budi asks for a human and the bot hands the room over (with `body`, if given). */
async function handedOver(server: MockServer, body?: { find_online_agent: boolean }) {
  const { room_id } = await server.customer.say({
    channel: 'wa',
    customer: { id: '6281100000001', name: 'Budi' },
    text: 'I want a human',
  });
  const answer = await callQiscus(server, handOver, {
    params: { app_code: server.appCode, room_id },
    ...(body ? { body } : {}),
  });
  expect(answer.status).toBe(200);
  await server.drain();
  return room_id;
}

async function allocating(answer: () => BotAnswer, options = {}) {
  const receiver = await startBot(answer);
  const server = await startMock({
    webhooks: { agent_allocation: { url: receiver.url } },
    ...options,
  });
  return { receiver, server };
}

it('asks the receiver on a handover, with the candidate agent, and assigns the agent it answers', async () => {
  let chosen = 0;
  const { receiver, server } = await allocating(() => ({
    status: 200,
    body: JSON.stringify({ agent_id: chosen }),
  }));
  chosen = server.settings().agents[5]!.id;

  const roomId = await handedOver(server);

  expect(receiver.received).toHaveLength(1);
  const webhook = CustomAgentAllocationWebhookSchema.parse(receiver.received[0]?.body);
  expect(webhook).toMatchObject({ room_id: roomId, email: '6281100000001', name: 'Budi' });
  expect(webhook.source).toBe('wa');
  const candidate = server.settings().agents[0];
  expect(webhook.candidate_agent).toMatchObject({
    id: candidate?.id,
    sdk_key: `mock-sdk-key-${candidate?.id}`,
  });
  expect(webhook.is_new_session).toBe(false);
  expect(JSON.parse(webhook.extras)).toEqual({
    additional_extras: { timezone_offset: 7 },
    notes: null,
    timezone_offset: null,
    user_properties: [],
    user_properties_migrated: true,
  });
  expect(server.rooms.get(roomId)?.room).toMatchObject({
    agent: { id: chosen },
    handover: { status: 'accepted' },
    bot_active: false,
  });
  const delivery = server.deliveries.list().find((d) => d.webhook === 'customAgentAllocation');
  expect(delivery?.reason).toMatch(
    /^The receiver answered 200\. Assigned .* \(agent \d+\), as the receiver answered\.$/,
  );
});

it('names no candidate when no agent is online and the handover asks for an online one', async () => {
  const { receiver, server } = await allocating(() => ({ status: 200, body: '{}' }), {
    agents: [{ name: 'Sari', divisions: ['General'], online: false }],
  });
  await handedOver(server, { find_online_agent: true });

  expect(receiver.received).toHaveLength(1);
  expect(CustomAgentAllocationWebhookSchema.parse(receiver.received[0]?.body).candidate_agent).toBe(
    null,
  );
});

it('asks once for a room already waiting, naming the room’s latest message in the delivery log', async () => {
  const { receiver, server } = await allocating(() => ({ status: 200, body: '{}' }));
  const roomId = await handedOver(server);
  const again = await callQiscus(server, handOver, {
    params: { app_code: server.appCode, room_id: roomId },
  });
  expect(again.status).toBe(200);
  await server.drain();

  expect(receiver.received).toHaveLength(1);
  const latest = server.rooms.get(roomId)?.messages.at(-1);
  expect(latest?.sender).toBe('customer');
  const delivery = server.deliveries.list().find((d) => d.webhook === 'customAgentAllocation');
  expect(delivery?.comment_id).toBe(latest?.id);
});

it('takes the receiver’s own assign_agent call, as on Qiscus', async () => {
  const server = await startMock();
  const agent = server.settings().agents[3]!;
  let roomId = '';
  // The receiver assigns the agent itself, then answers with no agent_id.
  const receiver = await startBot((webhook) => {
    roomId = (webhook.body as { room_id: string }).room_id;
    return {
      status: 200,
      body: '{}',
      after: callQiscus(server, assignAgent, { body: { room_id: roomId, agent_id: agent.id } }),
    };
  });
  server.configure({ webhooks: { agent_allocation: { url: receiver.url } } });

  const room = await handedOver(server);

  expect(room).toBe(roomId);
  expect(server.rooms.get(room)?.room.agent?.id).toBe(agent.id);
  const delivery = server.deliveries.list().find((d) => d.webhook === 'customAgentAllocation');
  expect(delivery?.reason).toMatch(/has the room already\.$/);
});

for (const [what, answer, why] of [
  [
    'an answer naming no agent',
    { status: 200, body: '{"agent":"anyone"}' },
    'the answer names no agent_id (a number)',
  ],
  [
    'an agent id that is not a number',
    { status: 200, body: '{"agent_id":"7"}' },
    'the answer names no agent_id (a number)',
  ],
  [
    'an answer that is not JSON',
    { status: 200, body: 'agent 7' },
    'the answer is not JSON with an agent_id',
  ],
  [
    'an unknown agent id',
    { status: 200, body: '{"agent_id":999999}' },
    'agent_id 999999 is no agent of the app',
  ],
  ['a 500', { status: 500 }, 'the webhook was not answered'],
] as const) {
  it(`falls back to the normal allocation on ${what}, and says so in the delivery log`, async () => {
    const { server } = await allocating(() => answer);

    const roomId = await handedOver(server);

    expect(server.rooms.get(roomId)?.room).toMatchObject({
      agent: null,
      handover: { status: 'pending' },
    });
    const delivery = server.deliveries.list().find((d) => d.webhook === 'customAgentAllocation');
    expect(delivery?.reason).toContain(
      `Fell back to the normal allocation (${why}): the handover waits in the inbox.`,
    );
  });
}

it('falls back when the receiver does not answer in time', async () => {
  const never = new Promise(() => undefined);
  const { server } = await allocating(() => ({ status: 200, after: never }), {
    deliveryTimeoutMs: 200,
  });

  const roomId = await handedOver(server);

  expect(server.rooms.get(roomId)?.room.handover.status).toBe('pending');
  const delivery = server.deliveries.list().find((d) => d.webhook === 'customAgentAllocation');
  expect(delivery).toMatchObject({ status: 'failed' });
  expect(delivery?.reason).toMatch(/no answer within 200 ms.*Fell back to the normal allocation/);
});

it('is switched on by the settings route real code calls, and asks nothing while off', async () => {
  const receiver = await startBot(() => ({ status: 200, body: '{"agent_id":1}' }));
  const server = await startMock();
  await handedOver(server);
  expect(receiver.received).toEqual([]);

  const set = await callQiscus(server, setAgentAllocationWebhook, {
    contentType: 'application/x-www-form-urlencoded',
    body: { webhook_url: receiver.url, is_webhook_enabled: 'true' },
  });
  expect(successOf(set).data.app).toMatchObject({
    allocate_agent_webhook_url: receiver.url,
    is_allocate_agent_webhook_enabled: true,
  });
  const { room_id } = await server.customer.say({ channel: 'qiscus', text: 'help' });
  await callQiscus(server, handOver, { params: { app_code: server.appCode, room_id } });
  await server.drain();
  expect(receiver.received).toHaveLength(1);
  expect(server.settings().webhooks.agent_allocation).toEqual({ url: receiver.url, enabled: true });
});
