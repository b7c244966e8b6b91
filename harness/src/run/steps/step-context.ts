import type { MockServer } from '#mock-server';
import type { LoadedScript } from '../../script/script-schema.js';
import type { EventRouter } from '../event-router.js';
import type { RoomFollower, WaitEnd } from '../room-follower.js';
import { violationOutcome } from './violation-outcome.js';

/** What a step acts with: the mock, the script's room and who the customer is. */
export interface StepContext {
  readonly mock: MockServer;
  readonly router: EventRouter;
  readonly follower: RoomFollower;
  readonly script: LoadedScript;
  readonly customer: { readonly id: string; readonly name: string };
  /** Aborted when the run stops. */
  readonly signal: AbortSignal;
}

/** How a step went. */
export type StepOutcome =
  | { readonly status: 'passed' }
  | {
      readonly status: 'failed';
      readonly message: string;
      readonly expected: string | null;
      readonly actual: string | null;
    };

/** A failed step's outcome. */
export function failed(
  message: string,
  expected: string | null = null,
  actual: string | null = null,
): StepOutcome {
  return { status: 'failed', message, expected, actual };
}

/** A passed step's outcome. */
export const passed: StepOutcome = { status: 'passed' };

/** The run was stopped while a step waited. */
export class RunStopped extends Error {
  override readonly name = 'RunStopped';
}

/** A wait that ended on a contract finding or the run stopping, as the step's outcome. */
export function endedEarly(end: WaitEnd, expected: string | null): StepOutcome | undefined {
  if (end.reason === 'aborted') throw new RunStopped('the run was stopped');
  if (end.reason === 'violation') return violationOutcome(end.violation, expected);
  return undefined;
}
