import { expect, it } from 'vitest';
import type { Violation } from '../run-result.js';
import { RunStopped, endedEarly, failed, passed } from './step-context.js';

const refused: Violation = {
  code: 'REFUSED',
  severity: 'error',
  operation_id: 'postBotMessage',
  direction: 'from_bot',
  exchange_seq: 4,
  path: null,
  message: 'MALFORMED_BODY: The body is not valid JSON.',
};

it('words a failed step with nothing expected or come unless told', () => {
  expect(failed('no bot message')).toEqual({
    status: 'failed',
    message: 'no bot message',
    expected: null,
    actual: null,
  });
  expect(failed('it differs', 'text "Hi"', 'text "Bye"')).toEqual({
    status: 'failed',
    message: 'it differs',
    expected: 'text "Hi"',
    actual: 'text "Bye"',
  });
  expect(passed).toEqual({ status: 'passed' });
});

it('fails the step on the finding that ended its wait, keeping what the step expected', () => {
  expect(
    endedEarly({ ok: false, reason: 'violation', violation: refused }, 'any bot message'),
  ).toEqual({
    status: 'failed',
    message: "the mock refused the bot's request: MALFORMED_BODY: The body is not valid JSON.",
    expected: 'any bot message',
    actual: null,
  });
});

it('leaves a timeout to the step, and stops the script when the run was stopped', () => {
  expect(endedEarly({ ok: false, reason: 'timeout' }, null)).toBeUndefined();
  const stopping = () => endedEarly({ ok: false, reason: 'aborted' }, null);
  expect(stopping).toThrow(RunStopped);
  expect(stopping).toThrow('the run was stopped');
  expect(new RunStopped('x').name).toBe('RunStopped');
});
