import type { Delivery } from '#contracts';
import type { QiscusFault } from '../../script/step-body-schemas.js';
import { formatDuration } from '../../script/parse-duration.js';
import { describeMockError } from './customer-step.js';
import { endedEarly, failed, passed, type StepContext, type StepOutcome } from './step-context.js';

/** How long the bot took to answer a delivery's last attempt, in words. */
function describeAnswer(delivery: Delivery): string {
  const attempt = delivery.attempts.at(-1);
  if (delivery.status === 'skipped') return `the webhook was not sent: ${delivery.reason}`;
  if (!attempt) return 'no attempt was made';
  const status = attempt.status_code === null ? 'no answer' : `${attempt.status_code}`;
  return `${status} after ${Math.round(attempt.latency_ms)} ms`;
}

/**
 * Expects the webhook of the customer's latest message to be answered 2xx within `withinMs`
 * (Qiscus does not wait on a bot; one that works before it answers looks dead). Waits for the
 * delivery to settle, up to the step's timeout or `withinMs`, whichever is longer.
 */
export async function runWebhookStep(
  withinMs: number,
  context: StepContext,
  timeoutMs: number,
): Promise<StepOutcome> {
  const { follower } = context;
  const expected = `the webhook answered 2xx within ${formatDuration(withinMs)}`;
  if (follower.latestDelivery === null) {
    return failed('no webhook to check: a customer step must come before this one', expected);
  }
  const settled = await follower.waitFor(
    () => (follower.latestDelivery?.status === 'pending' ? undefined : follower.latestDelivery),
    Math.max(timeoutMs, withinMs + 500),
    context.signal,
  );
  if (!settled.ok) {
    return (
      endedEarly(settled, expected) ??
      failed(
        `the webhook was still unanswered after ${formatDuration(Math.max(timeoutMs, withinMs + 500))}`,
        expected,
        'no answer yet',
      )
    );
  }
  const delivery = settled.value;
  if (!delivery) return failed('no webhook to check', expected);
  const attempt = delivery.attempts.at(-1);
  const answered = delivery.status === 'delivered' && attempt !== undefined;
  if (answered && attempt.latency_ms <= withinMs) return passed;
  return failed(
    answered
      ? `the bot answered the webhook after ${Math.round(attempt.latency_ms)} ms, later than ${formatDuration(withinMs)}: answer first, then do the work`
      : `the webhook was not answered 2xx: ${delivery.reason}`,
    expected,
    describeAnswer(delivery),
  );
}

/**
 * Delivers the webhook of the customer's latest message again: the same body, the same message
 * id, as Qiscus may on a retry. The next steps show whether the bot answered it twice.
 */
export async function runRedeliverStep(
  context: StepContext,
  timeoutMs: number,
): Promise<StepOutcome> {
  const { follower, mock } = context;
  if (follower.latestDelivery === null) {
    return failed('nothing to deliver again: a customer step must come before this one');
  }
  const settled = await follower.waitFor(
    () => (follower.latestDelivery?.status === 'pending' ? undefined : follower.latestDelivery),
    timeoutMs,
    context.signal,
  );
  if (!settled.ok) {
    return (
      endedEarly(settled, null) ??
      failed(
        `the webhook to deliver again did not settle within ${formatDuration(timeoutMs)}: the bot has not answered it`,
      )
    );
  }
  try {
    const again = mock.deliveries.redeliver(settled.value?.id ?? '');
    follower.followDelivery(again);
  } catch (error) {
    return failed(`the mock refused to deliver the webhook again: ${describeMockError(error)}`);
  }
  return passed;
}

/** Switches the bot off or on, for the script's room or the whole app, at once. */
export function runBotSwitchStep(
  scope: 'room' | 'app',
  active: boolean,
  context: StepContext,
): StepOutcome {
  const { follower, mock } = context;
  if (scope === 'app') {
    mock.configure({ bot_enabled: active });
    return passed;
  }
  if (follower.roomId === null) return failed('no room to switch: a customer step comes first');
  try {
    mock.agent.setRoomBot(follower.roomId, active);
  } catch (error) {
    return failed(`the mock refused to switch the room's bot: ${describeMockError(error)}`);
  }
  return passed;
}

/** Arms a fault for the next matching calls of the bot in the script's room; done at once. */
export function runQiscusFailsStep(fault: QiscusFault, context: StepContext): StepOutcome {
  const { follower, mock } = context;
  if (follower.roomId === null)
    return failed('no room to fail calls in: a customer step comes first');
  mock.faults.inject({
    ...(fault.status === undefined ? {} : { status: fault.status }),
    times: fault.times,
    room_id: follower.roomId,
    ...(fault.operation === undefined ? {} : { operation: fault.operation }),
    retry_after: fault.retry_after ?? 1,
    latency_ms: fault.latency ?? 0,
  });
  return passed;
}
