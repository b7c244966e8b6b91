import { availableParallelism } from 'node:os';
import { createMockServer, createSystemClock, isMockError, type MockServer } from '#mock-server';
import { botError } from '../errors.js';
import { loadScripts } from '../script/load-scripts.js';
import type { LoadedScript } from '../script/script-schema.js';
import { startBotUnderTest, type BotUnderTest } from './bot-under-test.js';
import { EventRouter } from './event-router.js';
import { ScriptRecorder } from '../recording/script-recorder.js';
import type { RunConversationsOptions } from './run-options.js';
import { runPool } from './run-pool.js';
import type { RunResult, ScriptResult } from './run-result.js';
import { runScript, skipped, type ScriptRun } from './run-script.js';
import { scriptCustomer } from './script-customer.js';
import { RunStopped } from './steps/step-context.js';

/** The default timeout of an expectation. */
export const defaultTimeoutMs = 2000;
/** How long a spawned bot may take to answer by default. */
export const defaultBotStartTimeoutMs = 15_000;

/**
 * Scripts at once by default: most of a script's time is waiting on the bot, so a few per core
 * keep the cores busy without letting the scripts' waits crowd each other.
 */
export function defaultConcurrency(): number {
  return Math.max(2, availableParallelism() * 4);
}

function notRun(script: LoadedScript, why: string): ScriptResult {
  return {
    file: script.file,
    name: script.name,
    channel: script.channel,
    room_id: null,
    status: 'error',
    duration_ms: 0,
    steps: script.steps.map(skipped),
    violations: [],
    error: why,
  };
}

/** Findings that came after a script ended are its; an error among them fails it. */
function withLateFindings(run: ScriptRun): ScriptResult {
  const late = run.follower.takeLateViolations();
  if (late.length === 0) return run.result;
  const failedLate = late.some((violation) => violation.severity === 'error');
  return {
    ...run.result,
    violations: [...run.result.violations, ...late],
    status: run.result.status === 'passed' && failedLate ? 'failed' : run.result.status,
  };
}

function summarize(scripts: readonly ScriptResult[]): RunResult['summary'] {
  const count = (status: ScriptResult['status']) =>
    scripts.filter((s) => s.status === status).length;
  return {
    scripts: scripts.length,
    passed: count('passed'),
    failed: count('failed'),
    errors: count('error'),
    steps: scripts.reduce((sum, script) => sum + script.steps.length, 0),
    violations: scripts.reduce(
      (sum, script) =>
        sum +
        script.violations.length +
        script.steps.reduce((n, step) => n + step.violations.length, 0),
      0,
    ),
  };
}

/** Points the mock at the bot; a URL the mock will not post to is the bot's problem to report. */
function connect(mock: MockServer, bot: BotUnderTest): void {
  try {
    mock.configure({ bot_url: bot.url });
  } catch (error) {
    if (!isMockError(error)) throw error;
    throw botError(`The mock cannot send webhooks to ${bot.url}: ${error.message}`, {
      cause: error,
    });
  }
}

/**
 * Runs conversation scripts against a bot, with the mock in this process: every script in its
 * own room, `concurrency` at a time, results in script order. Scripts that name the same customer
 * on the same channel run one after the other (they share a room, as on Qiscus). Throws
 * HARNESS_ERR_SCRIPT before anything runs if a script is invalid, and HARNESS_ERR_BOT if the bot
 * cannot be started or never answers; otherwise resolves with the run's result, also when
 * scripts fail or the run is stopped.
 */
export async function runConversations(options: RunConversationsOptions): Promise<RunResult> {
  const clock = createSystemClock();
  const startedAt = clock.now();
  const started = clock.monotonic();
  const given = options.scripts ?? [];
  const scripts = [
    ...(options.paths.length > 0 || given.length === 0
      ? await loadScripts(options.paths, options.cwd)
      : []),
    ...given,
  ];
  options.onProgress?.({ type: 'loaded', scripts: scripts.length });
  const stop = new AbortController();
  const onAbort = () => {
    stop.abort();
  };
  if (options.signal?.aborted) stop.abort();
  options.signal?.addEventListener('abort', onAbort, { once: true });
  const timeoutMs = options.timeoutMs ?? defaultTimeoutMs;
  const startTimeoutMs = options.botStartTimeoutMs ?? defaultBotStartTimeoutMs;
  const mock = await createMockServer(options.mock ?? {});
  const router = new EventRouter();
  const recorder = options.record
    ? new ScriptRecorder(mock, options.record, () => new Date(clock.now()).toISOString())
    : null;
  const unsubscribe = mock.events.subscribe((event) => {
    router.route(event);
    recorder?.take(event);
  });
  // A script not run gets its progress line too, so the progress accounts for every script.
  const notRunNow = (script: LoadedScript, index: number, why: string): ScriptResult => {
    const result = notRun(script, why);
    options.onProgress?.({ type: 'script-finished', index, result });
    return result;
  };
  let bot: BotUnderTest | undefined;
  try {
    let results: ScriptResult[];
    try {
      bot = await startBotUnderTest({
        mock,
        clock,
        botUrl: options.botUrl,
        botCmd: options.botCmd,
        env: options.env,
        startTimeoutMs,
        signal: stop.signal,
        onWaiting: (url) => {
          options.onProgress?.({
            type: 'bot-waiting',
            url,
            mockUrl: mock.url,
            timeoutMs: startTimeoutMs,
          });
        },
      });
    } catch (error) {
      if (!(error instanceof RunStopped)) throw error;
    }
    const running = bot;
    if (running) {
      connect(mock, running);
      options.onProgress?.({
        type: 'bot-ready',
        kind: running.kind,
        url: running.url,
        mockUrl: mock.url,
      });
      const runs: ScriptRun[] = [];
      const settle = () => running.drain();
      results = await runPool(scripts, {
        limit: options.concurrency ?? defaultConcurrency(),
        keyOf: (script, index) => `${script.channel}\u0000${scriptCustomer(script, index).id}`,
        signal: stop.signal,
        skip: (script, index) => notRunNow(script, index, 'not run: the run was stopped before it'),
        work: async (script, index) => {
          options.onProgress?.({ type: 'script-started', file: script.file, name: script.name });
          const run = await runScript(script, {
            mock,
            router,
            clock,
            signal: stop.signal,
            timeoutMs,
            customer: scriptCustomer(script, index),
            settle,
          });
          runs[index] = run;
          await recorder?.finish(run.result);
          options.onProgress?.({ type: 'script-finished', index, result: run.result });
          return run.result;
        },
      });
      // What the bot still sends after the last script is checked too, and goes to its script.
      await mock.drain();
      await running.drain();
      results = results.map((result, index) => {
        const run = runs[index];
        return run ? withLateFindings(run) : result;
      });
    } else {
      results = scripts.map((script, index) =>
        notRunNow(script, index, 'not run: the run was stopped before the bot was ready'),
      );
    }
    // Stopped before its output is read: all it printed has come through the pipes by then.
    mock.configure({ bot_enabled: false });
    await bot?.stop();
    return {
      started_at: new Date(startedAt).toISOString(),
      duration_ms: Math.round(clock.monotonic() - started),
      bot: {
        kind: bot?.kind ?? (options.botCmd ? 'command' : options.botUrl ? 'url' : 'reference'),
        url: bot?.url ?? options.botUrl ?? '',
        command: options.botCmd ?? null,
        output: bot?.output() ?? null,
      },
      scripts: results,
      summary: summarize(results),
    };
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
    unsubscribe();
    try {
      // No new webhooks while the bot stops.
      if (bot) mock.configure({ bot_enabled: false });
      await bot?.stop();
    } finally {
      await mock.close();
    }
  }
}
