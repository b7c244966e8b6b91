import type { Violation } from '../../run/run-result.js';
import type { RunView } from '../conform-check.js';

function everyViolation(run: RunView): Violation[] {
  return run.scripts.flatMap((script) => [
    ...script.violations,
    ...script.steps.flatMap((step) => step.violations),
  ]);
}

/** The first of the run's findings that `owned` picks, as the check's reason, or null. */
export function firstFinding(
  run: RunView,
  owned: (violation: Violation) => boolean,
): string | null {
  const found = everyViolation(run).filter((v) => v.severity === 'error' && owned(v));
  const first = found[0];
  if (!first) return null;
  const more = found.length > 1 ? ` (and ${found.length - 1} more)` : '';
  return `${first.operation_id ?? first.direction}: ${first.message}${more}`;
}
