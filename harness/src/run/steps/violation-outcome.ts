import type { Violation } from '../run-result.js';
import type { StepOutcome } from './step-context.js';

const what: Readonly<Record<Violation['code'], string>> = {
  REFUSED: "the mock refused the bot's request",
  DELIVERY_FAILED: 'the webhook delivery failed',
  UNEXPECTED_CALL: 'the bot made a call the Qiscus API does not have',
  FLAGGED: 'the mock flagged a request of the bot',
  SCHEMA_MISMATCH: 'an exchange breaks the contract',
  UNKNOWN_FIELD: 'a body has a field the contract does not know',
  UNREAD_BOT_MESSAGE: 'the bot sent a message no step expected',
  INJECTED: 'the mock refused a call on purpose (fault injection)',
};

/** A step failed by a contract finding of its turn, even one the script did not mention. */
export function violationOutcome(violation: Violation, expected: string | null): StepOutcome {
  return {
    status: 'failed',
    message: `${what[violation.code]}: ${violation.message}`,
    expected,
    actual: null,
  };
}
