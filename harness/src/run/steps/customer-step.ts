import { isMockError } from '#mock-server';
import type { CustomerMessageRequest, CustomerMessageResult } from '#contracts';
import { formatDuration } from '../../script/parse-duration.js';
import type { CustomerSays } from '../../script/step-body-schemas.js';
import { endedEarly, failed, passed, type StepContext, type StepOutcome } from './step-context.js';

/** The mock's refusal of a control call, in one line. */
export function describeMockError(error: unknown): string {
  if (isMockError(error)) return `${error.code}: ${error.message}`;
  throw error;
}

/**
 * The customer writes. Before that, the webhook of the customer's previous message must have
 * settled (delivered, failed or skipped), so turns do not race; the step does not wait for the
 * bot's answer, which the next steps expect.
 */
export async function runCustomerStep(
  says: CustomerSays,
  context: StepContext,
  timeoutMs: number,
): Promise<StepOutcome> {
  const { follower, mock, script, customer } = context;
  const settled = await follower.waitFor(
    () => (follower.latestDelivery?.status === 'pending' ? undefined : true),
    timeoutMs,
    context.signal,
  );
  if (!settled.ok) {
    return (
      endedEarly(settled, null) ??
      failed(
        `the webhook of the customer's previous message did not settle within ${formatDuration(timeoutMs)}: the bot has not answered it`,
      )
    );
  }
  let result: CustomerMessageResult;
  try {
    const roomId = follower.roomId;
    if (roomId === null) {
      const request: CustomerMessageRequest = { channel: script.channel, customer, ...says };
      // The room is made inside this call; its events go to this script's follower.
      result = await context.router.open(follower, () => mock.customer.say(request));
    } else {
      result = await mock.customer.say({ room_id: roomId, ...says } as CustomerMessageRequest);
    }
  } catch (error) {
    const hint =
      isMockError(error) && error.code === 'MOCK_ERR_BUTTON_NOT_FOUND'
        ? ' (a bot step before this one waits for the message with the button)'
        : '';
    return failed(`the mock refused the customer's message: ${describeMockError(error)}${hint}`);
  }
  context.router.bind(result.room_id, follower);
  follower.followDelivery(result.delivery);
  return passed;
}
