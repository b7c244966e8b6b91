import { formatDuration } from '../../script/parse-duration.js';
import type { Violation } from '../run-result.js';
import { failed, passed, RunStopped, type StepContext, type StepOutcome } from './step-context.js';
import { violationOutcome } from './violation-outcome.js';

/** What a `refused` step reports when no call of the bot was refused: the bot made none. */
export const noRefusal = 'no refused call';

/** Switches Auto Agent Allocation for the script (set back as it was when the script ends). */
export function runSettingsStep(autoAgentAllocation: boolean, context: StepContext): StepOutcome {
  context.mock.configure({ auto_agent_allocation: autoAgentAllocation });
  return passed;
}

function refusalOf(operation: string, code: string | null) {
  return (violation: Violation) =>
    violation.code === 'REFUSED' &&
    violation.operation_id === operation &&
    (code === null || violation.message.startsWith(`${code}:`));
}

/**
 * Expects the mock to refuse a call of the bot that the script provoked (a hand-over to a role
 * with Auto Agent Allocation off): the refusal is taken as expected, so it does not fail the
 * script, but any other finding, and a second refusal of the call, still does.
 */
export async function runRefusedStep(
  operation: string,
  code: string | null,
  context: StepContext,
  timeoutMs: number,
): Promise<StepOutcome> {
  const { follower } = context;
  const expected = `the bot's ${operation} call refused${code === null ? '' : ` with ${code}`}`;
  const isRefusal = refusalOf(operation, code);
  const found = await follower.waitFor(
    () => follower.stepFindings().errors.find(isRefusal),
    timeoutMs,
    context.signal,
    false,
  );
  if (found.ok) {
    follower.excuse(found.value, 'the refusal this step expects');
    return passed;
  }
  if (found.reason === 'aborted') throw new RunStopped('the run was stopped');
  const other = follower.stepFindings().errors[0];
  if (other) return violationOutcome(other, expected);
  return failed(
    `no ${operation} call of the bot was refused within ${formatDuration(timeoutMs)}: the bot did not make it`,
    expected,
    noRefusal,
  );
}
