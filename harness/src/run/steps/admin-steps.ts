import type { MockRoom } from '#contracts';
import { formatDuration } from '../../script/parse-duration.js';
import {
  describePattern,
  matchesPattern,
  type TextPattern,
} from '../../script/parse-text-pattern.js';
import { endedEarly, failed, passed, type StepContext, type StepOutcome } from './step-context.js';

/**
 * Waits until the room stands as `holds` wants; else fails with what was expected and, from
 * `describe`, where the room stands.
 */
async function expectRoom(
  context: StepContext,
  timeoutMs: number,
  expected: string,
  holds: (room: MockRoom) => boolean,
  describe: (room: MockRoom | null) => string,
): Promise<StepOutcome> {
  const { follower } = context;
  const done = await follower.waitFor(
    () => (follower.room && holds(follower.room) ? true : undefined),
    timeoutMs,
    context.signal,
  );
  if (done.ok) return passed;
  const actual = describe(follower.room);
  return (
    endedEarly(done, expected) ??
    failed(`not within ${formatDuration(timeoutMs)}: ${actual}`, expected, actual)
  );
}

function agentMatches(room: MockRoom, agent: number | string | null): boolean {
  if (!room.agent) return false;
  if (agent === null) return true;
  if (typeof agent === 'number') return room.agent.id === agent;
  const wanted = agent.toLowerCase();
  return room.agent.name.toLowerCase() === wanted || room.agent.email.toLowerCase() === wanted;
}

/** Expects an agent in the room (`assign_agent`, or an allocation): any, or the one named. */
export function runAssignStep(
  agent: number | string | null,
  context: StepContext,
  timeoutMs: number,
): Promise<StepOutcome> {
  return expectRoom(
    context,
    timeoutMs,
    agent === null ? 'an agent assigned to the room' : `${agent} assigned to the room`,
    (room) => agentMatches(room, agent),
    (room) =>
      room?.agent
        ? `the room is with ${room.agent.name} (agent ${room.agent.id})`
        : 'no agent has the room',
  );
}

/** Expects the bot to have put the tag on the room (`room_tag/create`). */
export function runTagStep(
  tag: string,
  context: StepContext,
  timeoutMs: number,
): Promise<StepOutcome> {
  return expectRoom(
    context,
    timeoutMs,
    `the room tagged "${tag}"`,
    (room) => room.tags.some((existing) => existing.name === tag),
    (room) =>
      room && room.tags.length > 0
        ? `the room's tags are ${room.tags.map((existing) => `"${existing.name}"`).join(', ')}`
        : 'the room has no tags',
  );
}

/** Expects the customer's additional info (`user_info`) to hold each property given. */
export function runUserInfoStep(
  properties: Readonly<Record<string, TextPattern>>,
  context: StepContext,
  timeoutMs: number,
): Promise<StepOutcome> {
  const wanted = Object.entries(properties);
  return expectRoom(
    context,
    timeoutMs,
    wanted.map(([key, pattern]) => `${key}: ${describePattern(pattern)}`).join(', '),
    (room) =>
      wanted.every(([key, pattern]) =>
        room.user_properties.some(
          (property) => property.key === key && matchesPattern(pattern, property.value),
        ),
      ),
    (room) =>
      room && room.user_properties.length > 0
        ? room.user_properties.map((property) => `${property.key}: "${property.value}"`).join(', ')
        : 'the customer has no additional info',
  );
}

/** Expects the bot to have resolved the room (`mark_as_resolved`). */
export function runResolveByBotStep(context: StepContext, timeoutMs: number): Promise<StepOutcome> {
  return expectRoom(
    context,
    timeoutMs,
    'the room resolved by the bot (mark_as_resolved)',
    (room) => room.resolved,
    () => 'the room is not resolved',
  );
}
