import { expect, it } from 'vitest';
import { handOver } from '#contracts';
import { isMockError } from '#mock-server';
import { callQiscus } from './support/call-qiscus.js';
import { startMock } from './support/start-mock.js';

function refusal(act: () => unknown): { code: string; message: string } {
  try {
    act();
  } catch (error) {
    if (isMockError(error)) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error('expected a refusal');
}

it('lets a test play the agent: accept the handover, write, resolve, each in the traffic log', async () => {
  const server = await startMock();
  const { room_id } = await server.customer.say({ channel: 'wa', text: 'I need a person' });
  const params = { app_code: server.appCode, room_id };
  expect((await callQiscus(server, handOver, { params })).status).toBe(200);

  const accepted = server.agent.acceptHandover(room_id);
  expect(accepted.room.handover.status).toBe('accepted');
  const agentId = accepted.room.agent?.id;
  expect(agentId).toBeDefined();
  const written = server.agent.say(room_id, { text: 'Hi, I am here to help.' });
  expect(written.messages.at(-1)).toMatchObject({
    sender: 'agent',
    text: 'Hi, I am here to help.',
  });
  expect(server.agent.resolve(room_id).room.resolved).toBe(true);

  const calls = server.traffic
    .list()
    .filter((exchange) => exchange.direction === 'control' && exchange.method === 'CALL')
    .map((exchange) => [exchange.path, exchange.operation_id, exchange.room_id]);
  expect(calls).toEqual([
    ['customer.say', 'sendCustomerMessage', room_id],
    ['agent.acceptHandover', 'acceptHandover', room_id],
    ['agent.say', 'sendAgentMessage', room_id],
    ['agent.resolve', 'resolveRoom', room_id],
  ]);
});

it('declines a pending handover, giving the room back to the bot', async () => {
  const server = await startMock();
  const { room_id } = await server.customer.say({ channel: 'qiscus', text: 'Hi' });
  await callQiscus(server, handOver, { params: { app_code: server.appCode, room_id } });

  const declined = server.agent.declineHandover(room_id);
  expect([declined.room.handover.status, declined.room.bot_active]).toEqual(['declined', true]);
});

it('refuses an unknown room, an empty text or an unknown field by name, and stores nothing', async () => {
  const server = await startMock();
  const { room_id } = await server.customer.say({ channel: 'qiscus', text: 'Hi' });
  const before = server.traffic.list().length;

  expect(refusal(() => server.agent.resolve('999999999')).code).toBe('MOCK_ERR_ROOM_NOT_FOUND');
  const empty = refusal(() => server.agent.say(room_id, { text: '' }));
  expect(empty.code).toBe('MOCK_ERR_VALIDATION');
  expect(empty.message).toMatch(/^The agent message does not match the schema: text: /);
  expect(
    refusal(() => server.agent.acceptHandover(room_id, { agentId: 3 } as never)).message,
  ).toMatch(/agentId/);
  expect(server.rooms.get(room_id)?.messages.map((message) => message.sender)).toEqual([
    'customer',
  ]);
  expect(server.traffic.list()).toHaveLength(before);
});
