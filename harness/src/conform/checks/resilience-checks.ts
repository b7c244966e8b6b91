import { StepSchema } from '../../script/step-schema.js';
import type { ConformCheck } from '../conform-check.js';
import { homeChannel } from './wire-checks.js';

/**
 * Whether this build's scripts take the `qiscus_fails` step (fault injection toward the bot's
 * calls): asked of the script schema itself, so the checks run as soon as the step exists.
 */
export function faultInjectionSupported(): boolean {
  return StepSchema.safeParse({ qiscus_fails: { status: 503, times: 1 } }).success;
}

function notRunWithoutFaults(): string | null {
  return faultInjectionSupported()
    ? null
    : 'fault injection is not available in this build: its scripts do not take the qiscus_fails step';
}

function retried(
  status: 429 | 503,
  fault: Readonly<Record<string, unknown>>,
  fact: string,
): ConformCheck {
  return {
    id: `resilience.retries-${status}`,
    area: 'resilience',
    severity: 'must',
    title: `retries a call Qiscus answers ${status}${status === 429 ? ' (after Retry-After)' : ''}`,
    fact,
    fix:
      status === 429
        ? 'On 429, wait the Retry-After seconds and send again (a few times at most).'
        : 'On 503, send again after a short back-off (a few times at most, with jitter).',
    notRunWhen: notRunWithoutFaults,
    scripts: (config) => [
      {
        name: `the reply arrives after a ${status}`,
        channel: homeChannel(config),
        steps: [
          { customer: 'Hi' },
          { bot: {} },
          { until_quiet: '500ms' },
          { qiscus_fails: { status, times: 1, operation: 'postBotMessage', ...fault } },
          { customer: 'Hi again' },
          { bot: { timeout: '3s' } },
        ],
      },
    ],
  };
}

/** The checks of how the bot bears a refusal of Qiscus that passes. */
export const resilienceChecks: readonly ConformCheck[] = [
  retried(
    429,
    { retry_after: 1 },
    'Qiscus limits request rates and answers 429 with Retry-After [INFERRED from the common API gateway behaviour].',
  ),
  retried(
    503,
    {},
    'Qiscus, like any service, answers 503 while it is briefly unavailable [INFERRED].',
  ),
];
