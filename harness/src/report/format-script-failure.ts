import type { ScriptResult, StepResult, Violation } from '../run/run-result.js';
import { createPaint, type Paint } from './create-paint.js';
import { formatExchangeLine } from './format-exchange-line.js';

/** `REFUSED postBotMessage at payload.buttons: MESSAGE_TYPE_NOT_SUPPORTED: …` */
export function formatViolation(violation: Violation): string {
  const operation = violation.operation_id === null ? '' : ` ${violation.operation_id}`;
  const path = violation.path === null || violation.path === '' ? '' : ` at ${violation.path}`;
  return `${violation.code}${operation}${path}: ${violation.message}`;
}

function violationLines(
  violations: readonly Violation[],
  paint: Paint,
  said: string | null = null,
): string[] {
  // A step failed by a contract error already says it in its message: it is not said twice.
  const errors = violations.filter(
    (violation) => violation.severity === 'error' && !(said?.includes(violation.message) ?? false),
  );
  const warnings = violations.filter((violation) => violation.severity === 'warning');
  const heading =
    errors.length < violations.length - warnings.length
      ? 'other contract errors:'
      : 'contract errors:';
  return [
    ...(errors.length > 0 ? [paint.red(heading)] : []),
    ...errors.map((violation) => `  ${formatViolation(violation)}`),
    ...(warnings.length > 0 ? [paint.yellow('contract warnings:')] : []),
    ...warnings.map((violation) => `  ${formatViolation(violation)}`),
  ];
}

function stepLines(file: string, step: StepResult, paint: Paint): string[] {
  const where = `${file}:${step.line}:${step.column}`;
  return [
    `${paint.bold(where)}  step ${step.index + 1}  ${step.summary}`,
    ...(step.message === null ? [] : [step.message]),
    ...(step.expected === null ? [] : [`expected: ${paint.green(step.expected)}`]),
    ...(step.actual === null ? [] : [`actual:   ${paint.red(step.actual)}`]),
    ...violationLines(step.violations, paint, step.message),
    ...(step.traffic.length > 0 ? [paint.dim('traffic of this turn:')] : []),
    ...step.traffic.map((exchange) => `  ${formatExchangeLine(exchange)}`),
  ];
}

/**
 * What went wrong in a script, as lines without indentation: for each failed step where it is
 * written, what was expected and what came, the contract findings and that turn's traffic; for a
 * script that could not run, why. Empty for a script that passed.
 */
export function formatScriptFailure(script: ScriptResult, paint = createPaint(false)): string[] {
  if (script.status === 'passed') return [];
  if (script.status === 'error') {
    return (script.error ?? 'The script could not run.').split('\n');
  }
  const failed = script.steps.filter((step) => step.status === 'failed');
  const lines = failed.flatMap((step, position) => [
    ...(position > 0 ? [''] : []),
    ...stepLines(script.file, step, paint),
  ]);
  const outside = violationLines(script.violations, paint);
  if (outside.length > 0) {
    lines.push(...(lines.length > 0 ? [''] : []), 'outside any step:', ...outside);
  }
  return lines;
}
