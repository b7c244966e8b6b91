import { request } from 'undici';
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
  operations,
  patchConfig,
  postBotMessage,
  redeliver,
  resetMock,
  resolveRoom,
  sendAgentMessage,
  sendCustomerMessage,
  setRoomBot,
  type ControlOperationDescriptor,
} from '#contracts';
import { isMockError, parseConfigText, type MockError, type MockServer } from '#mock-server';
import { callControl, type ControlAnswer } from './support/call-control.js';
import { okBody, problemOf, say } from './support/control-answers.js';
import { deferred } from './support/deferred.js';
import { callQiscus } from './support/call-qiscus.js';
import { startBot } from './support/start-bot.js';
import { startMock } from './support/start-mock.js';

async function handOverRoom(server: MockServer, roomId: string): Promise<void> {
  const answer = await callQiscus(server, handOver, {
    params: { app_code: server.appCode, room_id: roomId },
  });
  expect(answer.status).toBe(200);
}

async function botSays(
  server: MockServer,
  message: { readonly room_id: string; readonly [key: string]: unknown },
): Promise<number> {
  const answer = await callQiscus(server, postBotMessage, {
    params: { app_code: server.appCode },
    body: { sender_email: server.botEmail, ...message },
  });
  return answer.status;
}

async function getJson(url: string): Promise<{ status: number; type: string; body: unknown }> {
  const response = await request(url);
  return {
    status: response.statusCode,
    type: String(response.headers['content-type']),
    body: await response.body.json(),
  };
}

/** The error `parseConfigText` throws for a text, or a failure when it throws none. */
function configError(text: string, file: string): MockError {
  try {
    parseConfigText(text, file);
  } catch (error) {
    if (isMockError(error)) return error;
    throw error;
  }
  throw new Error(`${file} was accepted`);
}

const budi = { id: '6281234567890', name: 'Budi Santoso' };
const buttons = {
  type: 'buttons',
  payload: { text: 'What is it about?', buttons: [{ label: 'Billing', type: 'postback' }] },
};

type ControlOperationId = (typeof controlOperations)[number]['id'];

describe('the mock’s own control API', () => {
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

  test('PATCH /_mock/config changes the switches, and GET /_mock/config shows them', async () => {
    const server = await startMock();

    const patched = okBody(
      await callControl(server, patchConfig, {
        body: {
          bot_url: 'http://localhost:3738',
          bot_enabled: false,
          auto_agent_allocation: false,
          delivery: 'reliable',
        },
      }),
    );
    const shown = okBody(await callControl(server, getConfig));

    expect(patched).toMatchObject({
      bot_url: 'http://localhost:3738/',
      bot_enabled: false,
      auto_agent_allocation: false,
      delivery: 'reliable',
      allow_remote_webhook: false,
    });
    expect(shown).toEqual(patched);
    const unset = okBody(await callControl(server, patchConfig, { body: { bot_url: null } }));
    expect(unset.bot_url).toBeNull();
    expect(unset.bot_enabled).toBe(false);
  });

  test('after allowing buttons on WhatsApp through channel_rules, a buttons message into a WhatsApp room is accepted', async () => {
    const server = await startMock();
    const { room_id } = await say(server, { channel: 'wa', customer: budi, text: 'Hi' });
    expect(await botSays(server, { room_id, ...buttons })).toBe(400);

    const patched = okBody(
      await callControl(server, patchConfig, {
        body: { channel_rules: { wa: { refuses: ['carousel'] } } },
      }),
    );

    expect(patched.channel_rules.wa).toEqual({ refuses: ['carousel'] });
    expect(patched.channel_rules.ig).toEqual({ refuses: ['buttons'] });
    expect(patched.channel_rules.telegram).toEqual({ refuses: ['carousel'] });
    expect(await botSays(server, { room_id, ...buttons })).toBe(200);
    const detail = okBody(await callControl(server, getRoom, { params: { room_id } }));
    expect(detail.messages.map((message) => [message.sender, message.type])).toEqual([
      ['customer', 'text'],
      ['bot', 'buttons'],
    ]);
  });

  test('PATCH /_mock/config refuses a bot URL on another machine and changes nothing', async () => {
    const server = await startMock();
    const before = okBody(await callControl(server, getConfig));

    const answer = await callControl(server, patchConfig, {
      body: { bot_enabled: false, delivery: 'chaos', bot_url: 'http://example.com/hook' },
    });

    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({
      code: 'MOCK_ERR_WEBHOOK_TARGET',
      errors: [
        {
          path: 'bot_url',
          message:
            'example.com is not this machine: the mock sends webhooks only to loopback addresses unless started with --allow-remote-webhook',
        },
      ],
    });
    expect(okBody(await callControl(server, getConfig))).toEqual(before);
  });

  test('configure() changes the switches as PATCH /_mock/config does, and refuses a bad patch whole', async () => {
    const server = await startMock();
    const before = server.settings();

    const refusals = [
      { bot_enabled: false, bot_url: 'http://example.com/hook' },
      { bot_enabled: false, delivery: 'sometimes' },
    ].map((patch) => {
      try {
        server.configure(patch as never);
      } catch (error) {
        return isMockError(error) ? error.code : String(error);
      }
      return 'accepted';
    });
    expect(refusals).toEqual(['MOCK_ERR_WEBHOOK_TARGET', 'MOCK_ERR_VALIDATION']);
    expect(server.settings()).toEqual(before);

    const after = server.configure({
      bot_url: 'http://127.0.0.1:3738/hook',
      auto_agent_allocation: false,
    });
    expect([after.bot_url, after.auto_agent_allocation, after.bot_enabled]).toEqual([
      'http://127.0.0.1:3738/hook',
      false,
      true,
    ]);
    expect(okBody(await callControl(server, getConfig))).toEqual(after);
  });

  test('customer.say() and configure() name each problem of a bad argument, and store nothing', async () => {
    const server = await startMock();
    const refusalOf = async (call: () => unknown) => {
      try {
        await call();
      } catch (error) {
        return isMockError(error) ? [error.code, error.message] : [String(error)];
      }
      return ['accepted'];
    };

    expect(
      await refusalOf(() => server.customer.say({ channel: 'sms' as never, text: 'Hi' })),
    ).toEqual([
      'MOCK_ERR_VALIDATION',
      expect.stringMatching(/^The customer message does not match the schema: channel: /),
    ]);
    expect(await refusalOf(() => server.configure({ delivery: 'sometimes' as never }))).toEqual([
      'MOCK_ERR_VALIDATION',
      expect.stringMatching(/^The settings patch does not match the schema: delivery: /),
    ]);
    expect(server.rooms.list()).toEqual([]);
  });

  test('PATCH /_mock/config refuses a bot URL that is not http(s)', async () => {
    const server = await startMock();

    const answer = await callControl(server, patchConfig, {
      body: { bot_url: 'ftp://127.0.0.1/hook' },
    });

    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({
      code: 'MOCK_ERR_WEBHOOK_TARGET',
      errors: [{ path: 'bot_url', message: 'must be an http(s) URL, not ftp:' }],
    });
    expect(server.settings().bot_url).toBeNull();
  });

  test('unknown fields in control bodies and queries are refused with their path, and nothing changes', async () => {
    const server = await startMock();
    const { room_id } = await say(server, { channel: 'wa', customer: budi, text: 'Hi' });

    const config = await callControl(server, patchConfig, {
      body: { bot_enabled: false, botUrl: 'http://127.0.0.1:3738/' },
    });
    const message = await callControl(server, sendCustomerMessage, {
      body: { channel: 'wa', text: 'Hi', customer: { id: '62811', phone: '62811' } },
    });
    const agent = await callControl(server, sendAgentMessage, {
      params: { room_id },
      body: { text: 'Hi', agent: 'dewi' },
    });
    const traffic = await callControl(server, getTraffic, { query: { limit: '5' } });

    expect([config.status, message.status, agent.status, traffic.status]).toEqual([
      400, 400, 400, 400,
    ]);
    expect(config.body).toMatchObject({
      code: 'MOCK_ERR_VALIDATION',
      errors: [
        { path: 'botUrl', message: 'is not a field of this object; did you mean "bot_url"?' },
      ],
    });
    expect(message.body).toMatchObject({
      code: 'MOCK_ERR_VALIDATION',
      errors: [{ path: 'customer.phone', message: 'is not a field of this object' }],
    });
    expect(agent.body).toMatchObject({ code: 'MOCK_ERR_VALIDATION', errors: [{ path: 'agent' }] });
    expect(traffic.body).toMatchObject({
      code: 'MOCK_ERR_VALIDATION',
      errors: [{ path: 'query.limit' }],
    });
    expect(server.settings().bot_enabled).toBe(true);
    expect(okBody(await callControl(server, listRooms)).rooms).toHaveLength(1);
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

  test('GET /_mock/traffic filters by direction, room and sequence number', async () => {
    const bot = await startBot();
    const server = await startMock({ botUrl: bot.url });
    const a = await say(server, { channel: 'wa', customer: budi, text: 'Hi' });
    const b = await say(server, {
      channel: 'qiscus',
      customer: { id: 'b@example.com' },
      text: 'Hi',
    });
    expect(await botSays(server, { room_id: b.room_id, message: 'Hello!' })).toBe(200);
    okBody(await callControl(server, patchConfig, { body: { auto_agent_allocation: false } }));

    const seqs = async (query: Record<string, string>) =>
      okBody(await callControl(server, getTraffic, { query })).exchanges.map((exchange) => [
        exchange.seq,
        exchange.direction,
        exchange.operation_id,
        exchange.room_id,
      ]);

    expect(await seqs({})).toEqual([
      [1, 'to_bot', 'botMessage', a.room_id],
      [2, 'control', 'sendCustomerMessage', a.room_id],
      [3, 'to_bot', 'botMessage', b.room_id],
      [4, 'control', 'sendCustomerMessage', b.room_id],
      [5, 'from_bot', 'postBotMessage', b.room_id],
      [6, 'control', 'patchConfig', null],
    ]);
    expect((await seqs({ direction: 'to_bot' })).map(([seq]) => seq)).toEqual([1, 3]);
    expect((await seqs({ direction: 'from_bot' })).map(([seq]) => seq)).toEqual([5]);
    expect((await seqs({ direction: 'control' })).map(([seq]) => seq)).toEqual([2, 4, 6]);
    expect((await seqs({ room_id: a.room_id })).map(([seq]) => seq)).toEqual([1, 2]);
    expect((await seqs({ after: '3' })).map(([seq]) => seq)).toEqual([4, 5, 6]);
    expect(
      (await seqs({ direction: 'control', room_id: b.room_id, after: '2' })).map(([seq]) => seq),
    ).toEqual([4]);
  });

  test('GET /_mock/traffic shows each body as it was sent, even one that is not JSON', async () => {
    const server = await startMock();
    const { room_id } = await say(server, { channel: 'qiscus', customer: budi, text: 'Hi' });
    expect(await botSays(server, { room_id, message: 'Hello!', type: 'text' })).toBe(200);
    const broken = await request(`${server.url}/${server.appCode}/bot`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', QISCUS_SDK_SECRET: server.secretKey },
      body: '{"room_id": "1", "message": ',
    });
    await broken.body.dump();
    expect(broken.statusCode).toBe(400);

    const fromBot = okBody(
      await callControl(server, getTraffic, { query: { direction: 'from_bot' } }),
    ).exchanges;
    expect(fromBot.map((exchange) => [exchange.status, exchange.request.body])).toEqual([
      [200, { sender_email: server.botEmail, room_id, message: 'Hello!', type: 'text' }],
      [400, '{"room_id": "1", "message": '],
    ]);
    expect(fromBot[0]?.response?.body).toMatchObject({
      status: 200,
      results: { comment: { message: 'Hello!', type: 'text' } },
    });
    expect(fromBot[1]?.response?.body).toMatchObject({
      status: 400,
      errors: { code: 'MALFORMED_BODY' },
    });
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

  test('GET /_mock/deliveries filters by room and status', async () => {
    const bot = await startBot();
    const server = await startMock({ botUrl: bot.url });
    const a = await say(server, { channel: 'wa', customer: budi, text: 'Hi' });
    okBody(await callControl(server, patchConfig, { body: { bot_enabled: false } }));
    const b = await say(server, {
      channel: 'qiscus',
      customer: { id: 'b@example.com' },
      text: 'Hi',
    });

    const list = async (query: Record<string, string>) =>
      okBody(await callControl(server, listDeliveries, { query })).deliveries.map((d) => d.id);

    expect(await list({})).toEqual(['dlv_1', 'dlv_2']);
    expect(await list({ room_id: a.room_id })).toEqual(['dlv_1']);
    expect(await list({ room_id: b.room_id })).toEqual(['dlv_2']);
    expect(await list({ status: 'skipped' })).toEqual(['dlv_2']);
    expect(await list({ status: 'delivered' })).toEqual(['dlv_1']);
    expect(await list({ status: 'failed' })).toEqual([]);
  });

  test('a customer message needs a channel unless it names a room', async () => {
    const server = await startMock();
    const { room_id } = await say(server, { channel: 'wa', customer: budi, text: 'Hi' });

    const missing = await callControl(server, sendCustomerMessage, { body: { text: 'Hi' } });
    const byRoom = await say(server, { room_id, text: 'Into the same room' });

    expect(missing.status).toBe(400);
    expect(missing.body).toMatchObject({
      code: 'MOCK_ERR_VALIDATION',
      errors: [
        {
          path: 'channel',
          message:
            'is required unless room_id is given: one of qiscus, wa, ig, telegram, line, fb, custom',
        },
      ],
    });
    expect(byRoom).toMatchObject({ room_id, room_created: false });
  });

  test('a customer message naming a room on another channel is a 409 problem', async () => {
    const server = await startMock();
    const { room_id } = await say(server, { channel: 'wa', customer: budi, text: 'Hi' });

    const answer = await callControl(server, sendCustomerMessage, {
      body: { room_id, channel: 'qiscus', text: 'Hi' },
    });

    expect(answer.status).toBe(409);
    expect(answer.body).toMatchObject({
      code: 'MOCK_ERR_CHANNEL_MISMATCH',
      detail: `Room ${room_id} is on wa (channel 962); leave out channel, or give that one.`,
      errors: [{ path: 'channel', message: 'must be wa for this room' }],
    });
  });

  test('a customer message naming a room that does not exist is a 404 problem', async () => {
    const server = await startMock();

    const answer = await callControl(server, sendCustomerMessage, {
      body: { room_id: '999', text: 'Hi' },
    });

    expect(answer.status).toBe(404);
    expect(problemOf(answer).code).toBe('MOCK_ERR_ROOM_NOT_FOUND');
  });

  test('a customer message through a channel the app does not have is a 404 problem', async () => {
    const server = await startMock({ channels: [{ source: 'wa', id: 963 }] });

    const byId = await callControl(server, sendCustomerMessage, {
      body: { channel: 'wa', channel_id: 999, text: 'Hi' },
    });
    const byKind = await callControl(server, sendCustomerMessage, {
      body: { channel: 'ig', text: 'Hi' },
    });

    expect(byId.status).toBe(404);
    expect(byId.body).toMatchObject({
      code: 'MOCK_ERR_CHANNEL_NOT_FOUND',
      detail: 'The app has no wa channel with id 999: its channels are wa (id 963).',
      errors: [{ path: 'channel_id', message: 'no such channel' }],
    });
    expect(byKind.status).toBe(404);
    expect(byKind.body).toMatchObject({
      code: 'MOCK_ERR_CHANNEL_NOT_FOUND',
      errors: [{ path: 'channel', message: 'no such channel' }],
    });
    expect(okBody(await callControl(server, listRooms)).rooms).toEqual([]);
  });

  test('channel_id picks one of several channels of a kind', async () => {
    const server = await startMock();

    const cloud = await say(server, { channel: 'wa', channel_id: 968, customer: budi, text: 'Hi' });
    const plain = await say(server, { channel: 'wa', customer: budi, text: 'Hi' });

    const room = okBody(await callControl(server, getRoom, { params: { room_id: cloud.room_id } }));
    expect(room.room.channel).toMatchObject({ id: 968, source: 'wa', is_on_cloud: true });
    expect(plain.room_id).not.toBe(cloud.room_id);
    expect(plain.room_created).toBe(true);
  });

  test('the same customer id on the same channel reuses the room; on another channel it is a new room', async () => {
    const server = await startMock();

    const first = await say(server, { channel: 'wa', customer: budi, text: 'Hi' });
    const again = await say(server, { channel: 'wa', customer: { id: budi.id }, text: 'Again' });
    const elsewhere = await say(server, { channel: 'telegram', customer: budi, text: 'Hi' });

    expect(first).toMatchObject({ room_id: '187250792', room_created: true, new_session: true });
    expect(again).toMatchObject({ room_id: '187250792', room_created: false, new_session: false });
    expect(elsewhere).toMatchObject({ room_id: '187250793', room_created: true });
  });

  test('a customer without an id is a new customer each time', async () => {
    const server = await startMock();

    const first = await say(server, { channel: 'qiscus', text: 'Hi' });
    const second = await say(server, { channel: 'qiscus', text: 'Hi' });

    expect(second.room_id).not.toBe(first.room_id);
    expect(second.room_created).toBe(true);
    const rooms = okBody(await callControl(server, listRooms)).rooms;
    const customers = rooms.map((room) => room.customer.id);
    expect(new Set(customers).size).toBe(2);
  });

  test('a generated customer comes from the seed: the same seed gives the same name and id', async () => {
    const generated = async (seed?: number) => {
      const server = await startMock(seed === undefined ? {} : { seed });
      const { room_id } = await say(server, { channel: 'qiscus', text: 'Hi' });
      return okBody(await callControl(server, getRoom, { params: { room_id } })).room.customer;
    };

    const one = await generated(7);
    const two = await generated(7);
    const other = await generated(8);
    const byDefault = await generated();

    expect(two).toEqual(one);
    expect(other.id).not.toBe(one.id);
    expect(byDefault).toMatchObject({
      id: 'mitra.herlambang@example.com',
      name: 'Mitra Herlambang',
    });
  });

  test('GET /openapi.json describes the /_mock operations and the Qiscus operations', async () => {
    const server = await startMock();

    const { status, type, body } = await getJson(`${server.url}/openapi.json`);

    expect(status).toBe(200);
    expect(type).toMatch(/^application\/json/);
    const document = body as {
      openapi: string;
      servers: { url: string }[];
      paths: Record<string, Record<string, { operationId?: string }>>;
    };
    expect(document.openapi).toMatch(/^3\.1\./);
    expect(document.servers[0]?.url).toBe(server.url);
    const described = [...controlOperations, ...operations].map((operation) => [
      operation.method,
      operation.path,
      document.paths[operation.path]?.[operation.method]?.operationId,
    ]);
    expect(described).toEqual(
      [...controlOperations, ...operations].map((operation) => [
        operation.method,
        operation.path,
        operation.id,
      ]),
    );
  });

  test.each(['/docs/', '/docs'])(
    'GET %s serves a page whose scripts and styles all come from the mock itself',
    async (path) => {
      const server = await startMock();
      const pageUrl = `${server.url}${path}`;

      const page = await request(pageUrl);
      const html = await page.body.text();

      expect(page.statusCode).toBe(200);
      expect(String(page.headers['content-type'])).toMatch(/^text\/html/);
      const foreign = (html.match(/https?:\/\/[^\s"'<>)]+/g) ?? []).filter(
        (url) => !url.startsWith(server.url),
      );
      expect(foreign).toEqual([]);
      const scripts = [...html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map((m) => m[1] ?? '');
      const styles = [...html.matchAll(/<link[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g)].map(
        (m) => m[1] ?? '',
      );
      expect(scripts.length).toBeGreaterThan(0);
      expect(styles.length).toBeGreaterThan(0);
      const served: [string, string, number][] = [];
      for (const asset of [...scripts, ...styles]) {
        // Resolved as a browser would, against the page's own URL.
        const url = new URL(asset, pageUrl);
        const response = await request(url);
        await response.body.dump();
        served.push([asset, url.origin, response.statusCode]);
      }
      expect(served).toEqual([...scripts, ...styles].map((asset) => [asset, server.url, 200]));
    },
  );

  test('GET /docs/json is the same document as /openapi.json', async () => {
    const server = await startMock();

    const docs = await getJson(`${server.url}/docs/json`);
    const openapi = await getJson(`${server.url}/openapi.json`);

    expect(docs.status).toBe(200);
    expect(docs.body).toEqual(openapi.body);
  });

  test('a config file with an unknown key is refused, naming the file and the key', () => {
    const error = configError('{"bot_url": null, "colour": "red"}', 'mock.json');

    expect(error.code).toBe('MOCK_ERR_CONFIG');
    expect(error.message).toBe('mock.json has a problem:\n  colour: is not a field of this object');
    expect(error.errors).toEqual([{ path: 'colour', message: 'is not a field of this object' }]);
  });

  test('a config file with a bad value is refused, naming the file and the key path', () => {
    const error = configError('channels:\n  - source: whatsapp\n', 'config/mock.yaml');

    expect(error.code).toBe('MOCK_ERR_CONFIG');
    expect(error.message).toBe(
      'config/mock.yaml has a problem:\n  channels[0].source: must be one of "qiscus", "wa", "ig", "telegram", "line", "fb", "custom"; did you mean "wa"?',
    );
  });

  test('a config file that is not valid JSON is refused, naming the file', () => {
    const error = configError('{"seed": ', 'mock.json');

    expect(error.code).toBe('MOCK_ERR_CONFIG');
    expect(error.message).toMatch(/^mock\.json is not valid JSON: /);
  });

  test('a config file is read as JSON or YAML, to the same settings', () => {
    const expected = {
      seed: 7,
      delivery: 'reliable',
      channels: [{ source: 'wa', name: 'Main WhatsApp', phone: '+6281100000001' }],
      agents: [{ name: 'Dewi Lestari', divisions: ['billing'], online: true }],
    };
    const yaml = [
      'seed: 7',
      'delivery: reliable',
      'channels:',
      '  - source: wa',
      '    name: Main WhatsApp',
      '    phone: "+6281100000001"',
      'agents:',
      '  - name: Dewi Lestari',
      '    divisions: [billing]',
      '    online: true',
      '',
    ].join('\n');

    expect(parseConfigText(JSON.stringify(expected), 'mock.json')).toEqual(expected);
    expect(parseConfigText(yaml, 'mock.yaml')).toEqual(expected);
    expect(parseConfigText(yaml, 'mock.yml')).toEqual(expected);
  });
});
