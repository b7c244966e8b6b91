import { createPaint } from '../../report/create-paint.js';
import { formatElapsed } from '../../report/format-elapsed.js';
import { formatExchangeLine } from '../../report/format-exchange-line.js';
import type { CheckResult, ConformResult } from '../conform-result.js';
import { ConformAreaSchema } from '../conform-result.js';

/** The score line: `Score 85% (11 of 13 must-checks) …`. */
export function formatScoreLine(result: ConformResult, color: boolean): string {
  const paint = createPaint(color);
  const { must, should, skipped, not_run } = result.summary;
  const score = result.score === null ? 'no score (no must-check ran)' : `${result.score}%`;
  const shown = must.failed === 0 ? paint.green(score) : paint.red(score);
  return `${paint.bold('Score')} ${shown} (${must.passed} of ${must.passed + must.failed} must-checks passed); should-checks ${should.passed} passed, ${should.failed} failed; ${skipped} skipped, ${not_run} not run (${formatElapsed(result.duration_ms)})`;
}

function mark(check: CheckResult, paint: ReturnType<typeof createPaint>): string {
  switch (check.status) {
    case 'passed':
      return paint.green('✓');
    case 'failed':
      return paint.red('✗');
    case 'skipped':
      return paint.dim('-');
    case 'not_run':
      return paint.yellow('○');
  }
}

/** The traffic of each failed step of a failed check, one exchange a line. */
function failedTraffic(check: CheckResult): string[] {
  return check.scripts.flatMap((script) =>
    script.steps
      .filter((step) => step.status === 'failed')
      .flatMap((step) => step.traffic.map((exchange) => `        ${formatExchangeLine(exchange)}`)),
  );
}

/**
 * The report a person reads: the checks grouped by area, each failure with the reason, the fix,
 * the fact it rests on and its turn's traffic; the score last.
 */
export function formatConformPretty(
  result: ConformResult,
  options: { readonly color: boolean },
): string {
  const paint = createPaint(options.color);
  const lines: string[] = [];
  for (const area of ConformAreaSchema.options) {
    const checks = result.checks.filter((check) => check.area === area);
    if (checks.length === 0) continue;
    lines.push('', paint.bold(area));
    for (const check of checks) {
      const severity = check.severity === 'must' ? 'must  ' : 'should';
      lines.push(`  ${mark(check, paint)} ${paint.dim(severity)} ${check.id}: ${check.title}`);
      if (check.status === 'skipped') lines.push(`      skipped: ${check.reason ?? ''}`);
      if (check.status === 'not_run') lines.push(`      not run: ${check.reason ?? ''}`);
      if (check.status !== 'failed') continue;
      lines.push(
        `      ${paint.red('why')}: ${check.reason ?? ''}`,
        `      ${paint.bold('fix')}: ${check.fix}`,
        `      fact: ${check.fact}`,
      );
      const traffic = failedTraffic(check);
      if (traffic.length > 0) lines.push('      traffic of the failed turn:', ...traffic);
    }
  }
  lines.push('', formatScoreLine(result, options.color), '');
  return lines.join('\n');
}
