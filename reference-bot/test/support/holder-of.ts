import { expect } from 'vitest';
import type { MockRoom } from '#contracts';
import type { MockServer } from '#mock-server';

/** A room as the mock shows it; the test fails when there is none. */
export function roomOf(mock: MockServer, roomId: string): MockRoom {
  const detail = mock.rooms.get(roomId);
  expect(detail, `the mock has no room ${roomId}`).toBeDefined();
  return detail!.room;
}

/** Who has the room: the bot, a pending handover, or a division (and its agent's divisions). */
export function holderOf(mock: MockServer, roomId: string) {
  const room = roomOf(mock, roomId);
  return {
    bot_active: room.bot_active,
    handover: room.handover.status,
    role: room.handover.role,
    division: room.division,
    agent_divisions: room.agent?.user_roles.map((role) => role.name) ?? null,
  };
}

/** A room the bot still has. */
export const withTheBot: ReturnType<typeof holderOf> = {
  bot_active: true,
  handover: 'none',
  role: null,
  division: null,
  agent_divisions: null,
};

/** A room the bot handed over with `hand_over`: the bot is off, the request waits for an agent. */
export const handedOver: ReturnType<typeof holderOf> = {
  bot_active: false,
  handover: 'pending',
  role: null,
  division: null,
  agent_divisions: null,
};
