import type { MockRoom } from '#contracts';
import { formatDuration } from '../../script/parse-duration.js';
import { describeMockError } from './customer-step.js';
import { endedEarly, failed, passed, type StepContext, type StepOutcome } from './step-context.js';

/** Where a room's handover stands, in words. */
function describeHandover(room: MockRoom | null): string {
  if (!room) return 'the room is not open';
  const { handover } = room;
  switch (handover.status) {
    case 'none':
      return 'the bot still has the room (no handover)';
    case 'pending':
      return 'a handover request waits in the inbox (hand_over)';
    case 'accepted':
      return `the handover was accepted${room.agent ? ` by ${room.agent.name}` : ''}`;
    case 'declined':
      return 'the handover was declined: the room went back to the bot';
    case 'assigned':
      return `the room was handed to the ${handover.role ?? room.division ?? '?'} division (hand_over_to_role)`;
  }
}

function isHandedOver(room: MockRoom, role: string | null): boolean {
  const { status } = room.handover;
  if (role === null) return status === 'pending' || status === 'accepted' || status === 'assigned';
  const wanted = role.toLowerCase();
  return (
    status === 'assigned' && (room.handover.role ?? room.division ?? '').toLowerCase() === wanted
  );
}

/**
 * Expects the bot to have handed the room over: `{}` any handover (a request in the inbox, or a
 * hand-over to a division), `{ role }` a hand-over to that division. Waits up to the timeout.
 */
export async function runHandoverStep(
  role: string | null,
  context: StepContext,
  timeoutMs: number,
): Promise<StepOutcome> {
  const { follower } = context;
  const expected =
    role === null ? 'the room handed over' : `the room handed to the ${role} division`;
  const done = await follower.waitFor(
    () => (follower.room && isHandedOver(follower.room, role) ? true : undefined),
    timeoutMs,
    context.signal,
  );
  if (done.ok) return passed;
  return (
    endedEarly(done, expected) ??
    failed(
      `no handover within ${formatDuration(timeoutMs)}: ${describeHandover(follower.room)}`,
      expected,
      describeHandover(follower.room),
    )
  );
}

/** Expects the room's bot switch to be on (`true`) or off (`false`), waiting up to the timeout. */
export async function runBotActiveStep(
  active: boolean,
  context: StepContext,
  timeoutMs: number,
): Promise<StepOutcome> {
  const { follower } = context;
  const expected = `the bot ${active ? 'on' : 'off'} for the room`;
  const done = await follower.waitFor(
    () => (follower.room?.bot_active === active ? true : undefined),
    timeoutMs,
    context.signal,
  );
  if (done.ok) return passed;
  const actual = `the bot ${follower.room?.bot_active ? 'on' : 'off'} for the room; ${describeHandover(follower.room)}`;
  return (
    endedEarly(done, expected) ??
    failed(
      `the room's bot switch did not turn ${active ? 'on' : 'off'} within ${formatDuration(timeoutMs)}`,
      expected,
      actual,
    )
  );
}

/**
 * An agent writes into the room. A handover request still waiting in the inbox is accepted first
 * (by that agent, or the least busy one), as an agent who answers takes the room.
 */
export function runAgentStep(
  text: string,
  agentId: number | null,
  context: StepContext,
): StepOutcome {
  const { follower, mock } = context;
  const roomId = follower.roomId ?? '';
  const agent = agentId === null ? {} : { agent_id: agentId };
  if (follower.room?.handover.status === 'pending') {
    try {
      mock.agent.acceptHandover(roomId, agent);
    } catch (error) {
      return failed(`the agent could not take the room: ${describeMockError(error)}`);
    }
  }
  try {
    mock.agent.say(roomId, { text, ...agent });
    return passed;
  } catch (error) {
    return failed(`the agent could not write: ${describeMockError(error)}`);
  }
}

/** The room is resolved (the conversation is over; the customer's next message opens a new session). */
export function runResolveStep(context: StepContext): StepOutcome {
  try {
    context.mock.agent.resolve(context.follower.roomId ?? '');
    return passed;
  } catch (error) {
    return failed(`the room could not be resolved: ${describeMockError(error)}`);
  }
}
