import type { MockServer } from '#mock-server';
import type { Clock } from '#mock-server';
import type { LoadedScript, LoadedStep } from '../script/script-schema.js';
import type { EventRouter } from './event-router.js';
import { RoomFollower } from './room-follower.js';
import type { ScriptResult, StepResult, Violation } from './run-result.js';
import { describeBotMessage, readBotMessage } from './steps/read-bot-message.js';
import { beginsTurn, runStep } from './steps/run-step.js';
import { RunStopped, failed, type StepContext, type StepOutcome } from './steps/step-context.js';
import { violationOutcome } from './steps/violation-outcome.js';

/** What running one script needs from the run. */
export interface ScriptRunDeps {
  readonly mock: MockServer;
  readonly router: EventRouter;
  readonly clock: Clock;
  readonly signal: AbortSignal;
  /** The run's default timeout of a wait. */
  readonly timeoutMs: number;
  /** Who the customer is (the script's, or one made for it). */
  readonly customer: { readonly id: string; readonly name: string };
  /** Waits, after the last step, for what the bot may still do in the room (the reference bot's drain). */
  readonly settle: () => Promise<void>;
}

/** A script's result, and its follower, which keeps collecting findings that come late. */
export interface ScriptRun {
  readonly result: ScriptResult;
  readonly follower: RoomFollower;
}

/** A step that did not run: the script stopped before it. */
export function skipped(step: LoadedStep): StepResult {
  return {
    index: step.index,
    kind: step.kind,
    line: step.line,
    column: step.column,
    status: 'skipped',
    duration_ms: 0,
    summary: step.summary,
    expected: null,
    actual: null,
    message: null,
    violations: [],
    traffic: [],
  };
}

/** The bot's messages in the room that no step took, once every step has passed. */
function unreadBotMessages(follower: RoomFollower): Violation[] {
  const unread: Violation[] = [];
  for (let message = follower.nextBotMessage(); message; message = follower.nextBotMessage()) {
    unread.push({
      code: 'UNREAD_BOT_MESSAGE',
      severity: 'warning',
      operation_id: 'postBotMessage',
      direction: 'from_bot',
      exchange_seq: null,
      path: null,
      message: `after the last step, a message no step expected: ${describeBotMessage(readBotMessage(message))}. Add a \`bot\` step for it, or find why the bot sent it.`,
    });
  }
  return unread;
}

function roundMs(ms: number): number {
  return Math.round(ms * 10) / 10;
}

/**
 * Runs one script in its own room: each step in order, each expectation with its timeout; every
 * contract finding of the room goes to the step running when it arrives, and an error among them
 * fails that step even if the script did not mention it. After the first failed step the rest
 * are skipped. A failed step keeps its turn's traffic for the report; passed steps keep none.
 */
export async function runScript(script: LoadedScript, deps: ScriptRunDeps): Promise<ScriptRun> {
  const { clock, router } = deps;
  const follower = new RoomFollower();
  const context: StepContext = {
    mock: deps.mock,
    router,
    follower,
    script,
    customer: deps.customer,
    signal: deps.signal,
  };
  const started = clock.monotonic();
  const steps: StepResult[] = [];
  const violations: Violation[] = [];
  let stopped = false;
  let error: string | null = null;
  // A script that switches the whole app's bot leaves it as it found it, pass or fail.
  const switchesApp = script.steps.some(
    (step) => step.kind === 'bot_switch' && step.scope === 'app',
  );
  const appBotBefore = switchesApp ? deps.mock.settings().bot_enabled : null;
  // So does one that changes the mock's settings.
  const changesSettings = script.steps.some((step) => step.kind === 'settings');
  const allocationBefore = changesSettings ? deps.mock.settings().auto_agent_allocation : null;
  router.setRunning(follower, true);
  try {
    for (const step of script.steps) {
      if (stopped) {
        steps.push(skipped(step));
        continue;
      }
      if (beginsTurn(step)) follower.beginTurn();
      follower.beginStep();
      const stepStarted = clock.monotonic();
      let outcome: StepOutcome;
      try {
        const own = 'timeoutMs' in step ? step.timeoutMs : null;
        outcome = await runStep(step, context, own ?? script.timeoutMs ?? deps.timeoutMs);
      } catch (caught) {
        if (!(caught instanceof RunStopped)) throw caught;
        error = `the run was stopped during step ${step.index + 1} (${script.file}:${step.line}:${step.column})`;
        outcome = failed('the run was stopped during this step');
      }
      if (follower.failure !== undefined) throw follower.failure;
      const findings = follower.stepFindings();
      const firstError = findings.errors[0];
      if (outcome.status === 'passed' && firstError) outcome = violationOutcome(firstError, null);
      const failure = outcome.status === 'failed' ? outcome : null;
      steps.push({
        index: step.index,
        kind: step.kind,
        line: step.line,
        column: step.column,
        status: outcome.status,
        duration_ms: roundMs(clock.monotonic() - stepStarted),
        summary: step.summary,
        expected: failure?.expected ?? null,
        actual: failure?.actual ?? null,
        message: failure?.message ?? null,
        violations: findings.violations,
        traffic: failure ? follower.traffic() : [],
      });
      stopped = failure !== null || error !== null;
    }
    if (error === null) {
      // What the bot still does in the room after the last step is the script's too.
      follower.beginStep();
      await follower.waitFor(
        () => (follower.deliveriesPending ? undefined : true),
        deps.timeoutMs,
        deps.signal,
        false,
      );
      await deps.settle();
      violations.push(...follower.stepFindings().violations);
      if (!stopped) violations.push(...unreadBotMessages(follower));
    }
  } catch (caught) {
    error = `the harness failed while running this script: ${caught instanceof Error ? (caught.stack ?? caught.message) : String(caught)}`;
  } finally {
    if (appBotBefore !== null) deps.mock.configure({ bot_enabled: appBotBefore });
    if (allocationBefore !== null) deps.mock.configure({ auto_agent_allocation: allocationBefore });
    router.setRunning(follower, false);
    follower.finish();
  }
  const failedSteps = steps.some((step) => step.status === 'failed');
  const failedLate = violations.some((violation) => violation.severity === 'error');
  return {
    follower,
    result: {
      file: script.file,
      name: script.name,
      channel: script.channel,
      room_id: follower.roomId,
      status: error !== null ? 'error' : failedSteps || failedLate ? 'failed' : 'passed',
      duration_ms: roundMs(clock.monotonic() - started),
      steps: [...steps, ...script.steps.slice(steps.length).map(skipped)],
      violations,
      error,
    },
  };
}
