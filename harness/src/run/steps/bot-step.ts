import type { RoomMessage } from '#contracts';
import { formatDuration } from '../../script/parse-duration.js';
import type { BotExpectation } from '../../script/step-body-schemas.js';
import { explainQuietBot } from './explain-quiet-bot.js';
import { describeExpectation, matchBotMessage } from './match-bot-message.js';
import { describeBotMessage, readBotMessage } from './read-bot-message.js';
import { endedEarly, failed, passed, type StepContext, type StepOutcome } from './step-context.js';

/**
 * Expects the next bot message of the room, in order: the first one no earlier step matched must
 * match, or the step fails with what was expected and what came. Waits for it up to the timeout.
 */
export async function runBotStep(
  expect: BotExpectation,
  context: StepContext,
  timeoutMs: number,
): Promise<StepOutcome> {
  const { follower } = context;
  const expected = describeExpectation(expect);
  const next = await follower.waitFor<RoomMessage>(
    () => follower.nextBotMessage(),
    timeoutMs,
    context.signal,
  );
  if (!next.ok) {
    return (
      endedEarly(next, expected) ??
      failed(
        `no bot message within ${formatDuration(timeoutMs)}: ${explainQuietBot(follower)}`,
        expected,
        'no message',
      )
    );
  }
  const facts = readBotMessage(next.value);
  const match = matchBotMessage(facts, expect);
  if (match.ok) return passed;
  return failed(
    `the next bot message does not match: ${match.differences.join('; ')}`,
    expected,
    describeBotMessage(facts),
  );
}
