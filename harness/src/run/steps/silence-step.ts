import { formatDuration } from '../../script/parse-duration.js';
import { describeBotMessage, readBotMessage } from './read-bot-message.js';
import { endedEarly, failed, passed, type StepContext, type StepOutcome } from './step-context.js';

/**
 * Expects no bot message in the room for a while: fails at the first one that arrives meanwhile.
 * Messages that came before the step and no step matched are not its concern.
 */
export async function runSilenceStep(
  durationMs: number,
  context: StepContext,
): Promise<StepOutcome> {
  const { follower } = context;
  const before = follower.botMessageCount;
  const expected = `no bot message for ${formatDuration(durationMs)}`;
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
