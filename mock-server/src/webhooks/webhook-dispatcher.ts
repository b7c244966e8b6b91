import { setTimeout as delay } from 'node:timers/promises';
import type { Delivery, DeliveryAttempt, DeliveryMode, DeliverySkipReason } from '#contracts';
import { formatTimestamp, type Clock } from '../clock.js';
import type { IdGenerator } from '../id-generator.js';
import type { TrafficLog } from '../traffic/traffic-log.js';
import { attemptExchange, attemptHeaders } from './attempt-exchange.js';
import { BotPools } from './bot-pools.js';
import { describeFailure, readHead } from './delivery-answer.js';
import { checkWebhookTarget } from './webhook-target.js';

/** The delivery once its wait is over. */
function withoutNextRetry(delivery: Delivery): Delivery {
  const copy = { ...delivery };
  delete copy.next_retry_at;
  return copy;
}

/** How many bytes of the bot's answer the delivery log keeps. */
const responseHeadBytes = 512;

/** What the dispatcher needs to know at the moment it sends. */
export interface DispatchSettings {
  readonly botUrl: string | null;
  readonly mode: DeliveryMode;
  readonly allowRemoteWebhook: boolean;
}

/** A webhook to send. */
export interface WebhookJob {
  readonly webhook: string;
  readonly roomId: string;
  readonly commentId: number;
  readonly body: unknown;
  /** Set when the webhook must not be sent; the delivery is logged as skipped with this reason. */
  readonly skip?: { readonly reason: DeliverySkipReason; readonly message: string };
  /**
   * Told once the delivery has settled, with the receiver's answer when it was a 2xx (its first
   * 16 KiB); what it returns is added to the delivery's reason.
   */
  readonly onSettled?: (delivery: Delivery, answer: string | null) => string | undefined;
}

/** How much of a 2xx answer is kept for a job that reads it. */
const answerBytes = 16 * 1024;

interface DeliveryState {
  delivery: Delivery;
  readonly generation: number;
  /**
   * Aborted by a reset (of its generation) or by close: the one signal of the generation, shared
   * by its deliveries, so a delivery costs no signal of its own.
   */
  readonly signal: AbortSignal;
  /** The webhook body as sent; kept as text only, which costs least. */
  readonly body: string;
  settled: Promise<Delivery>;
  /** Who receives it, as the delivery's reasons name it. */
  readonly receiver: string;
  readonly onSettled?: WebhookJob['onSettled'];
  /** The last 2xx answer, kept only when `onSettled` reads it. */
  answer: string | null;
}

/** What one attempt came to. */
interface AttemptOutcome {
  readonly attempt: DeliveryAttempt;
  readonly retryable: boolean;
}

/**
 * Sends webhooks to the bot through one keep-alive undici Pool per bot origin, logs every attempt,
 * and tracks everything in flight so `drain()` resolves once all deliveries have settled.
 */
export class WebhookDispatcher {
  private readonly deliveries = new Map<string, DeliveryState>();
  /**
   * The ids of the settled deliveries still logged, in the order they settled: the byte budget
   * lets these go first, without walking past the pending ones (a queue of thousands, when the
   * bot is slower than its customers) on every new delivery.
   */
  private readonly settledIds = new Set<string>();
  /** The bytes of the bodies of the deliveries logged. */
  private bytes = 0;
  /** How many deliveries are waiting to be sent or retried. */
  private pending = 0;
  private readonly pools = new BotPools();
  private readonly inFlight = new Set<Promise<unknown>>();
  private readonly roomQueues = new Map<string, Promise<unknown>>();
  /** Aborted by close(): attempts in flight are cut off (after the grace period). */
  private readonly stop = new AbortController();
  /** Aborted when close() begins: no attempt starts any more, and waits for a retry end. */
  private readonly closing = new AbortController();
  /** Bumped by clear(), so deliveries still in flight from before leave no trace after it. */
  private generation = 0;
  /**
   * Aborted by clear() (retries and delays of deliveries from before a reset stop there) and by
   * close() once its grace period is over. Attempts in flight are cut off by destroying the pools.
   */
  private generationStop = new AbortController();
  /** How many attempts are waiting for an answer. */
  private attempting = 0;

  constructor(
    private readonly deps: {
      readonly clock: Clock;
      readonly ids: IdGenerator;
      readonly traffic: TrafficLog;
      readonly settings: () => DispatchSettings;
      readonly random: () => number;
      readonly timeoutMs: number;
      readonly maxAttempts: number;
      readonly retryDelayMs: number;
      /** The longest wait between two attempts. */
      readonly maxRetryDelayMs?: number;
      /** How long retries go on, from the first attempt. */
      readonly retryForMs?: number;
      /** How many deliveries may be pending at once. */
      readonly maxPending?: number;
      readonly chaosMaxDelayMs: number;
      readonly limit: number;
      /** The bytes of webhook bodies the log keeps; settled deliveries go beyond it, first settled first. */
      readonly maxBytes?: number;
      /** Told of each delivery as it is logged and whenever it changes. */
      readonly onChange?: (delivery: Delivery) => void;
      /**
       * Where a webhook other than the bot's goes now (null: nowhere); undefined for the bot's,
       * which goes to `settings().botUrl`.
       */
      readonly webhookUrl?: (webhook: string) => string | null | undefined;
    },
  ) {}

  /** Logs a webhook and starts sending it (or logs why it is not sent). */
  dispatch(job: WebhookJob, redeliveryOf: string | null = null): Delivery {
    const { clock, ids } = this.deps;
    const settings = this.deps.settings();
    const id = `dlv_${ids.next('delivery')}`;
    const now = formatTimestamp(clock.now());
    const own = this.deps.webhookUrl?.(job.webhook);
    const target = own === undefined ? settings.botUrl : own;
    const skip =
      job.skip ??
      (target !== null
        ? undefined
        : own === undefined
          ? {
              reason: 'NO_BOT_URL' as const,
              message:
                'No bot URL is set: start with --bot-url, PATCH /_mock/config {"bot_url": …}, or POST /api/v1/app/bot/integrate.',
            }
          : {
              reason: 'NO_WEBHOOK_URL' as const,
              message: `The ${job.webhook} webhook has no URL or is switched off: PATCH /_mock/config {"webhooks": …} sets it.`,
            });
    const full =
      !skip && this.pending >= (this.deps.maxPending ?? Number.POSITIVE_INFINITY)
        ? `Not sent: ${this.pending} deliveries are waiting already, the most the queue holds (is the bot down?); redeliver it later with POST /_mock/deliveries/${id}/redeliver.`
        : undefined;
    const delivery: Delivery = {
      id,
      webhook: job.webhook,
      room_id: job.roomId as Delivery['room_id'],
      comment_id: job.commentId,
      url: target,
      status: skip ? 'skipped' : full ? 'failed' : 'pending',
      skip_reason: skip?.reason ?? null,
      reason: skip?.message ?? full ?? 'Sending.',
      created_at: now,
      settled_at: skip || full ? now : null,
      attempts: [],
      redelivery_of: redeliveryOf,
    };
    const body = JSON.stringify(job.body);
    const state: DeliveryState = {
      delivery,
      generation: this.generation,
      signal: this.generationStop.signal,
      body,
      settled: Promise.resolve(delivery),
      receiver: own === undefined ? 'the bot' : 'the receiver',
      answer: null,
      ...(job.onSettled ? { onSettled: job.onSettled } : {}),
    };
    this.deliveries.set(id, state);
    if (delivery.status !== 'pending') this.settledIds.add(id);
    this.bytes += body.length;
    this.deps.onChange?.(state.delivery);
    if (!skip && !full && target !== null) {
      this.pending += 1;
      state.settled = this.schedule(state, target, settings.mode);
      void state.settled.finally(() => {
        this.pending -= 1;
      });
    } else if (state.onSettled) {
      state.settled = this.track(Promise.resolve().then(() => this.finish(state)));
    }
    if (this.deliveries.size > this.deps.limit) {
      const oldest = this.deliveries.keys().next().value;
      if (oldest !== undefined) this.forget(oldest);
    }
    this.keepWithinBytes();
    return { ...delivery, attempts: [] };
  }

  private forget(id: string): void {
    const state = this.deliveries.get(id);
    if (!state) return;
    this.bytes -= state.body.length;
    this.deliveries.delete(id);
    this.settledIds.delete(id);
  }

  /** Lets settled deliveries go, the first settled first, while the bodies weigh more than the budget. */
  private keepWithinBytes(): void {
    const max = this.deps.maxBytes ?? Number.POSITIVE_INFINITY;
    for (const id of this.settledIds) {
      if (this.bytes <= max) return;
      this.forget(id);
    }
  }

  /** Tells the job's `onSettled` how it went, and notes what that did. */
  private finish(state: DeliveryState): Delivery {
    const note = state.onSettled?.(state.delivery, state.answer);
    state.answer = null;
    if (note === undefined) return state.delivery;
    state.delivery = { ...state.delivery, reason: `${state.delivery.reason} ${note}` };
    this.deps.onChange?.(state.delivery);
    return state.delivery;
  }

  private track<T>(run: Promise<T>): Promise<T> {
    this.inFlight.add(run);
    void run.finally(() => this.inFlight.delete(run));
    return run;
  }

  private schedule(state: DeliveryState, url: string, mode: DeliveryMode): Promise<Delivery> {
    const roomId = state.delivery.room_id;
    const send = () => this.send(state, url, mode).then(() => this.finish(state));
    let run: Promise<Delivery>;
    if (mode === 'reliable') {
      // Keep each room's webhooks in order: one starts after the previous settled.
      const previous = this.roomQueues.get(roomId) ?? Promise.resolve();
      run = previous.then(send, send);
      this.roomQueues.set(roomId, run);
      void run.finally(() => {
        if (this.roomQueues.get(roomId) === run) this.roomQueues.delete(roomId);
      });
    } else {
      run = Promise.resolve().then(send);
    }
    return this.track(run);
  }

  /** The target last checked: the bot URL rarely changes, and a URL is parsed once for it. */
  private lastTarget:
    | {
        readonly text: string;
        readonly allowRemote: boolean;
        readonly check: ReturnType<typeof checkWebhookTarget>;
      }
    | undefined;

  private checkTarget(text: string): ReturnType<typeof checkWebhookTarget> {
    const { allowRemoteWebhook } = this.deps.settings();
    const last = this.lastTarget;
    if (last?.text === text && last.allowRemote === allowRemoteWebhook) return last.check;
    const check = checkWebhookTarget(text, allowRemoteWebhook);
    this.lastTarget = { text, allowRemote: allowRemoteWebhook, check };
    return check;
  }

  private async send(state: DeliveryState, url: string, mode: DeliveryMode): Promise<Delivery> {
    const target = this.checkTarget(url);
    if (!target.ok) {
      const what = state.receiver === 'the bot' ? 'the bot URL' : 'the webhook URL';
      return this.settle(state, 'failed', `Not sent: ${what} ${target.message}.`);
    }
    const maxAttempts = mode === 'reliable' ? this.deps.maxAttempts : 1;
    if (mode === 'chaos') {
      await this.pause(this.deps.random() * this.deps.chaosMaxDelayMs, state.signal);
    }
    let last: AttemptOutcome | undefined;
    const firstAt = this.deps.clock.monotonic();
    for (let number = 1; number <= maxAttempts; number += 1) {
      // A reset, or the mock shutting down, during the pause ends the delivery here.
      if (state.signal.aborted || this.closing.signal.aborted) break;
      last = await this.attempt(state, target.url, number);
      state.delivery = { ...state.delivery, attempts: [...state.delivery.attempts, last.attempt] };
      const wait = last.retryable && number < maxAttempts ? this.retryDelay(number, firstAt) : null;
      if (wait === null) {
        this.deps.onChange?.(state.delivery);
        break;
      }
      state.delivery = {
        ...state.delivery,
        next_retry_at: formatTimestamp(this.deps.clock.now() + wait),
      };
      this.deps.onChange?.(state.delivery);
      await this.pause(wait, state.signal);
      state.delivery = withoutNextRetry(state.delivery);
    }
    if (
      mode === 'chaos' &&
      last?.attempt.error === null &&
      !this.closing.signal.aborted &&
      this.deps.random() < 0.25
    ) {
      // Chaos: the same webhook arrives twice, as an at-least-once sender may do.
      const duplicate = await this.attempt(state, target.url, state.delivery.attempts.length + 1);
      state.delivery = {
        ...state.delivery,
        attempts: [...state.delivery.attempts, duplicate.attempt],
      };
      this.deps.onChange?.(state.delivery);
    }
    const count = state.delivery.attempts.length;
    const tries = count === 1 ? '' : ` (${count} attempts)`;
    if (!last) {
      return this.settle(
        state,
        'failed',
        this.closing.signal.aborted
          ? 'Not sent: the mock shut down before its turn came.'
          : 'Not sent: the mock was reset first.',
      );
    }
    if (last.retryable && this.closing.signal.aborted && !state.signal.aborted) {
      return this.settle(
        state,
        'failed',
        `Not delivered: the mock shut down while it waited to retry${tries}: ${last.attempt.error ?? ''}.`,
      );
    }
    if (last.attempt.error === null) {
      const who = state.receiver === 'the bot' ? 'The bot' : 'The receiver';
      return this.settle(
        state,
        'delivered',
        `${who} answered ${last.attempt.status_code}${tries}.`,
      );
    }
    return this.settle(state, 'failed', `Delivery failed${tries}: ${last.attempt.error}.`);
  }

  /**
   * The wait before attempt `number + 1`: the first delay doubled each time, capped, or null once
   * the retry window (from the first attempt) would be passed.
   */
  private retryDelay(number: number, firstAt: number): number | null {
    const { retryDelayMs, maxRetryDelayMs, retryForMs, clock } = this.deps;
    const wait = Math.min(retryDelayMs * 2 ** (number - 1), maxRetryDelayMs ?? Infinity);
    const elapsed = clock.monotonic() - firstAt;
    return elapsed + wait > (retryForMs ?? Infinity) ? null : wait;
  }

  /** Waits `ms`, or less when `signal` (a reset) aborts or the mock begins to shut down. */
  private async pause(ms: number, signal: AbortSignal): Promise<void> {
    if (ms <= 0) return;
    const either = AbortSignal.any([signal, this.closing.signal]);
    await delay(ms, undefined, { signal: either }).catch(() => undefined);
  }

  private async attempt(state: DeliveryState, url: URL, number: number): Promise<AttemptOutcome> {
    const { clock, timeoutMs } = this.deps;
    const startedAt = clock.now();
    const started = clock.monotonic();
    // Taken as it is sent: the bot's calls it leads to begin after it, logged before it or not.
    const startSeq = this.deps.traffic.start();
    const headers = attemptHeaders(state.delivery.id, number);
    let statusCode: number | null = null;
    let head = '';
    let error: string | null = null;
    this.attempting += 1;
    try {
      const pool = this.pools.ready(url) ?? (await this.pools.get(url));
      const response = await pool.request({
        method: 'POST',
        path: `${url.pathname}${url.search}`,
        headers,
        body: state.body,
        headersTimeout: timeoutMs,
        bodyTimeout: timeoutMs,
      });
      statusCode = response.statusCode;
      const text = await readHead(response.body, state.onSettled ? answerBytes : responseHeadBytes);
      head = text.slice(0, responseHeadBytes);
      if (statusCode < 200 || statusCode > 299) {
        error =
          statusCode >= 300 && statusCode < 400
            ? `${state.receiver} answered ${statusCode} (a redirect; webhooks do not follow redirects)`
            : `${state.receiver} answered ${statusCode}`;
      } else if (state.onSettled) {
        state.answer = text;
      }
    } catch (cause) {
      error = this.stop.signal.aborted
        ? `cut off: the mock shut down before the bot answered (${this.stop.signal.reason as string})`
        : describeFailure(cause, url.href, timeoutMs);
    } finally {
      this.attempting -= 1;
    }
    const latency = Math.round((clock.monotonic() - started) * 100) / 100;
    if (state.generation === this.generation) {
      const { webhook, room_id: roomId } = state.delivery;
      this.deps.traffic.record(
        attemptExchange(
          { startSeq, webhook, roomId, url, headers, body: state.body },
          { statusCode, head, error },
        ),
      );
    }
    const retryable =
      error !== null &&
      (statusCode === null || statusCode >= 500 || statusCode === 429 || statusCode === 408);
    return {
      retryable,
      attempt: {
        number,
        started_at: formatTimestamp(startedAt),
        status_code: statusCode,
        latency_ms: latency,
        error,
        response_head: head,
      },
    };
  }

  private settle(state: DeliveryState, status: 'delivered' | 'failed', reason: string): Delivery {
    state.delivery = {
      ...state.delivery,
      status,
      reason,
      settled_at: formatTimestamp(this.deps.clock.now()),
    };
    if (this.deliveries.get(state.delivery.id) === state) this.settledIds.add(state.delivery.id);
    this.deps.onChange?.(state.delivery);
    return state.delivery;
  }

  /** Resolves with the delivery once it has settled (delivered, failed or skipped). */
  async settled(id: string): Promise<Delivery> {
    const state = this.deliveries.get(id);
    if (!state) throw new Error(`no delivery ${id}`);
    await state.settled;
    return state.delivery;
  }

  get(id: string): Delivery | undefined {
    return this.deliveries.get(id)?.delivery;
  }

  /** The delivery log, oldest first. */
  list(): Delivery[] {
    return [...this.deliveries.values()].map((state) => state.delivery);
  }

  /** Sends a logged webhook again, to the bot URL set now, as a new delivery. */
  redeliver(id: string): Delivery | undefined {
    const state = this.deliveries.get(id);
    if (!state) return undefined;
    return this.dispatch(
      {
        webhook: state.delivery.webhook,
        roomId: state.delivery.room_id,
        commentId: state.delivery.comment_id,
        body: JSON.parse(state.body) as unknown,
      },
      id,
    );
  }

  /** Resolves when every delivery started so far (and any they lead to) has settled. */
  async drain(): Promise<void> {
    while (this.inFlight.size > 0) {
      await Promise.allSettled([...this.inFlight]);
    }
  }

  /** Forgets the log; deliveries in flight finish but are not kept. */
  clear(): void {
    this.generation += 1;
    this.generationStop.abort();
    this.generationStop = new AbortController();
    // Attempts in flight from before the reset are cut off with their connections.
    if (this.attempting > 0) this.pools.destroy();
    this.roomQueues.clear();
    this.deliveries.clear();
    this.settledIds.clear();
    this.bytes = 0;
  }

  /**
   * Shuts down: no attempt starts any more and waits for a retry end (those deliveries settle as
   * failed, saying so); attempts in flight have `graceMs` to be answered, then are cut off. Every
   * delivery is settled when it resolves, and every connection closed.
   */
  async close(graceMs: number = this.deps.timeoutMs): Promise<void> {
    this.closing.abort();
    const grace = new AbortController();
    await Promise.race([
      this.drain(),
      delay(graceMs, undefined, { signal: grace.signal }).catch(() => undefined),
    ]);
    grace.abort();
    this.stop.abort(`not answered within the ${graceMs} ms grace period`);
    this.generationStop.abort();
    if (this.attempting > 0) this.pools.destroy();
    await this.drain();
    await this.pools.close();
  }
}
