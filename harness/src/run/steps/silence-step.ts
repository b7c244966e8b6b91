import { formatDuration } from '../../script/parse-duration.js';
import { describeBotMessage, readBotMessage } from './read-bot-message.js';
import { endedEarly, failed, passed, type StepContext, type StepOutcome } from './step-context.js';

/**
 * Expects no bot message in the room for a while: fails at the first one that arrives meanwhile,
 * or at once if one came before the step that no step matched. Whether such a message came just
 * before or just after the step began is timing; either way the bot spoke unexpectedly.
 */
export async function runSilenceStep(
  durationMs: number,
  context: StepContext,
): Promise<StepOutcome> {
  const { follower } = context;
  const before = follower.botMessageCount;
  const expected = `no bot message for ${formatDuration(durationMs)}`;
  const unmatched = follower.peekBotMessage();
  if (unmatched) {
    return failed(
      `the bot wrote before the ${formatDuration(durationMs)} of silence, and no bot step expected it: add one before the silence if the message is right`,
      expected,
      describeBotMessage(readBotMessage(unmatched)),
    );
  }
  const spoke = await follower.waitFor(
    () => (follower.botMessageCount > before ? true : undefined),
    durationMs,
    context.signal,
  );
  if (!spoke.ok) return endedEarly(spoke, expected) ?? passed;
  const message = follower.lastBotMessage();
  const actual = message ? describeBotMessage(readBotMessage(message)) : 'a bot message';
  return failed(
    `the bot wrote during the ${formatDuration(durationMs)} of silence`,
    expected,
    actual,
  );
}

/**
 * Takes every bot message that comes until the bot has written nothing for `durationMs`: the
 * rest of an answer of several messages, whatever their number, before a step that needs quiet.
 */
export async function runUntilQuietStep(
  durationMs: number,
  context: StepContext,
): Promise<StepOutcome> {
  const { follower } = context;
  for (;;) {
    while (follower.nextBotMessage()) {
      // Taken: part of the answer before.
    }
    const before = follower.botMessageCount;
    const spoke = await follower.waitFor(
      () => (follower.botMessageCount > before ? true : undefined),
      durationMs,
      context.signal,
    );
    if (!spoke.ok) return endedEarly(spoke, null) ?? passed;
  }
}
