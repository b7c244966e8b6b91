import type { RunResult, ScriptResult } from '../run/run-result.js';
import { createPaint, type Paint } from './create-paint.js';
import { formatElapsed } from './format-elapsed.js';
import { formatScriptFailure, formatViolation } from './format-script-failure.js';

/** How many of the spawned bot's last lines a failure report shows. */
const botOutputLines = 20;

/** How to write the report. */
export interface PrettyReportOptions {
  /** ANSI colours; the CLI turns them on for a terminal when NO_COLOR is unset. */
  readonly color?: boolean;
}

function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function summaryLine(result: RunResult, paint: Paint): string {
  const { summary } = result;
  const failed = `${summary.failed} failed`;
  const errors = count(summary.errors, 'error');
  const parts = [
    `${count(summary.scripts, 'script')}: ${paint.green(`${summary.passed} passed`)}, ${
      summary.failed > 0 ? paint.red(failed) : failed
    }, ${summary.errors > 0 ? paint.yellow(errors) : errors}`,
    count(summary.steps, 'step'),
    ...(summary.violations > 0 ? [count(summary.violations, 'contract finding')] : []),
    formatElapsed(result.duration_ms),
  ];
  return parts.join(' · ');
}

/** `12 scripts: 11 passed, 1 failed, 0 errors · 84 steps · 2.3 s` */
export function formatSummaryLine(result: RunResult, color = false): string {
  return summaryLine(result, createPaint(color));
}

function indent(lines: readonly string[], by = '  '): string[] {
  return lines.map((line) => (line === '' ? '' : `${by}${line}`));
}

function failureBlock(script: ScriptResult, paint: Paint): string[] {
  const mark = script.status === 'error' ? paint.yellow('! could not run:') : paint.red('✗');
  return [
    `${mark} ${paint.bold(script.name)} (${script.file})`,
    ...indent(formatScriptFailure(script, paint)),
  ];
}

/** Warnings of scripts that passed: nothing failed, but the bot did something worth a look. */
function warningLines(result: RunResult): string[] {
  return result.scripts
    .filter((script) => script.status === 'passed')
    .flatMap((script) =>
      [...script.violations, ...script.steps.flatMap((step) => step.violations)]
        .filter((violation) => violation.severity === 'warning')
        .map((violation) => `${script.file} (${script.name}): ${formatViolation(violation)}`),
    );
}

function botOutputBlock(result: RunResult, paint: Paint): string[] {
  const { bot } = result;
  const failing = result.summary.failed + result.summary.errors > 0;
  if (!failing || bot.kind !== 'command' || bot.output === null || bot.output.trim() === '') {
    return [];
  }
  const lines = bot.output.trimEnd().split('\n');
  const tail = lines.slice(-botOutputLines);
  const what = lines.length > tail.length ? `, last ${tail.length} lines` : '';
  return [paint.bold(`Output of the bot (${bot.command ?? 'bot'}${what}):`), ...indent(tail)];
}

/**
 * The end of the pretty report: each failure (file:line:column, the step, expected against
 * actual, the contract findings, that turn's traffic), each script that could not run, warnings
 * of passing scripts, the tail of a spawned bot's output, then the summary line.
 */
export function formatPrettyReport(result: RunResult, options: PrettyReportOptions = {}): string {
  const paint = createPaint(options.color ?? false);
  const failures = result.scripts.filter((script) => script.status !== 'passed');
  const warnings = warningLines(result);
  const sections = [
    failures.length === 0
      ? []
      : [
          paint.bold('Failures:'),
          ...failures.flatMap((script) => ['', ...failureBlock(script, paint)]),
        ],
    warnings.length === 0 ? [] : [paint.yellow('Warnings:'), ...indent(warnings)],
    botOutputBlock(result, paint),
    [summaryLine(result, paint)],
  ].filter((section) => section.length > 0);
  return `\n${sections.map((section) => section.join('\n')).join('\n\n')}\n`;
}
