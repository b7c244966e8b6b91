import { expect } from 'vitest';
import type { RoomId } from '#contracts';
import { botSaid } from './bot-said.js';
import type { BotAndMock } from './start-bot-and-mock.js';

/**
 * Checks that the bot is off for a room: the customer's next message is not sent to the bot (the
 * mock skips its webhook because of the room's handover) and the bot says nothing more.
 */
export async function expectBotOffForRoom(stack: BotAndMock, roomId: RoomId): Promise<void> {
  const before = botSaid(stack.mock, roomId);
  const { delivery } = await stack.mock.customer.say(
    { room_id: roomId, text: 'Hello, is anyone there?' },
    { wait: true },
  );
  await stack.drain();
  expect([delivery.status, delivery.skip_reason]).toEqual(['skipped', 'BOT_OFF_FOR_ROOM']);
  expect(botSaid(stack.mock, roomId)).toEqual(before);
}
