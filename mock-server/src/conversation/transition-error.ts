import { mockError, QiscusApiError } from '../errors.js';
import type { TransitionRefusal } from './handover-rules.js';

/**
 * The error for a refused transition: a Qiscus error code on the Qiscus surface, a MOCK_ERR_
 * problem for the control API's own cases.
 */
export function refusal(outcome: TransitionRefusal): Error {
  if (outcome.code === 'NO_PENDING_HANDOVER') {
    return mockError('MOCK_ERR_NO_PENDING_HANDOVER', outcome.message);
  }
  if (outcome.code === 'AGENT_NOT_FOUND') {
    return mockError('MOCK_ERR_AGENT_NOT_FOUND', outcome.message);
  }
  if (outcome.code === 'NO_AGENT') return mockError('MOCK_ERR_NO_AGENT', outcome.message);
  const detail =
    outcome.code === 'ROLE_NOT_FOUND'
      ? 'no such division'
      : outcome.code === 'SAME_DIVISION'
        ? 'the room is already with this division'
        : outcome.message;
  return new QiscusApiError(
    outcome.code,
    outcome.message,
    outcome.path === '' ? [] : [{ path: outcome.path, message: detail }],
  );
}
