import { expect, it } from 'vitest';
import { ViolationCodeSchema, type Violation } from '../run-result.js';
import { violationOutcome } from './violation-outcome.js';

function violation(code: Violation['code']): Violation {
  return {
    code,
    severity: 'error',
    operation_id: null,
    direction: 'from_bot',
    exchange_seq: 3,
    path: null,
    message: 'details',
  };
}

it('fails the step, saying what kind of finding it is before what was found', () => {
  expect(
    ViolationCodeSchema.options.map((code) => violationOutcome(violation(code), null)),
  ).toEqual(
    [
      "the mock refused the bot's request: details",
      'an exchange breaks the contract: details',
      'the bot made a call the Qiscus API does not have: details',
      'the webhook delivery failed: details',
      'the mock flagged a request of the bot: details',
      'a body has a field the contract does not know: details',
      'the bot sent a message no step expected: details',
      'the mock refused a call on purpose (fault injection): details',
    ].map((message) => ({ status: 'failed', message, expected: null, actual: null })),
  );
});

it('keeps what the step expected, and has nothing for what came', () => {
  expect(violationOutcome(violation('REFUSED'), 'a text message')).toEqual({
    status: 'failed',
    message: "the mock refused the bot's request: details",
    expected: 'a text message',
    actual: null,
  });
});
