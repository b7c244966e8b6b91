import { expect, it } from 'vitest';
import {
  BotMessageWebhookSchema,
  acceptHandover,
  decodeRoomOptions,
  getRoom,
  setRoomBot,
} from '#contracts';
import { callControl } from './support/call-control.js';
import { okBody, problemOf, say } from './support/control-answers.js';
import { handOverRoom } from './support/room-actions.js';
import { startBot } from './support/start-bot.js';
import { startMock } from './support/start-mock.js';

it('switches the bot off and on for one room without credentials; the deliveries follow', async () => {
  const bot = await startBot();
  const server = await startMock({ botUrl: bot.url });
  const { room_id } = await say(server, { channel: 'wa', text: 'Hi' });

  const off = okBody(
    await callControl(server, setRoomBot, { params: { room_id }, body: { is_active: false } }),
  );
  expect(off.room.bot_active).toBe(false);
  const skipped = await say(server, { room_id, text: 'Anyone there?' });
  expect(skipped.delivery.skip_reason).toBe('BOT_OFF_FOR_ROOM');

  const on = okBody(
    await callControl(server, setRoomBot, { params: { room_id }, body: { is_active: true } }),
  );
  expect(on.room.bot_active).toBe(true);
  const delivered = await say(server, { room_id, text: 'Hello again' });
  expect(delivered.delivery.status).toBe('delivered');
  expect(bot.received).toHaveLength(2);
  expect(okBody(await callControl(server, getRoom, { params: { room_id } })).room.bot_active).toBe(
    true,
  );
});

it('refuses an unknown room and a body without is_active, naming what was wrong', async () => {
  const server = await startMock();
  const unknown = problemOf(
    await callControl(server, setRoomBot, { params: { room_id: '1' }, body: { is_active: true } }),
  );
  expect([unknown.status, unknown.code]).toEqual([404, 'MOCK_ERR_ROOM_NOT_FOUND']);

  const { room_id } = await say(server, { channel: 'qiscus', text: 'Hi' });
  const bad = problemOf(
    await callControl(server, setRoomBot, { params: { room_id }, body: { active: true } }),
  );
  expect(bad.code).toBe('MOCK_ERR_VALIDATION');
  expect(bad.errors?.map((error) => error.path)).toEqual(
    expect.arrayContaining(['is_active', 'active']),
  );
});

it('a bot switched back on in a room an agent has gets webhooks saying the room is not waiting', async () => {
  const bot = await startBot();
  const server = await startMock({ botUrl: bot.url });
  const { room_id } = await say(server, { channel: 'wa', text: 'Hi' });
  await handOverRoom(server, room_id);
  okBody(await callControl(server, acceptHandover, { params: { room_id }, body: {} }));
  okBody(await callControl(server, setRoomBot, { params: { room_id }, body: { is_active: true } }));

  const delivered = await say(server, { room_id, text: 'Still there?' });

  expect(delivered.delivery.status).toBe('delivered');
  const webhook = BotMessageWebhookSchema.parse(bot.received[1]?.body);
  expect(decodeRoomOptions(webhook.payload.room.options)).toMatchObject({
    is_resolved: false,
    is_waiting: false,
  });
});
