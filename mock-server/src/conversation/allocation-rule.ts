import type { Agent } from '#contracts';
import type { AllocationAnswer } from '../webhooks/app-webhooks.js';
import { assignAgentToRoom } from './assign-agent-rule.js';
import type { RoomState } from './room-state.js';

/**
 * Custom Agent Allocation, once the receiver has had its say: the room (as it is now) goes to the
 * agent it answered, unless someone has it already or the handover was answered meanwhile. When
 * it assigns nobody, the handover waits in the inbox, as without Custom Agent Allocation. The
 * note says what happened, for the delivery log.
 */
export function allocateByAnswer(
  room: RoomState | undefined,
  answer: AllocationAnswer,
  request: { readonly findAgent: (id: number | null) => Agent | undefined; readonly now: number },
): { readonly room?: RoomState; readonly note: string } {
  if (!room) return { note: 'The room is gone (reset or dropped); nobody was assigned.' };
  const current = request.findAgent(room.agentId);
  if (current) return { note: `${current.name} (agent ${current.id}) has the room already.` };
  if (room.handover.status !== 'pending') {
    return { note: `The handover is ${room.handover.status} already; nobody was assigned.` };
  }
  const fallBack = (why: string) => ({
    note: `Fell back to the normal allocation (${why}): the handover waits in the inbox.`,
  });
  if (!answer.ok) return fallBack(answer.why);
  const agent = request.findAgent(answer.agentId);
  if (!agent) return fallBack(`agent_id ${answer.agentId} is no agent of the app`);
  return {
    room: assignAgentToRoom(room, { agent, now: request.now }),
    note: `Assigned ${agent.name} (agent ${agent.id}), as the receiver answered.`,
  };
}
