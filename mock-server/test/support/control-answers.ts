import { assert } from 'vitest';
import {
  sendCustomerMessage,
  type ControlOperationDescriptor,
  type CustomerMessageRequest,
  type CustomerMessageResult,
  type Problem,
  type z,
} from '#contracts';
import type { MockServer } from '#mock-server';
import { callControl, type ControlAnswer } from './call-control.js';

/** The success body of a control call; a refusal fails the test with the mock's own words. */
export function okBody<D extends ControlOperationDescriptor>(
  answer: ControlAnswer<D>,
): z.output<D['response']['schema']> {
  if (!answer.ok) {
    assert.fail(
      `expected success, got ${answer.status} ${answer.body.code}: ${answer.body.detail}`,
    );
  }
  return answer.body;
}

/** The problem+json body of a refused control call; a success fails the test. */
export function problemOf<D extends ControlOperationDescriptor>(answer: ControlAnswer<D>): Problem {
  if (answer.ok) assert.fail(`expected a problem, got ${answer.status}`);
  return answer.body;
}

/** A customer writes and the answer comes once the webhook delivery has settled. */
export async function say(
  server: MockServer,
  message: CustomerMessageRequest,
): Promise<CustomerMessageResult> {
  return okBody(
    await callControl(server, sendCustomerMessage, { query: { wait: 'true' }, body: message }),
  );
}
