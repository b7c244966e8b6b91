import { expect, it } from 'vitest';
import { ErrorEnvelopeSchema } from './error-envelope.js';

function envelope(status: number, details = [{ path: 'type', message: 'not here' }]) {
  return {
    status,
    errors: { message: 'Not supported here.', code: 'MESSAGE_TYPE_NOT_SUPPORTED', details },
  };
}

/** The issues zod reports for a value, with their code. */
function issuesOf(value: unknown) {
  const result = ErrorEnvelopeSchema.safeParse(value);
  return result.success
    ? []
    : result.error.issues.map(({ code, path, message }) => ({ code, path, message }));
}

it('takes the status of the code, and refuses any other with a custom issue at status', () => {
  expect(issuesOf(envelope(400))).toEqual([]);
  expect(issuesOf(envelope(404))).toEqual([
    { code: 'custom', path: ['status'], message: 'must be 400 for MESSAGE_TYPE_NOT_SUPPORTED' },
  ]);
});

it('lists at most 20 details', () => {
  const detail = { path: '', message: 'wrong' };
  expect(
    issuesOf(
      envelope(
        400,
        Array.from({ length: 20 }, () => detail),
      ),
    ),
  ).toEqual([]);
  expect(
    issuesOf(
      envelope(
        400,
        Array.from({ length: 21 }, () => detail),
      ),
    ).map((issue) => issue.path),
  ).toEqual([['errors', 'details']]);
});
