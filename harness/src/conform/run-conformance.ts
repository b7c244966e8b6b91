import { stringify } from 'yaml';
import { runConversations } from '../run/run-conversations.js';
import type { RunConversationsOptions } from '../run/run-options.js';
import type { RunResult, ScriptResult } from '../run/run-result.js';
import { parseScriptText } from '../script/parse-script-text.js';
import type { LoadedScript } from '../script/script-schema.js';
import { battery } from './battery.js';
import type { CheckScript, ConformCheck } from './conform-check.js';
import type { ConformConfig } from './conform-config.js';
import type { CheckResult, ConformResult } from './conform-result.js';

/** What `runConformance` runs against: the bot and the mock as `runConversations` takes them. */
export type RunConformanceOptions = Omit<
  RunConversationsOptions,
  'paths' | 'scripts' | 'concurrency'
> & {
  readonly config: ConformConfig;
  /** The checks to run (default: the whole battery). */
  readonly checks?: readonly ConformCheck[];
};

/** A check's conversation as a script file would hold it, read by the scripts' own parser. */
function loadCheckScript(check: ConformCheck, script: CheckScript, index: number): LoadedScript {
  const file = `conform/${check.id}/${index + 1}.yaml`;
  const text = stringify(
    { name: `${check.id}: ${script.name}`, channel: script.channel, steps: script.steps },
    { lineWidth: 0 },
  );
  const parsed = parseScriptText(file, text, false);
  // The battery is ours: a script it builds that does not parse is a bug, not a finding.
  if (!parsed.ok)
    throw new Error(`the conformance script ${file} is invalid:\n${parsed.problems.join('\n')}`);
  return parsed.script;
}

interface PlannedCheck {
  readonly check: ConformCheck;
  readonly skipped: string | null;
  readonly notRun: string | null;
  readonly scripts: readonly LoadedScript[];
  readonly together: readonly boolean[];
}

function plan(check: ConformCheck, config: ConformConfig): PlannedCheck {
  const skipped = config.skip[check.id] ?? check.skipWhen?.(config) ?? null;
  const notRun = skipped === null ? (check.notRunWhen?.() ?? null) : null;
  const specs = skipped === null && notRun === null ? check.scripts(config) : [];
  return {
    check,
    skipped,
    notRun,
    scripts: specs.map((spec, index) => loadCheckScript(check, spec, index)),
    together: specs.map((spec) => spec.together === true),
  };
}

function judge(
  planned: PlannedCheck,
  byFile: ReadonlyMap<string, ScriptResult>,
  all: readonly ScriptResult[],
): CheckResult {
  const { check } = planned;
  const base = {
    id: check.id,
    area: check.area,
    severity: check.severity,
    title: check.title,
    fact: check.fact,
    fix: check.fix,
  };
  if (planned.skipped !== null)
    return { ...base, status: 'skipped', reason: planned.skipped, scripts: [] };
  if (planned.notRun !== null)
    return { ...base, status: 'not_run', reason: planned.notRun, scripts: [] };
  const scripts = planned.scripts.flatMap((script) => byFile.get(script.file) ?? []);
  const whyNot = (script: ScriptResult) =>
    script.status === 'passed' ? null : (check.inapplicable?.(script, { scripts: all }) ?? null);
  const inapplicable = scripts.flatMap((script) => whyNot(script) ?? []);
  if (scripts.length > 0 && inapplicable.length === scripts.length)
    return { ...base, status: 'skipped', reason: inapplicable[0] ?? null, scripts };
  const failedScript = scripts.find(
    (script) => script.status !== 'passed' && whyNot(script) === null,
  );
  const runFinding = check.judgeRun?.({ scripts: all }) ?? null;
  let reason: string | null = null;
  if (failedScript) {
    const step = failedScript.steps.find((s) => s.status === 'failed');
    const lateError = failedScript.violations.find((v) => v.severity === 'error');
    reason = `${failedScript.name.replace(`${check.id}: `, '')}: ${
      failedScript.error ??
      (step
        ? `step ${step.index + 1} (${step.summary}): ${step.message ?? 'failed'}`
        : (lateError?.message ?? 'failed'))
    }`;
  } else if (runFinding !== null) {
    reason = runFinding;
  }
  return { ...base, status: reason === null ? 'passed' : 'failed', reason, scripts };
}

function score(checks: readonly CheckResult[]): Pick<ConformResult, 'score' | 'summary'> {
  const count = (severity: 'must' | 'should', status: CheckResult['status']) =>
    checks.filter((c) => c.severity === severity && c.status === status).length;
  const must = { passed: count('must', 'passed'), failed: count('must', 'failed') };
  const ran = must.passed + must.failed;
  return {
    score: ran === 0 ? null : Math.floor((must.passed / ran) * 100),
    summary: {
      must,
      should: { passed: count('should', 'passed'), failed: count('should', 'failed') },
      skipped: checks.filter((c) => c.status === 'skipped').length,
      not_run: checks.filter((c) => c.status === 'not_run').length,
    },
  };
}

/**
 * Runs the conformance battery against a bot through `runConversations`: the conversations one
 * after the other (each check's switches and timings undisturbed), then those that must run at
 * the same time (rooms interleaved), and judges every check from its conversations and from the
 * findings of the whole run. Score: passed must-checks over must-checks that ran.
 */
export async function runConformance(options: RunConformanceOptions): Promise<ConformResult> {
  const { config, checks = battery, ...run } = options;
  const planned = checks.map((check) => plan(check, config));
  const apart: LoadedScript[] = [];
  const together: LoadedScript[] = [];
  for (const item of planned) {
    item.scripts.forEach((script, index) => (item.together[index] ? together : apart).push(script));
  }
  const runs: RunResult[] = [];
  for (const [scripts, concurrency] of [
    [apart, 1],
    [together, Math.max(1, together.length)],
  ] as const) {
    if (scripts.length === 0) continue;
    runs.push(await runConversations({ ...run, paths: [], scripts, concurrency }));
  }
  const all = runs.flatMap((result) => result.scripts);
  const byFile = new Map(all.map((script) => [script.file, script]));
  const results = planned.map((item) => judge(item, byFile, all));
  const first = runs[0];
  return {
    format: 'qiscus-mock-conform',
    version: 1,
    started_at: first?.started_at ?? new Date(0).toISOString(),
    duration_ms: runs.reduce((sum, result) => sum + result.duration_ms, 0),
    bot: first?.bot ?? {
      kind: run.botCmd ? 'command' : run.botUrl ? 'url' : 'reference',
      url: run.botUrl ?? '',
      command: run.botCmd ?? null,
      output: null,
    },
    ...score(results),
    checks: results,
  };
}
