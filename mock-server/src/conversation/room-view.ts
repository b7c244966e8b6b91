import type { Agent, MockRoom, RoomMessage, RoomTag, UserProperty } from '#contracts';
import { formatTimestamp } from '../clock.js';
import type { RoomState } from './room-state.js';

/** A room as the control API shows it. */
export function toMockRoom(
  room: RoomState,
  extra: {
    readonly agent: Agent | undefined;
    readonly messageCount: number;
    readonly lastMessage: RoomMessage | undefined;
    readonly tags: readonly RoomTag[];
    readonly userProperties: readonly UserProperty[];
  },
): MockRoom {
  const time = (ms: number | null) => (ms === null ? null : formatTimestamp(ms));
  return {
    room_id: room.id,
    channel: room.channel,
    customer: {
      id: room.customer.id,
      name: room.customer.name,
      avatar_url: room.customer.avatar_url,
    },
    bot_active: room.botActive,
    handover: {
      status: room.handover.status,
      requested_at: time(room.handover.requestedAt),
      answered_at: time(room.handover.answeredAt),
      find_online_agent: room.handover.findOnlineAgent,
      role: room.handover.role,
    },
    agent: extra.agent ?? null,
    division: room.division,
    is_waiting: room.isWaiting,
    resolved: room.resolved,
    resolved_at: time(room.resolvedAt),
    created_at: formatTimestamp(room.createdAt),
    updated_at: formatTimestamp(room.updatedAt),
    message_count: extra.messageCount,
    last_message: extra.lastMessage ?? null,
    tags: [...extra.tags],
    user_properties: [...extra.userProperties],
  };
}
