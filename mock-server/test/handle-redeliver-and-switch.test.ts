import { expect, it } from 'vitest';
import { isMockError } from '#mock-server';
import { startMock } from './support/start-mock.js';

it('redelivers a webhook through the handle with the same body, as a new delivery that names the first', async () => {
  const server = await startMock();
  const first = await server.customer.say({ channel: 'qiscus', text: 'Hi' }, { wait: true });

  const again = server.deliveries.redeliver(first.delivery.id);
  expect([again.redelivery_of, again.comment_id, again.room_id]).toEqual([
    first.delivery.id,
    first.comment_id,
    first.room_id,
  ]);
  expect(server.traffic.list().at(-1)).toMatchObject({
    direction: 'control',
    path: 'deliveries.redeliver',
    operation_id: 'redeliver',
    room_id: first.room_id,
  });
});

it('refuses to redeliver an unknown delivery, naming where the ids are listed', async () => {
  const server = await startMock();
  let caught: unknown;
  try {
    server.deliveries.redeliver('dlv_999');
  } catch (error) {
    caught = error;
  }
  expect(isMockError(caught) && [caught.code, caught.message]).toEqual([
    'MOCK_ERR_DELIVERY_NOT_FOUND',
    'No delivery has the id "dlv_999". GET /_mock/deliveries lists them.',
  ]);
});

it("switches a room's bot off and on through the handle; a message while off is not sent to the bot", async () => {
  const server = await startMock();
  const { room_id } = await server.customer.say({ channel: 'wa', text: 'Hi' });

  expect(server.agent.setRoomBot(room_id, false).room.bot_active).toBe(false);
  const whileOff = await server.customer.say({ room_id, text: 'anyone?' });
  expect(whileOff.delivery.skip_reason).toBe('BOT_OFF_FOR_ROOM');
  expect(server.agent.setRoomBot(room_id, true).room.bot_active).toBe(true);
  expect(server.traffic.list().at(-1)).toMatchObject({
    path: 'agent.setRoomBot',
    operation_id: 'setRoomBot',
    request: { body: { is_active: true } },
  });
});
