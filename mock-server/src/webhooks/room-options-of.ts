import { encodeRoomOptions } from '#contracts';
import type { RoomState } from '../conversation/room-state.js';

/**
 * A room's `options`, the JSON string Qiscus puts in webhooks and room records. `is_waiting`
 * follows Qiscus's documented webhook sample, where a room the bot handles is waiting (true):
 * it means no agent has the room yet, not that a handover was asked for (inferred from the sample).
 */
export function roomOptionsOf(room: RoomState): string {
  return encodeRoomOptions({
    channel: room.channel.source,
    channel_details: {
      channel_id: room.channel.id,
      name: room.channel.name,
      ...(room.channel.phone === undefined ? {} : { phone: room.channel.phone }),
    },
    is_resolved: room.resolved,
    is_waiting: !room.resolved && room.agentId === null,
    source: room.channel.source,
  });
}
