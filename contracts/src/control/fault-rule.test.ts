import { expect, it } from 'vitest';
import { checkContract } from '../contract-issues.js';
import { FaultRuleSchema } from './fault-rule.js';

/** The problems the contract finds in a fault rule; an empty list when it takes it. */
function problemsOf(value: unknown) {
  const result = checkContract(FaultRuleSchema, value);
  return result.ok ? [] : [...result.problems];
}

const needsStatusOrLatency = {
  path: '',
  message: 'needs a status (429, 500 or 503) or a latency_ms above 0',
};

it('takes a status alone, latency alone, or both, and fills in the defaults', () => {
  expect(FaultRuleSchema.parse({ status: 429 })).toEqual({
    status: 429,
    rate: 1,
    retry_after: 1,
    latency_ms: 0,
  });
  expect(FaultRuleSchema.parse({ latency_ms: 1 })).toEqual({
    rate: 1,
    retry_after: 1,
    latency_ms: 1,
  });
  expect(problemsOf({ status: 503, latency_ms: 0 })).toEqual([]);
  expect(problemsOf({ status: 500, latency_ms: 60_000, rate: 0, times: 1 })).toEqual([]);
});

it('refuses a rule that would do nothing: no status and no latency above 0', () => {
  expect(problemsOf({})).toEqual([needsStatusOrLatency]);
  expect(problemsOf({ latency_ms: 0, operation: 'postBotMessage' })).toEqual([
    needsStatusOrLatency,
  ]);
});

it('refuses a status it cannot answer with, and values out of range', () => {
  expect(problemsOf({ status: 404 }).map((problem) => problem.path)).toEqual(['status']);
  expect(problemsOf({ status: 503, rate: 1.5 }).map((problem) => problem.path)).toEqual(['rate']);
  expect(problemsOf({ status: 503, rate: -0.1 }).map((problem) => problem.path)).toEqual(['rate']);
  expect(problemsOf({ status: 503, times: 0 }).map((problem) => problem.path)).toEqual(['times']);
  expect(problemsOf({ latency_ms: 60_001 }).map((problem) => problem.path)).toEqual(['latency_ms']);
  expect(problemsOf({ status: 503, retry_after: -1 }).map((problem) => problem.path)).toEqual([
    'retry_after',
  ]);
  expect(problemsOf({ status: 503, operation: '' }).map((problem) => problem.path)).toEqual([
    'operation',
  ]);
  expect(problemsOf({ status: 503, room_id: '' }).map((problem) => problem.path)).toEqual([
    'room_id',
  ]);
});
