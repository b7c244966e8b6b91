import { describe, expect, test } from 'vitest';
import { getRoom, listRooms, sendCustomerMessage } from '#contracts';
import { callControl } from './support/call-control.js';
import { okBody, problemOf, say } from './support/control-answers.js';
import { startMock } from './support/start-mock.js';
import { budi } from './support/room-actions.js';

describe('the mock’s own control API: customers and their rooms', () => {
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

  test('a customer message naming a room may name its channel and channel id too; another channel id is a 409 problem', async () => {
    const server = await startMock();
    const { room_id } = await say(server, { channel: 'wa', customer: budi, text: 'Hi' });

    const same = await say(server, { room_id, channel: 'wa', channel_id: 962, text: 'Again' });
    const other = await callControl(server, sendCustomerMessage, {
      body: { room_id, channel_id: 968, text: 'Hi' },
    });

    expect(same).toMatchObject({ room_id, room_created: false });
    expect(other.status).toBe(409);
    expect(other.body).toMatchObject({
      code: 'MOCK_ERR_CHANNEL_MISMATCH',
      detail: `Room ${room_id} is on wa (channel 962); leave out channel, or give that one.`,
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
    const server = await startMock({
      channels: [
        { source: 'wa', id: 963 },
        { source: 'telegram', id: 964 },
      ],
    });

    const byId = await callControl(server, sendCustomerMessage, {
      body: { channel: 'wa', channel_id: 999, text: 'Hi' },
    });
    const byKind = await callControl(server, sendCustomerMessage, {
      body: { channel: 'ig', text: 'Hi' },
    });

    expect(byId.status).toBe(404);
    expect(byId.body).toMatchObject({
      code: 'MOCK_ERR_CHANNEL_NOT_FOUND',
      detail:
        'The app has no wa channel with id 999: its channels are wa (id 963), telegram (id 964).',
      errors: [{ path: 'channel_id', message: 'no such channel' }],
    });
    expect(byKind.status).toBe(404);
    expect(byKind.body).toMatchObject({
      code: 'MOCK_ERR_CHANNEL_NOT_FOUND',
      detail: 'The app has no ig channel: its channels are wa (id 963), telegram (id 964).',
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
    // A new room is the bot's: no handover, no agent, nobody waiting.
    expect(room.room).toMatchObject({
      bot_active: true,
      handover: { status: 'none', requested_at: null, find_online_agent: false },
      agent: null,
      division: null,
      is_waiting: false,
      resolved: false,
    });
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

  test('a customer given by id uses none of the seed: the next generated one is the first it gives', async () => {
    const server = await startMock();
    await say(server, { channel: 'qiscus', customer: budi, text: 'Hi' });
    const { room_id } = await say(server, { channel: 'qiscus', text: 'Hi' });

    const room = okBody(await callControl(server, getRoom, { params: { room_id } })).room;
    expect(room.customer).toMatchObject({
      id: 'mitra.herlambang@example.com',
      name: 'Mitra Herlambang',
    });
  });

  test('a file without a caption or text is stored with an empty text', async () => {
    const server = await startMock();
    const { room_id } = await say(server, {
      channel: 'qiscus',
      customer: budi,
      type: 'file_attachment',
      payload: { url: 'https://files.example.com/receipt.jpg' },
    });

    const detail = okBody(await callControl(server, getRoom, { params: { room_id } }));
    expect(detail.messages.at(-1)).toMatchObject({
      sender: 'customer',
      type: 'file_attachment',
      text: '',
      payload: { url: 'https://files.example.com/receipt.jpg' },
    });
  });

  test('rooms last active at the same time are listed the newest room first', async () => {
    const server = await startMock({
      clock: { now: () => Date.UTC(2026, 0, 1), monotonic: () => performance.now() },
    });
    const ids: string[] = [];
    for (const customer of ['a', 'b', 'c']) {
      ids.push(
        (await say(server, { channel: 'qiscus', customer: { id: customer }, text: 'Hi' })).room_id,
      );
    }

    const rooms = okBody(await callControl(server, listRooms)).rooms;
    expect(rooms.map((room) => room.room_id)).toEqual([...ids].reverse());
  });
});
