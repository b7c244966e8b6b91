import {
  createMockServer,
  createSystemClock,
  groupTurns,
  type LinedExchange,
  type MockServer,
  type RecordedTurn,
} from '#mock-server';
import type { Exchange, RecordingHeader } from '#contracts';
import { startBotUnderTest, type BotUnderTest } from '../run/bot-under-test.js';
import type { ScriptResult, StepResult } from '../run/run-result.js';
import { playDriver, type RoomMap } from './play-driver.js';
import { readRecording } from './read-recording.js';
import { scrubbedMatcher, turnResult } from './turn-result.js';

/** How to replay: against which bot, what to leave out of the comparison, how long to wait. */
export interface ReplayOptions {
  readonly botUrl?: string;
  readonly botCmd?: string;
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Paths left out of the comparison, such as `request.body.payload.extras`. */
  readonly ignore: readonly string[];
  /** How long to wait for the bot's side of a turn (default 2000 ms). */
  readonly timeoutMs: number;
  readonly botStartTimeoutMs: number;
  /** The mock's port: 0 (any) unless the bot is already running and must know where it is. */
  readonly port: number;
  readonly onWarning?: (message: string) => void;
  readonly signal: AbortSignal;
}

/** A recording replayed: its conversations as script results, and what the bot did this time. */
export interface ReplayedRecording {
  readonly file: string;
  readonly header: RecordingHeader;
  readonly lines: readonly LinedExchange[];
  /** The recording's turns, in order. */
  readonly steps: readonly RecordedTurn[];
  readonly conversations: ScriptResult[];
  /** The bot's side of each turn this time, by turn (for --update). */
  readonly actual: ReadonlyMap<RecordedTurn, readonly Exchange[]>;
  readonly rooms: RoomMap;
  readonly bot: Pick<BotUnderTest, 'kind' | 'url' | 'command'> & { readonly output: string | null };
}

/** Collects the webhooks and bot calls of each replayed room, and wakes whoever waits on them. */
class BotSideLog {
  readonly byRoom = new Map<string, Exchange[]>();
  private wake: (() => void) | null = null;

  /**
   * Keeps each room's exchanges in the order they began, as the recording's turns are grouped
   * (`replay --update` writes them so): a bot call logged before the webhook that led to it goes
   * after that webhook.
   */
  take(exchange: Exchange): void {
    if (exchange.direction === 'control' || exchange.room_id === null) return;
    const list = this.byRoom.get(exchange.room_id) ?? [];
    const began = exchange.start_seq ?? Number.POSITIVE_INFINITY;
    let at = list.length;
    while (at > 0 && (list[at - 1]?.start_seq ?? 0) > began) at -= 1;
    list.splice(at, 0, exchange);
    this.byRoom.set(exchange.room_id, list);
    this.wake?.();
  }

  count(room: string): number {
    return this.byRoom.get(room)?.length ?? 0;
  }

  /** Resolves once `done()` holds, or after `timeoutMs`. */
  async until(done: () => boolean, timeoutMs: number): Promise<void> {
    if (done()) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(finish, timeoutMs);
      function finish() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = () => {
        if (done()) finish();
      };
    });
    this.wake = null;
  }
}

async function readLines(file: string, onWarning?: (message: string) => void) {
  let header: RecordingHeader | undefined;
  const lines: LinedExchange[] = [];
  for await (const item of readRecording(file, onWarning ? { onWarning } : {})) {
    if (item.kind === 'header') header = item.header;
    else lines.push({ line: item.line, exchange: item.exchange });
  }
  if (!header) throw new Error(`${file} has no header`);
  return { header, lines };
}

async function playTurn(
  turn: RecordedTurn,
  mock: MockServer,
  bot: BotUnderTest,
  log: BotSideLog,
  rooms: RoomMap,
  timeoutMs: number,
): Promise<{ status: number; actual: Exchange[] }> {
  const recordedRoom = turn.driver.exchange.room_id;
  const before = recordedRoom === null ? 0 : log.count(rooms.get(recordedRoom) ?? '');
  const status = await playDriver(mock, turn.driver.exchange, rooms);
  if (recordedRoom === null) return { status, actual: [] };
  const room = rooms.get(recordedRoom) ?? recordedRoom;
  const expected = turn.botSide.length;
  await log.until(() => log.count(room) - before >= expected, timeoutMs);
  await mock.drain();
  await bot.drain();
  return { status, actual: (log.byRoom.get(room) ?? []).slice(before) };
}

/**
 * Replays one recording into a fresh mock with the bot under test: each recorded control call of
 * the customer's and agents' side in order, waiting for the bot's side of each turn, compared with
 * the recording after normalising (ids, timestamps, room ids, avatar URLs, `ignore`).
 */
export async function replayRecording(
  file: string,
  options: ReplayOptions,
): Promise<ReplayedRecording> {
  const { header, lines } = await readLines(file, options.onWarning);
  const { steps, conversations } = groupTurns(lines);
  const clock = createSystemClock();
  const mock = await createMockServer({ appCode: header.app_code, port: options.port });
  const log = new BotSideLog();
  const unsubscribe = mock.events.subscribe((event) => {
    if (event.type === 'exchange') log.take(event.exchange);
  });
  let bot: BotUnderTest | undefined;
  try {
    bot = await startBotUnderTest({
      mock,
      clock,
      botUrl: options.botUrl,
      botCmd: options.botCmd,
      env: options.env,
      startTimeoutMs: options.botStartTimeoutMs,
      signal: options.signal,
    });
    mock.configure({ bot_url: bot.url });
    const rooms: RoomMap = new Map();
    const actual = new Map<RecordedTurn, Exchange[]>();
    const stepsByTurn = new Map<RecordedTurn, StepResult>();
    const diverged = new Set<string>();
    const same = scrubbedMatcher(header);
    for (const turn of steps) {
      if (options.signal.aborted) break;
      const started = clock.monotonic();
      const played = await playTurn(turn, mock, bot, log, rooms, options.timeoutMs);
      actual.set(turn, played.actual);
      const room = turn.driver.exchange.room_id;
      if (room === null) continue;
      const outcome = turnResult(turn, played.actual, {
        ignore: options.ignore,
        same,
        compare: !diverged.has(room),
        driverStatus: played.status,
        durationMs: Math.round(clock.monotonic() - started),
      });
      if (outcome.diverged) diverged.add(room);
      stepsByTurn.set(turn, outcome.step);
    }
    const results = conversations.map((conversation): ScriptResult => {
      const turnSteps = conversation.turns.flatMap((turn) => {
        const step = stepsByTurn.get(turn);
        return step ? [step] : [];
      });
      const first = conversation.turns[0]?.driver.exchange.request.body as {
        channel?: unknown;
      } | null;
      return {
        file,
        name: `room ${conversation.roomId}`,
        channel: typeof first?.channel === 'string' ? first.channel : null,
        room_id: rooms.get(conversation.roomId) ?? null,
        status: turnSteps.some((step) => step.status === 'failed') ? 'failed' : 'passed',
        duration_ms: turnSteps.reduce((sum, step) => sum + step.duration_ms, 0),
        steps: turnSteps,
        violations: [],
        error: null,
      };
    });
    mock.configure({ bot_enabled: false });
    return {
      file,
      header,
      lines,
      steps,
      conversations: results,
      actual,
      rooms,
      bot: { kind: bot.kind, url: bot.url, command: bot.command, output: bot.output() },
    };
  } finally {
    unsubscribe();
    try {
      await bot?.stop();
    } finally {
      await mock.close();
    }
  }
}
