import { expect, it } from 'vitest';
import {
  assignAgent,
  createRoomTag,
  getCustomerRoom,
  getRoomTags,
  getUserInfo,
  handOver,
  handOverToRole,
  markAsResolved,
  postBotMessage,
  setUserInfo,
} from '#contracts';
import type { MockServer } from '#mock-server';
import type { RoomId } from '#contracts';
import { callQiscus, successOf } from './support/call-qiscus.js';
import { startMock } from './support/start-mock.js';

async function roomOf(server: MockServer, customer = '6281100000001'): Promise<RoomId> {
  const { room_id } = await server.customer.say({
    channel: 'wa',
    customer: { id: customer },
    text: 'Hi',
  });
  return room_id;
}

const forms = ['application/x-www-form-urlencoded', 'multipart/form-data'] as const;

it('assign_agent puts the agent in the room and the bot gets no more webhooks for it', async () => {
  const server = await startMock();
  const roomId = await roomOf(server);
  const agent = server.settings().agents[4]!;

  const answer = await callQiscus(server, assignAgent, {
    body: { room_id: roomId, agent_id: agent.id },
  });

  const { data } = successOf(answer);
  expect(data.added_agent.id).toBe(agent.id);
  expect(data.service).toMatchObject({ room_id: roomId, is_resolved: false });
  expect(server.rooms.get(roomId)?.room).toMatchObject({
    agent: { id: agent.id },
    bot_active: false,
    handover: { status: 'assigned', role: agent.user_roles[0]?.name, find_online_agent: false },
    division: agent.user_roles[0]?.name,
  });
  const next = await server.customer.say({ room_id: roomId, text: 'Anyone?' });
  expect(next.delivery.skip_reason).toBe('BOT_OFF_FOR_ROOM');
});

it('assign_agent gives a room to an agent of no division: the room keeps its division', async () => {
  const server = await startMock({ agents: [{ name: 'Sari Wulandari', divisions: [] }] });
  const agent = server.settings().agents[0]!;
  const fresh = await roomOf(server);
  const waiting = await roomOf(server, '6281100000002');
  const toBilling = await callQiscus(server, handOverToRole, {
    params: { app_code: server.appCode, room_id: waiting },
    body: { role: 'billing' },
  });
  expect(toBilling.status).toBe(200);

  const answers = [
    await callQiscus(server, assignAgent, { body: { room_id: fresh, agent_id: agent.id } }),
    await callQiscus(server, assignAgent, { body: { room_id: waiting, agent_id: agent.id } }),
  ];

  expect(answers.map((answer) => answer.status)).toEqual([200, 200]);
  expect(server.rooms.get(fresh)?.room).toMatchObject({
    agent: { id: agent.id },
    division: null,
    handover: { status: 'assigned', role: null },
  });
  expect(server.rooms.get(waiting)?.room).toMatchObject({
    agent: { id: agent.id },
    division: 'billing',
    handover: { status: 'assigned', role: null },
  });
});

for (const contentType of forms) {
  it(`assign_agent takes its fields as ${contentType}, with a numeric room id in JSON too`, async () => {
    const server = await startMock();
    const roomId = await roomOf(server);
    const agent = server.settings().agents[0]!;

    const answer = await callQiscus(server, assignAgent, {
      contentType,
      body: { room_id: roomId, agent_id: String(agent.id), max_agent: '1' },
    });
    const other = await roomOf(server, '6281100000002');
    const json = await callQiscus(server, assignAgent, {
      body: { room_id: Number(other), agent_id: agent.id },
    });

    expect([answer.status, json.status]).toEqual([200, 200]);
    expect(server.rooms.get(roomId)?.room.agent?.id).toBe(agent.id);
    expect(server.rooms.get(other)?.room.agent?.id).toBe(agent.id);
  });
}

it('assign_agent answers a waiting handover request', async () => {
  const server = await startMock();
  const roomId = await roomOf(server);
  await callQiscus(server, handOver, { params: { app_code: server.appCode, room_id: roomId } });
  const agent = server.settings().agents[1]!;

  await callQiscus(server, assignAgent, { body: { room_id: roomId, agent_id: agent.id } });

  expect(server.rooms.get(roomId)?.room.handover.status).toBe('accepted');
});

it('mark_as_resolved resolves the room, and the next customer message opens a new session', async () => {
  const server = await startMock();
  const roomId = await roomOf(server);

  const answer = await callQiscus(server, markAsResolved, {
    body: { room_id: roomId, last_comment_id: '2487134935' },
  });

  const { data } = successOf(answer);
  expect(data.service).toMatchObject({
    room_id: roomId,
    is_resolved: true,
    first_comment_id: '2487134935',
    notes: null,
  });
  expect(JSON.parse(data.room_info.room.room_options)).toMatchObject({
    is_resolved: true,
    is_waiting: false,
  });
  expect(server.rooms.get(roomId)?.room.resolved).toBe(true);
  const next = await server.customer.say({ room_id: roomId, text: 'Hi again' });
  expect(next.new_session).toBe(true);
});

for (const contentType of forms) {
  it(`mark_as_resolved takes room_id and notes as ${contentType}`, async () => {
    const server = await startMock();
    const roomId = await roomOf(server);

    const answer = await callQiscus(server, markAsResolved, {
      contentType,
      body: { room_id: roomId, notes: 'Invoice resent.', last_comment_id: '2487134935' },
    });

    expect(successOf(answer).data.service.notes).toBe('Invoice resent.');
    expect(server.rooms.get(roomId)?.room.resolved).toBe(true);
  });
}

it('user_info replaces the customer’s properties, reads them back and shows them on the room', async () => {
  const server = await startMock();
  const roomId = await roomOf(server);
  const first = [
    { key: 'Order ID', value: 'INV-1' },
    { key: 'Plan', value: 'Basic' },
  ];

  await callQiscus(server, setUserInfo, {
    params: { room_id: roomId },
    body: { user_properties: first },
  });
  const written = await callQiscus(server, setUserInfo, {
    params: { room_id: roomId },
    body: { user_properties: [{ key: 'Plan', value: 'Pro' }] },
  });
  const read = await callQiscus(server, getUserInfo, { params: { room_id: roomId } });

  expect(successOf(written).data.extras.user_properties).toEqual([{ key: 'Plan', value: 'Pro' }]);
  const { data } = successOf(read);
  expect(data.extras.user_properties).toEqual([{ key: 'Plan', value: 'Pro' }]);
  expect(data).toMatchObject({ user_id: '6281100000001', room_id: roomId, is_blocked: false });
  expect(server.rooms.get(roomId)?.room.user_properties).toEqual([{ key: 'Plan', value: 'Pro' }]);
});

it('user_info refuses a property without a key, naming the field, and keeps the old list', async () => {
  const server = await startMock();
  const roomId = await roomOf(server);
  const kept = [{ key: 'Plan', value: 'Basic' }];
  await callQiscus(server, setUserInfo, {
    params: { room_id: roomId },
    body: { user_properties: kept },
  });

  const answer = await callQiscus(server, setUserInfo, {
    params: { room_id: roomId },
    body: { user_properties: [{ value: 'x' }] },
  });

  expect(answer.status).toBe(400);
  expect(JSON.stringify(answer.body)).toContain('user_properties[0].key');
  expect(server.rooms.get(roomId)?.room.user_properties).toEqual(kept);
});

for (const contentType of ['application/json', ...forms] as const) {
  it(`room tags are created as ${contentType}, kept once per name, and listed`, async () => {
    const server = await startMock();
    const roomId = await roomOf(server);
    const other = await roomOf(server, '6281100000002');

    const vip = await callQiscus(server, createRoomTag, {
      contentType,
      body: { room_id: roomId, tag: 'vip' },
    });
    await callQiscus(server, createRoomTag, { body: { room_id: roomId, tag: 'vip' } });
    await callQiscus(server, createRoomTag, { body: { room_id: roomId, tag: 'billing' } });
    const elsewhere = await callQiscus(server, createRoomTag, {
      body: { room_id: other, tag: 'vip' },
    });
    const listed = await callQiscus(server, getRoomTags, { params: { room_id: roomId } });

    expect(vip.body).toEqual({ data: { id: 1, name: 'vip' } });
    expect(elsewhere.body).toEqual({ data: { id: 1, name: 'vip' } });
    expect(listed.body).toEqual({
      data: [
        { id: 1, name: 'vip' },
        { id: 2, name: 'billing' },
      ],
    });
    expect(server.rooms.get(roomId)?.room.tags.map((tag) => tag.name)).toEqual(['vip', 'billing']);
  });
}

it('a tag for a room no room has is refused with its field path, and no tag is kept', async () => {
  const server = await startMock();
  const roomId = await roomOf(server);

  const answer = await callQiscus(server, createRoomTag, { body: { room_id: '999', tag: 'vip' } });

  expect(answer.status).toBe(404);
  expect(answer.body).toMatchObject({
    errors: { code: 'ROOM_NOT_FOUND', details: [{ path: 'room_id' }] },
  });
  expect(server.rooms.get(roomId)?.room.tags).toEqual([]);
});

it('customer_rooms shows the bot switch, the wait and the last messages of the room', async () => {
  const server = await startMock();
  const roomId = await roomOf(server);
  await callQiscus(server, handOver, { params: { app_code: server.appCode, room_id: roomId } });

  const answer = await callQiscus(server, getCustomerRoom, { params: { room_id: roomId } });

  expect(successOf(answer).data.customer_room).toMatchObject({
    room_id: roomId,
    id: Number(roomId),
    is_handled_by_bot: false,
    is_waiting: true,
    is_resolved: false,
    source: 'wa',
    user_id: '6281100000001',
    last_customer_comment_text: 'Hi',
    last_comment_sender_type: 'customer',
  });
});

/** A room where the customer said "Hi" and the bot answered "Hello there", with both messages. */
async function answeredByBot(server: MockServer) {
  const roomId = await roomOf(server);
  await callQiscus(server, postBotMessage, {
    params: { app_code: server.appCode },
    body: { room_id: roomId, type: 'text', message: 'Hello there', sender_email: server.botEmail },
  });
  const [hi, hello] = server.rooms.get(roomId)!.messages;
  return { roomId, hi: hi!, hello: hello! };
}

it('customer_rooms tells the last message from the customer’s last one once the bot has answered', async () => {
  const server = await startMock();
  const { roomId, hi, hello } = await answeredByBot(server);

  const answer = await callQiscus(server, getCustomerRoom, { params: { room_id: roomId } });

  expect(successOf(answer).data.customer_room).toMatchObject({
    last_comment_text: 'Hello there',
    last_comment_sender_type: 'bot',
    last_comment_sender: server.botEmail,
    last_comment_timestamp: hello.created_at,
    last_customer_comment_text: 'Hi',
    last_customer_timestamp: hi.created_at,
  });
  expect(hello.created_at).not.toBe(hi.created_at);
});

it('the service record spans the session’s first to last message, and is retrieved once an agent has the room', async () => {
  const server = await startMock();
  const { roomId, hi, hello } = await answeredByBot(server);
  const customer = successOf(
    await callQiscus(server, getCustomerRoom, { params: { room_id: roomId } }),
  ).data.customer_room;

  const unassigned = successOf(
    await callQiscus(server, markAsResolved, { body: { room_id: roomId } }),
  ).data.service;
  await server.customer.say({ room_id: roomId, text: 'One more thing' });
  const agent = server.settings().agents[0]!;
  const assigned = successOf(
    await callQiscus(server, assignAgent, { body: { room_id: roomId, agent_id: agent.id } }),
  ).data.service;
  const room = server.rooms.get(roomId)!.room;

  expect(unassigned).toMatchObject({
    room_id: roomId,
    room_log_id: Number(roomId),
    user_id: customer.contact_id,
    is_resolved: true,
    first_comment_id: String(hi.id),
    last_comment_id: String(hello.id),
    retrieved_at: null,
  });
  expect(unassigned.resolved_at).toBe(unassigned.updated_at);
  expect(unassigned.created_at).toBe(room.created_at);
  expect(unassigned.created_at < unassigned.updated_at).toBe(true);
  const third = server.rooms.get(roomId)!.messages[2]!;
  expect(assigned).toMatchObject({
    is_resolved: false,
    resolved_at: null,
    first_comment_id: String(third.id),
    last_comment_id: String(third.id),
    retrieved_at: room.updated_at,
    updated_at: room.updated_at,
  });
  expect(assigned.id).not.toBe(unassigned.id);
});

it('customer_rooms has no last customer message once the bot’s messages have pushed it out', async () => {
  const server = await startMock({ messagesPerRoom: 2 });
  const roomId = await roomOf(server);
  for (const message of ['Hello there', 'How can I help?']) {
    await callQiscus(server, postBotMessage, {
      params: { app_code: server.appCode },
      body: { room_id: roomId, type: 'text', message, sender_email: server.botEmail },
    });
  }

  const answer = await callQiscus(server, getCustomerRoom, { params: { room_id: roomId } });

  expect(server.rooms.get(roomId)!.messages.map((m) => m.sender)).toEqual(['bot', 'bot']);
  expect(successOf(answer).data.customer_room).toMatchObject({
    last_comment_text: 'How can I help?',
    last_customer_comment_text: null,
    last_customer_timestamp: null,
  });
});

it('a room takes 100 tags: the 101st is refused with the tag’s field path, one it has is still fine', async () => {
  const server = await startMock();
  const roomId = await roomOf(server);
  for (let n = 1; n <= 100; n += 1) {
    await callQiscus(server, createRoomTag, { body: { room_id: roomId, tag: `tag-${n}` } });
  }

  const more = await callQiscus(server, createRoomTag, { body: { room_id: roomId, tag: 'vip' } });
  const again = await callQiscus(server, createRoomTag, {
    body: { room_id: roomId, tag: 'tag-7' },
  });

  expect(more.status).toBe(400);
  expect(more.body).toMatchObject({
    errors: {
      code: 'VALIDATION_FAILED',
      details: [{ path: 'tag', message: 'the room already has 100 tags' }],
    },
  });
  expect(again.status).toBe(200);
  expect(server.rooms.get(roomId)?.room.tags).toHaveLength(100);
});
