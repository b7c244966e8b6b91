import type { Delivery, Exchange, MockEvent, MockRoom, RoomMessage } from '#contracts';
import { validateExchange } from '../validation/validate-exchange.js';
import type { Violation } from './run-result.js';

/** How many exchanges of one turn are kept for the report of a failed step (the latest). */
const turnTrafficLimit = 200;

/**
 * How late a wait's timer may fire before the wait holds that the process was stalled (a long
 * GC pause, a starved CPU): events that came meanwhile are still queued behind the timer, since
 * Node runs due timers before pending I/O.
 */
const stallToleranceMs = 50;
/** How many times one wait is extended after a stall, so a machine that stalls all the time still ends. */
const stallExtensionLimit = 3;
/** The shortest extension: a few turns of the event loop for the queued events to be read. */
const stallExtensionMinMs = 100;

/** Why a wait ended without what it waited for. */
export type WaitEnd =
  | { readonly ok: false; readonly reason: 'timeout' }
  | { readonly ok: false; readonly reason: 'aborted' }
  | { readonly ok: false; readonly reason: 'violation'; readonly violation: Violation };

/** What a wait came to: the value it waited for, or why it ended without. */
export type WaitResult<T> = { readonly ok: true; readonly value: T } | WaitEnd;

/**
 * Follows one script's room through the mock's events: the bot's messages in order, where the
 * room stands, its webhook deliveries, the exchanges of the current turn, and every contract
 * finding. Waits are woken by the room's own events, never by polling.
 */
export class RoomFollower {
  roomId: string | null = null;
  room: MockRoom | null = null;
  /** The bot's messages not yet matched by a `bot` step, oldest first. */
  private readonly botMessages: RoomMessage[] = [];
  /** How many bot messages arrived in all, and how many since the current step began. */
  botMessageCount = 0;
  /** The latest delivery of the script's customer messages, as it stands. */
  latestDelivery: Delivery | null = null;
  private readonly pendingDeliveries = new Set<string>();
  /** The room's latest deliveries as they stand, so one that settled early is not missed. */
  private readonly recentDeliveries = new Map<string, Delivery>();
  private turnTraffic: Exchange[] = [];
  private stepViolations: Violation[] = [];
  private stepErrors: Violation[] = [];
  private lateViolations: Violation[] = [];
  private readonly waiters = new Set<() => void>();
  /** A bug met while following (an exception in a listener): the script ends as an error. */
  failure: Error | undefined = undefined;
  /** After the script ended: only contract findings are kept. */
  private late = false;

  /** Takes one event of the room. */
  take(event: MockEvent): void {
    switch (event.type) {
      case 'room':
        this.room = event.room;
        break;
      case 'message':
        if (event.message.sender === 'bot' && !this.late) {
          this.botMessages.push(event.message);
          this.botMessageCount += 1;
        }
        break;
      case 'delivery': {
        const { delivery } = event;
        if (delivery.status === 'pending') this.pendingDeliveries.add(delivery.id);
        else this.pendingDeliveries.delete(delivery.id);
        if (this.latestDelivery?.id === delivery.id) this.latestDelivery = delivery;
        this.recentDeliveries.delete(delivery.id);
        this.recentDeliveries.set(delivery.id, delivery);
        if (this.recentDeliveries.size > 8) {
          const oldest = this.recentDeliveries.keys().next().value;
          if (oldest !== undefined) this.recentDeliveries.delete(oldest);
        }
        break;
      }
      case 'exchange':
        this.takeExchange(event.exchange);
        break;
      default:
        return;
    }
    this.wake();
  }

  /** Takes one exchange of the room: kept for the turn, checked against the contracts. */
  takeExchange(exchange: Exchange): void {
    if (!this.late) {
      this.turnTraffic.push(exchange);
      if (this.turnTraffic.length > turnTrafficLimit) this.turnTraffic.shift();
    }
    this.addViolations(validateExchange(exchange));
  }

  /** Contract findings of the room (or ones that cannot be tied to any room). */
  addViolations(found: readonly Violation[]): void {
    if (found.length === 0) return;
    if (this.late) {
      this.lateViolations.push(...found);
      return;
    }
    for (const violation of found) {
      this.stepViolations.push(violation);
      if (violation.severity === 'error') this.stepErrors.push(violation);
    }
    this.wake();
  }

  private wake(): void {
    for (const waiter of [...this.waiters]) waiter();
  }

  /** A customer or agent step begins a turn: the traffic kept is the turn's from here. */
  beginTurn(): void {
    this.turnTraffic = [];
  }

  /** A step begins: findings from here on are its. */
  beginStep(): void {
    this.stepViolations = [];
    this.stepErrors = [];
  }

  /**
   * A finding of the current step that the step expected (a refusal it provoked): kept as a
   * warning that says so, and no longer an error of the step.
   */
  excuse(violation: Violation, why: string): void {
    const excused: Violation = {
      ...violation,
      severity: 'warning',
      message: `${violation.message} [${why}]`,
    };
    this.stepErrors = this.stepErrors.filter((found) => found !== violation);
    this.stepViolations = this.stepViolations.map((found) =>
      found === violation ? excused : found,
    );
  }

  /** The findings since the step began. */
  stepFindings(): { readonly violations: Violation[]; readonly errors: readonly Violation[] } {
    return { violations: [...this.stepViolations], errors: this.stepErrors };
  }

  /** The exchanges of the turn so far. */
  traffic(): Exchange[] {
    return [...this.turnTraffic];
  }

  /** The delivery of the customer's latest message, as it stands now. */
  followDelivery(delivery: Delivery): void {
    this.latestDelivery = this.recentDeliveries.get(delivery.id) ?? delivery;
  }

  /** The latest bot message that no step has matched yet (undefined once all are matched). */
  lastBotMessage(): RoomMessage | undefined {
    return this.botMessages.at(-1);
  }

  /** The next bot message no step has matched yet, left on the queue. */
  peekBotMessage(): RoomMessage | undefined {
    return this.botMessages[0];
  }

  /** The next bot message no step has matched yet, taken off the queue. */
  nextBotMessage(): RoomMessage | undefined {
    return this.botMessages.shift();
  }

  /** Whether a delivery of the room is still on its way. */
  get deliveriesPending(): boolean {
    return this.pendingDeliveries.size > 0;
  }

  /** The script ended: from now on only contract findings are kept, for the script's result. */
  finish(): void {
    this.late = true;
    this.turnTraffic = [];
    this.botMessages.length = 0;
    for (const waiter of [...this.waiters]) waiter();
  }

  /** The findings that came after the script ended (and empties the list). */
  takeLateViolations(): Violation[] {
    const taken = this.lateViolations;
    this.lateViolations = [];
    return taken;
  }

  /**
   * Waits until `check` gives a value, re-checking after each event of the room. Ends early with
   * the first error-severity finding of the current step, at the timeout, or when aborted.
   */
  waitFor<T>(
    check: () => T | undefined,
    timeoutMs: number,
    signal: AbortSignal,
    /** Whether an error-severity finding of the current step ends the wait (it does for steps). */
    endOnViolation = true,
  ): Promise<WaitResult<T>> {
    return new Promise((resolve) => {
      if (signal.aborted) {
        resolve({ ok: false, reason: 'aborted' });
        return;
      }
      let settled = false;
      const done = (result: WaitResult<T>) => {
        if (settled) return;
        settled = true;
        this.waiters.delete(waiter);
        signal.removeEventListener('abort', onAbort);
        clearTimeout(timer);
        resolve(result);
      };
      const waiter = () => {
        if (settled) return;
        const error = endOnViolation ? this.stepErrors[0] : undefined;
        if (error) {
          done({ ok: false, reason: 'violation', violation: error });
          return;
        }
        if (this.failure !== undefined) {
          done({ ok: false, reason: 'aborted' });
          return;
        }
        const value = check();
        if (value !== undefined) done({ ok: true, value });
      };
      const onAbort = () => {
        done({ ok: false, reason: 'aborted' });
      };
      // A timer that fires late means the process could not listen for that long: what the
      // room sent meanwhile is queued behind it. The wait goes on long enough to hear it (as
      // long as the timer was late, at least stallExtensionMinMs, at most the wait's own length)
      // before it times out.
      let extensions = 0;
      const arm = (ms: number): NodeJS.Timeout => {
        const due = performance.now() + ms;
        return setTimeout(() => {
          const late = performance.now() - due;
          if (late > stallToleranceMs && extensions < stallExtensionLimit) {
            extensions += 1;
            timer = arm(Math.min(timeoutMs, Math.max(late, stallExtensionMinMs)));
            return;
          }
          done({ ok: false, reason: 'timeout' });
        }, ms);
      };
      let timer = arm(timeoutMs);
      this.waiters.add(waiter);
      signal.addEventListener('abort', onAbort, { once: true });
      waiter();
    });
  }
}
