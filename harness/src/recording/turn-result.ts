import type { Exchange, RecordingHeader } from '#contracts';
import { isScrubbedPlaceholder, type LinedExchange, type RecordedTurn } from '#mock-server';
import type { StepKind, StepResult } from '../run/run-result.js';
import { absent, diffValues, showValue, type FieldDiff } from './diff-values.js';
import { comparableOf, inComparedOrder } from './normalize-exchange.js';

const kinds: Readonly<Record<string, StepKind>> = {
  sendCustomerMessage: 'customer',
  sendAgentMessage: 'agent',
  acceptHandover: 'handover',
  declineHandover: 'handover',
  resolveRoom: 'resolve',
  setRoomBot: 'bot_active',
};

function summaryOf(turn: RecordedTurn): string {
  const { exchange } = turn.driver;
  const body = exchange.request.body as { text?: unknown; postback?: unknown } | null;
  const said =
    typeof body?.postback === 'string'
      ? `postback ${JSON.stringify(body.postback)}`
      : typeof body?.text === 'string'
        ? JSON.stringify(body.text)
        : '';
  const what =
    exchange.operation_id === 'acceptHandover'
      ? 'accept'
      : exchange.operation_id === 'declineHandover'
        ? 'decline'
        : said;
  return `${kinds[exchange.operation_id ?? ''] ?? 'customer'}: ${what}`.trim();
}

/** A stand-in of a scrubbed recording matches any value, as long as it always matches the same. */
export function scrubbedMatcher(
  header: RecordingHeader,
): (expected: unknown, actual: unknown) => boolean {
  const bound = new Map<string, unknown>();
  return (expected, actual) => {
    if (!header.scrubbed || typeof expected !== 'string' || !isScrubbedPlaceholder(expected)) {
      return false;
    }
    if (!bound.has(expected)) bound.set(expected, actual);
    return bound.get(expected) === actual;
  };
}

/**
 * Every field where the bot's side of a turn differs from the recording's, compared in
 * `inComparedOrder`; and the recorded side in that order (to find a diff's line).
 */
export function compareBotSide(
  recorded: readonly LinedExchange[],
  actual: readonly Exchange[],
  options: {
    readonly ignore?: readonly string[];
    readonly same?: (expected: unknown, actual: unknown) => boolean;
  } = {},
): { readonly recordedSide: LinedExchange[]; readonly diffs: FieldDiff[] } {
  const recordedSide = inComparedOrder(recorded, (item) => item.exchange);
  const expected = recordedSide.map((item) => comparableOf(item.exchange, options.ignore));
  const got = inComparedOrder(actual, (exchange) => exchange).map((exchange) =>
    comparableOf(exchange, options.ignore),
  );
  return { recordedSide, diffs: diffValues(expected, got, options.same) };
}

/** What replay found of one turn. */
export interface TurnOutcome {
  readonly step: StepResult;
  /** Whether the bot's side differs from the recording. */
  readonly diverged: boolean;
}

/**
 * Compares the bot's side of a turn with the recording: each exchange, in order, after
 * normalising. The step fails at the first turn that differs, naming the recording's line, and
 * lists every field that differs; once a conversation has diverged, later turns are not compared.
 */
export function turnResult(
  turn: RecordedTurn,
  actual: readonly Exchange[],
  context: {
    readonly ignore: readonly string[];
    readonly same: (expected: unknown, actual: unknown) => boolean;
    readonly compare: boolean;
    readonly driverStatus: number;
    readonly durationMs: number;
  },
): TurnOutcome {
  const { recordedSide, diffs: sideDiffs } = compareBotSide(turn.botSide, actual, context);
  const diffs: FieldDiff[] = [];
  if (context.driverStatus !== turn.driver.exchange.status) {
    diffs.push({
      path: 'status of the control call',
      expected: turn.driver.exchange.status,
      actual: context.driverStatus,
    });
  }
  diffs.push(...sideDiffs);
  const base: Pick<
    StepResult,
    'index' | 'kind' | 'column' | 'duration_ms' | 'summary' | 'violations' | 'traffic'
  > = {
    index: turn.position,
    kind: kinds[turn.driver.exchange.operation_id ?? ''] ?? 'customer',
    column: 1,
    duration_ms: context.durationMs,
    summary: summaryOf(turn),
    violations: [],
    traffic: [],
  };
  if (!context.compare || diffs.length === 0) {
    return {
      diverged: diffs.length > 0,
      step: {
        ...base,
        line: turn.driver.line,
        status: context.compare ? 'passed' : 'skipped',
        expected: null,
        actual: null,
        message: null,
      },
    };
  }
  const first = diffs[0] as FieldDiff;
  const position = /^\[(\d+)\]/.exec(first.path);
  const index = position ? Number(position[1]) : -1;
  const recorded = index >= 0 ? recordedSide[index] : undefined;
  const where = recorded ? `line ${recorded.line}` : `after line ${turn.driver.line}`;
  const which = index >= 0 ? `exchange ${index + 1} of the turn` : 'the turn';
  const listed = diffs
    .slice(0, 10)
    .map(
      (diff) =>
        `  ${diff.path}: expected ${showValue(diff.expected)}, actual ${showValue(diff.actual)}`,
    );
  const more = diffs.length > 10 ? [`  and ${diffs.length - 10} more`] : [];
  return {
    diverged: true,
    step: {
      ...base,
      line: recorded?.line ?? turn.driver.line,
      status: 'failed',
      expected: `${first.path} = ${showValue(first.expected === absent ? absent : first.expected)}`,
      actual: `${first.path} = ${showValue(first.actual)}`,
      message: [
        `the bot's side differs from the recording at ${where} (${which}, turn ${turn.position + 1}):`,
        ...listed,
        ...more,
      ].join('\n'),
    },
  };
}
