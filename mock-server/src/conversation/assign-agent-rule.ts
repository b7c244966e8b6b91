import type { Agent } from '#contracts';
import type { RoomState } from './room-state.js';

/**
 * `assign_agent`: the agent takes the room, whatever its handover stood at. The bot is off for
 * it from then on, as on Qiscus, and a waiting handover request counts as answered.
 */
export function assignAgentToRoom(
  room: RoomState,
  request: { readonly agent: Agent; readonly now: number },
): RoomState {
  const { agent, now } = request;
  return {
    ...room,
    botActive: false,
    isWaiting: false,
    agentId: agent.id,
    division: agent.user_roles[0]?.name ?? room.division,
    handover:
      room.handover.status === 'pending'
        ? { ...room.handover, status: 'accepted', answeredAt: now }
        : {
            status: 'assigned',
            requestedAt: now,
            answeredAt: now,
            findOnlineAgent: false,
            role: agent.user_roles[0]?.name ?? null,
          },
    updatedAt: now,
  };
}
