import type { RunResult, ScriptResult } from '../run/run-result.js';
import { escapeXmlAttribute, escapeXmlText } from './escape-xml.js';
import { formatScriptFailure, formatViolation } from './format-script-failure.js';

function seconds(ms: number): string {
  return (ms / 1000).toFixed(3);
}

function attributes(values: Readonly<Record<string, string | number | undefined>>): string {
  return Object.entries(values)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([name, value]) => ` ${name}="${escapeXmlAttribute(String(value))}"`)
    .join('');
}

/**
 * `examples/conversations/greeting.yaml` → `examples.conversations.greeting`: Jenkins splits a
 * class name at its dots into package and class, so folders group the scripts as packages.
 */
function className(file: string): string {
  return file.replace(/\.(ya?ml|json)$/i, '').replace(/[\\/]+/g, '.');
}

/** The failure's one line: where, which step, and why. */
function failureHead(script: ScriptResult): { message: string; type: string; line?: number } {
  const step = script.steps.find((candidate) => candidate.status === 'failed');
  if (step === undefined) {
    const violation = script.violations.find((candidate) => candidate.severity === 'error');
    return {
      message: violation === undefined ? 'The script failed.' : formatViolation(violation),
      type: violation?.code ?? 'failure',
    };
  }
  const why =
    step.message ??
    (step.expected === null ? 'failed' : `expected ${step.expected}, got ${step.actual ?? '?'}`);
  const violation = step.violations.find((candidate) => candidate.severity === 'error');
  return {
    message: `${script.file}:${step.line}:${step.column} step ${step.index + 1} ${step.summary}: ${why}`,
    type: violation?.code ?? 'expectation',
    line: step.line,
  };
}

function testCase(script: ScriptResult): string[] {
  const common = { classname: className(script.file), name: script.name, file: script.file };
  const details = escapeXmlText(formatScriptFailure(script).join('\n'));
  switch (script.status) {
    case 'passed':
      return [`    <testcase${attributes({ ...common, time: seconds(script.duration_ms) })}/>`];
    case 'failed': {
      const { line, ...head } = failureHead(script);
      return [
        `    <testcase${attributes({ ...common, line, time: seconds(script.duration_ms) })}>`,
        `      <failure${attributes(head)}>${details}</failure>`,
        '    </testcase>',
      ];
    }
    case 'error': {
      const message = (script.error ?? 'The script could not run.').split('\n')[0];
      return [
        `    <testcase${attributes({ ...common, time: seconds(script.duration_ms) })}>`,
        `      <error${attributes({ message, type: 'error' })}>${details}</error>`,
        '    </testcase>',
      ];
    }
  }
}

/**
 * The JUnit XML report that Jenkins, GitLab and GitHub test-report actions read.
 *
 * One `<testsuite>` for the run and one `<testcase>` per script: a run has one bot, one mock and
 * one clock, and the spawned bot's output (`<system-out>`) belongs to the run, not to a script.
 * Each test case names its file (`file`, and `line` of the failed step, which GitHub actions
 * annotate) and a class name made from its path, which Jenkins groups into packages by folder.
 */
export function formatJunitReport(result: RunResult): string {
  const { summary, bot } = result;
  const totals = {
    tests: summary.scripts,
    failures: summary.failed,
    errors: summary.errors,
    skipped: 0,
    time: seconds(result.duration_ms),
    timestamp: result.started_at,
  };
  const output = bot.output === null || bot.output === '' ? [] : [bot.output];
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites${attributes({ name: 'qiscus-mock test', ...totals })}>`,
    `  <testsuite${attributes({ name: 'qiscus-mock test', ...totals })}>`,
    '    <properties>',
    `      <property${attributes({ name: 'bot.kind', value: bot.kind })}/>`,
    `      <property${attributes({ name: 'bot.url', value: bot.url })}/>`,
    ...(bot.command === null
      ? []
      : [`      <property${attributes({ name: 'bot.command', value: bot.command })}/>`]),
    '    </properties>',
    ...result.scripts.flatMap(testCase),
    ...output.map((text) => `    <system-out>${escapeXmlText(text)}</system-out>`),
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}
