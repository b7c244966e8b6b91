import { describe, expect, onTestFinished, test } from 'vitest';
import {
  acceptHandover,
  controlOperations,
  declineHandover,
  getConfig,
  getRoom,
  getRoomScript,
  getTraffic,
  handOver,
  listDeliveries,
  listRooms,
  patchConfig,
  redeliver,
  resetMock,
  resolveRoom,
  sendAgentMessage,
  sendCustomerMessage,
  setRoomBot,
  type ControlOperationDescriptor,
} from '#contracts';
import { callControl, type ControlAnswer } from './support/call-control.js';
import { callQiscus } from './support/call-qiscus.js';
import { okBody, problemOf, say } from './support/control-answers.js';
import { deferred } from './support/deferred.js';
import { startBot } from './support/start-bot.js';
import { startMock } from './support/start-mock.js';
import { botSays, budi, handOverRoom } from './support/room-actions.js';

type ControlOperationId = (typeof controlOperations)[number]['id'];

describe('the mock’s own control API: rooms, agents and reset', () => {
  test('every control operation answers its documented success shape', async () => {
    const bot = await startBot();
    const server = await startMock({ botUrl: bot.url });
    const room = { room_id: '187250792' };
    const calls: Record<
      ControlOperationId,
      () => Promise<ControlAnswer<ControlOperationDescriptor>>
    > = {
      sendCustomerMessage: () =>
        callControl(server, sendCustomerMessage, {
          query: { wait: 'true' },
          body: { channel: 'wa', customer: budi, text: 'Hi' },
        }),
      listRooms: () => callControl(server, listRooms),
      getRoom: () => callControl(server, getRoom, { params: room }),
      getRoomScript: () => callControl(server, getRoomScript, { params: room }),
      sendAgentMessage: () =>
        callControl(server, sendAgentMessage, {
          params: room,
          body: { text: 'Hello, I am from customer service.', agent_id: 164868 },
        }),
      acceptHandover: async () => {
        await handOverRoom(server, room.room_id);
        return callControl(server, acceptHandover, { params: room, body: {} });
      },
      declineHandover: async () => {
        await handOverRoom(server, room.room_id);
        return callControl(server, declineHandover, { params: room });
      },
      resolveRoom: () => callControl(server, resolveRoom, { params: room }),
      setRoomBot: () =>
        callControl(server, setRoomBot, { params: room, body: { is_active: true } }),
      listDeliveries: () => callControl(server, listDeliveries),
      redeliver: () =>
        callControl(server, redeliver, {
          params: { delivery_id: 'dlv_1' },
          query: { wait: 'true' },
        }),
      getTraffic: () => callControl(server, getTraffic),
      getConfig: () => callControl(server, getConfig),
      patchConfig: () =>
        callControl(server, patchConfig, { body: { auto_agent_allocation: false } }),
      resetMock: () => callControl(server, resetMock),
    };

    const outcomes: [string, number][] = [];
    for (const operation of controlOperations) {
      const answer = await calls[operation.id]();
      outcomes.push([operation.id, answer.ok ? answer.status : -answer.status]);
    }

    expect(outcomes).toEqual(controlOperations.map((op) => [op.id, op.response.status]));
    expect(bot.received).toHaveLength(2);
  });

  test('GET /_mock/rooms lists rooms with the latest activity first', async () => {
    const server = await startMock();
    const a = await say(server, { channel: 'wa', customer: budi, text: 'Hi' });
    const b = await say(server, {
      channel: 'qiscus',
      customer: { id: 'b@example.com' },
      text: 'Hi',
    });

    const before = okBody(await callControl(server, listRooms)).rooms;
    await say(server, { channel: 'wa', customer: budi, text: 'Me again' });
    const after = okBody(await callControl(server, listRooms)).rooms;

    expect(before.map((room) => room.room_id)).toEqual([b.room_id, a.room_id]);
    expect(after.map((room) => room.room_id)).toEqual([a.room_id, b.room_id]);
    expect(after[0]?.last_message?.text).toBe('Me again');
    expect(after[0]?.message_count).toBe(2);
    expect(after.map((room) => room.updated_at)).toEqual([
      '2026-01-01T00:00:10Z',
      '2026-01-01T00:00:07Z',
    ]);
  });

  test('GET /_mock/rooms/{room_id} has the messages in order, each with who wrote it', async () => {
    const server = await startMock();
    const { room_id } = await say(server, { channel: 'wa', customer: budi, text: 'Hi' });
    expect(await botSays(server, { room_id, message: 'Hello Budi, how can I help?' })).toBe(200);
    await handOverRoom(server, room_id);
    okBody(await callControl(server, acceptHandover, { params: { room_id } }));
    okBody(
      await callControl(server, sendAgentMessage, {
        params: { room_id },
        body: { text: 'Hi Budi, Dagel here.' },
      }),
    );
    await say(server, { channel: 'wa', customer: budi, text: 'Thanks' });

    const detail = okBody(await callControl(server, getRoom, { params: { room_id } }));

    const agent = server.settings().agents.find((candidate) => candidate.id === 164868);
    expect(
      detail.messages.map(({ id, sender, sender_id, text, delivery_id }) => ({
        id,
        sender,
        sender_id,
        text,
        delivery_id,
      })),
    ).toEqual([
      { id: 2487134935, sender: 'customer', sender_id: budi.id, text: 'Hi', delivery_id: 'dlv_1' },
      {
        id: 2487134936,
        sender: 'bot',
        sender_id: server.botEmail,
        text: 'Hello Budi, how can I help?',
        delivery_id: null,
      },
      {
        id: 2487134937,
        sender: 'agent',
        sender_id: agent?.email,
        text: 'Hi Budi, Dagel here.',
        delivery_id: null,
      },
      {
        id: 2487134938,
        sender: 'customer',
        sender_id: budi.id,
        text: 'Thanks',
        delivery_id: 'dlv_2',
      },
    ]);
    expect(detail.room).toMatchObject({
      room_id,
      customer: { id: budi.id, name: budi.name },
      bot_active: false,
      handover: { status: 'accepted' },
      division: 'customer service',
      message_count: 4,
    });
  });

  test('GET /_mock/rooms/{room_id} of an unknown room is a 404 problem', async () => {
    const server = await startMock();

    const answer = await callControl(server, getRoom, { params: { room_id: '999' } });

    expect(answer.status).toBe(404);
    expect(answer.body).toMatchObject({
      code: 'MOCK_ERR_ROOM_NOT_FOUND',
      detail: 'No room has the id "999". GET /_mock/rooms lists the rooms there are.',
    });
  });

  test('after an accepted handover, an agent message comes from the room’s agent', async () => {
    const server = await startMock();
    const { room_id } = await say(server, { channel: 'wa', customer: budi, text: 'Hi' });
    await handOverRoom(server, room_id);
    const accepted = okBody(
      await callControl(server, acceptHandover, {
        params: { room_id },
        body: { agent_id: 164871 },
      }),
    );
    expect(accepted.room.agent?.id).toBe(164871);
    expect(accepted.room.division).toBe('billing');

    const written = okBody(
      await callControl(server, sendAgentMessage, {
        params: { room_id },
        body: { text: 'Hi Budi, billing here.' },
      }),
    );

    expect(written.room.last_message).toMatchObject({
      sender: 'agent',
      sender_id: accepted.room.agent?.email,
      sender_name: accepted.room.agent?.name,
      type: 'text',
      text: 'Hi Budi, billing here.',
    });
  });

  test('accepting without naming an agent gives the room to the least busy online agent', async () => {
    const server = await startMock();
    const { room_id } = await say(server, { channel: 'wa', customer: budi, text: 'Hi' });
    await handOverRoom(server, room_id);

    const accepted = okBody(await callControl(server, acceptHandover, { params: { room_id } }));

    expect(accepted.room.agent?.id).toBe(164868);
    expect(accepted.room.handover.status).toBe('accepted');
    expect(accepted.room.bot_active).toBe(false);
    expect(accepted.room.is_waiting).toBe(false);
  });

  test('an agent named by agent_id can write into a room that has no agent', async () => {
    const server = await startMock();
    const { room_id } = await say(server, { channel: 'wa', customer: budi, text: 'Hi' });
    const agent = server.settings().agents.find((candidate) => candidate.id === 164874);

    const written = okBody(
      await callControl(server, sendAgentMessage, {
        params: { room_id },
        body: { text: 'Sales here.', agent_id: 164874 },
      }),
    );

    expect(agent).toBeDefined();
    expect(written.room.agent).toBeNull();
    expect(written.messages.at(-1)).toMatchObject({
      sender: 'agent',
      sender_id: agent?.email,
      sender_name: agent?.name,
      text: 'Sales here.',
    });
  });

  test('an agent message into a room with no agent is a 409, and an unknown agent a 404', async () => {
    const server = await startMock();
    const { room_id } = await say(server, { channel: 'wa', customer: budi, text: 'Hi' });

    const noAgent = await callControl(server, sendAgentMessage, {
      params: { room_id },
      body: { text: 'Hello?' },
    });
    const unknown = await callControl(server, sendAgentMessage, {
      params: { room_id },
      body: { text: 'Hello?', agent_id: 1 },
    });

    expect(noAgent.status).toBe(409);
    expect(noAgent.body).toMatchObject({
      code: 'MOCK_ERR_NO_AGENT',
      detail: `Room ${room_id} has no agent: accept its handover first, or give agent_id.`,
    });
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({
      code: 'MOCK_ERR_AGENT_NOT_FOUND',
      detail: 'No agent has the id 1: GET /_mock/config lists the agents and their ids.',
      errors: [{ path: 'agent_id', message: 'no such agent' }],
    });
    const detail = okBody(await callControl(server, getRoom, { params: { room_id } }));
    expect(detail.messages.map((message) => message.sender)).toEqual(['customer']);
  });

  test('accepting a handover for an agent who does not exist is a 404', async () => {
    const server = await startMock();
    const { room_id } = await say(server, { channel: 'wa', customer: budi, text: 'Hi' });
    await handOverRoom(server, room_id);

    const answer = await callControl(server, acceptHandover, {
      params: { room_id },
      body: { agent_id: 1 },
    });

    expect(answer.status).toBe(404);
    expect(problemOf(answer).code).toBe('MOCK_ERR_AGENT_NOT_FOUND');
  });

  test('accepting a handover that asked for an online agent when none is online is a 409', async () => {
    const server = await startMock({
      agents: [{ name: 'Dewi Lestari', divisions: ['billing'], online: false }],
    });
    const { room_id } = await say(server, { channel: 'wa', customer: budi, text: 'Hi' });
    const handedOver = await callQiscus(server, handOver, {
      params: { app_code: server.appCode, room_id },
      body: { find_online_agent: true },
    });
    expect(handedOver.status).toBe(200);

    const answer = await callControl(server, acceptHandover, { params: { room_id }, body: {} });

    expect(answer.status).toBe(409);
    expect(problemOf(answer)).toMatchObject({
      code: 'MOCK_ERR_NO_AGENT',
      detail: 'No agent can take the room: none is online, and the bot asked for an online one.',
    });
    const detail = okBody(await callControl(server, getRoom, { params: { room_id } }));
    expect(detail.room).toMatchObject({ agent: null, handover: { status: 'pending' } });
  });

  test('declining a pending handover gives the room back to the bot', async () => {
    const server = await startMock();
    const { room_id } = await say(server, { channel: 'wa', customer: budi, text: 'Hi' });
    await handOverRoom(server, room_id);

    const declined = okBody(await callControl(server, declineHandover, { params: { room_id } }));

    expect(declined.room).toMatchObject({
      bot_active: true,
      is_waiting: false,
      agent: null,
      handover: { status: 'declined' },
    });
  });

  test('accept and decline with no pending handover are 409 problems', async () => {
    const server = await startMock();
    const { room_id } = await say(server, { channel: 'wa', customer: budi, text: 'Hi' });

    const accept = await callControl(server, acceptHandover, { params: { room_id } });
    const decline = await callControl(server, declineHandover, { params: { room_id } });

    expect([accept.status, decline.status]).toEqual([409, 409]);
    expect(accept.body).toMatchObject({
      code: 'MOCK_ERR_NO_PENDING_HANDOVER',
      detail: `Room ${room_id} has no handover request to accept (its handover is "none"): the bot asks for one with hand_over.`,
    });
    expect(decline.body).toMatchObject({
      code: 'MOCK_ERR_NO_PENDING_HANDOVER',
      detail: `Room ${room_id} has no handover request to decline (its handover is "none").`,
    });
  });

  test('resolving a room marks it resolved with the time', async () => {
    const server = await startMock();
    const { room_id } = await say(server, { channel: 'wa', customer: budi, text: 'Hi' });

    const resolved = okBody(await callControl(server, resolveRoom, { params: { room_id } }));

    expect(resolved.room).toMatchObject({
      resolved: true,
      resolved_at: '2026-01-01T00:00:06Z',
      updated_at: '2026-01-01T00:00:06Z',
    });
  });

  test('POST /_mock/reset clears rooms, deliveries and traffic but keeps the switches', async () => {
    const bot = await startBot();
    const server = await startMock({ botUrl: bot.url });
    const { room_id } = await say(server, { channel: 'wa', customer: budi, text: 'Hi' });
    okBody(
      await callControl(server, patchConfig, {
        body: {
          auto_agent_allocation: false,
          delivery: 'reliable',
          channel_rules: { wa: { refuses: [] } },
        },
      }),
    );
    const settings = okBody(await callControl(server, getConfig));

    const reset = okBody(await callControl(server, resetMock));

    expect(reset).toEqual({ reset: true });
    expect(okBody(await callControl(server, listRooms)).rooms).toEqual([]);
    expect(okBody(await callControl(server, listDeliveries)).deliveries).toEqual([]);
    const traffic = okBody(await callControl(server, getTraffic)).exchanges;
    expect(traffic.map((exchange) => exchange.operation_id)).toEqual(['resetMock']);
    expect(okBody(await callControl(server, getConfig))).toEqual(settings);
    const gone = await callControl(server, getRoom, { params: { room_id } });
    expect(gone.status).toBe(404);
    const after = await say(server, { channel: 'wa', customer: budi, text: 'Hi again' });
    expect(after.room_created).toBe(true);
    expect(after.delivery.status).toBe('delivered');
  });

  test('a webhook still in flight during POST /_mock/reset leaves no trace in the cleared logs', async () => {
    const held = deferred();
    onTestFinished(() => {
      held.resolve();
    });
    const arrival = deferred();
    const bot = await startBot(() => {
      arrival.resolve();
      return { status: 200, after: held.promise };
    });
    const server = await startMock({ botUrl: bot.url });
    okBody(
      await callControl(server, sendCustomerMessage, {
        body: { channel: 'wa', customer: budi, text: 'Hi' },
      }),
    );
    await arrival.promise;

    okBody(await callControl(server, resetMock));
    held.resolve();
    await server.drain();

    const traffic = okBody(await callControl(server, getTraffic)).exchanges;
    expect(traffic.map((exchange) => [exchange.direction, exchange.operation_id])).toEqual([
      ['control', 'resetMock'],
    ]);
    expect(okBody(await callControl(server, listDeliveries)).deliveries).toEqual([]);
  });

  test('a bot message moves its room to the top of GET /_mock/rooms, at the message’s time', async () => {
    const server = await startMock();
    const older = await say(server, { channel: 'wa', customer: budi, text: 'Hi' });
    const newer = await say(server, {
      channel: 'qiscus',
      customer: { id: 'b@example.com' },
      text: 'Hi',
    });
    const order = async () =>
      okBody(await callControl(server, listRooms)).rooms.map((room) => room.room_id);
    expect(await order()).toEqual([newer.room_id, older.room_id]);

    expect(await botSays(server, { room_id: older.room_id, message: 'Hello again' })).toBe(200);

    expect(await order()).toEqual([older.room_id, newer.room_id]);
    const detail = okBody(
      await callControl(server, getRoom, { params: { room_id: older.room_id } }),
    );
    expect(detail.room.updated_at).toBe(detail.messages.at(-1)?.created_at);
    expect(detail.room.last_message?.text).toBe('Hello again');
  });
});
