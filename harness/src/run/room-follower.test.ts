import { getEventListeners } from 'node:events';
import { expect, it, onTestFinished } from 'vitest';
import {
  RoomIdSchema,
  type Delivery,
  type Exchange,
  type MockEvent,
  type RoomMessage,
} from '#contracts';
import { botMessageEvent } from '../../test/support/bot-message-event.js';
import { quietRoom } from '../../test/support/quiet-room.js';
import { RoomFollower } from './room-follower.js';
import type { Violation } from './run-result.js';

const botMessage = botMessageEvent('1');

/** Blocks the thread, as a long GC pause or a starved CPU would. */
function stall(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

it('hears an event that was queued while the process stalled past the wait’s timeout', async () => {
  const follower = new RoomFollower();
  const waiting = follower.waitFor(
    () => (follower.botMessageCount > 0 ? follower.botMessageCount : undefined),
    100,
    new AbortController().signal,
  );
  setTimeout(() => {
    stall(300);
    // Comes a turn of the event loop after the stall, behind every timer that fell due during
    // it, as a message still on its way (the bot's request, then the mock reading it) would.
    setImmediate(() => {
      setImmediate(() => {
        follower.take(botMessage);
      });
    });
  }, 10);

  expect(await waiting).toEqual({ ok: true, value: 1 });
});

it('times out in the end on a machine that stalls all the time', async () => {
  const follower = new RoomFollower();
  const stalls = setInterval(() => {
    stall(100);
  }, 10);
  onTestFinished(() => {
    clearInterval(stalls);
  });

  const result = await follower.waitFor(() => undefined, 50, new AbortController().signal);

  expect(result).toEqual({ ok: false, reason: 'timeout' });
});

const roomId = RoomIdSchema.parse('187250792');

/** An exchange of the room; `from_bot` to a path no operation has is an error finding. */
function exchange(seq: number, direction: Exchange['direction'] = 'control'): Exchange {
  return {
    seq,
    start_seq: seq,
    time: '2026-11-24T02:10:31Z',
    direction,
    operation_id: null,
    method: 'GET',
    path: `/nowhere/${seq}`,
    room_id: roomId,
    status: 200,
    request: { headers: {}, body: null },
    response: null,
    error: null,
    warnings: [],
    flags: [],
  };
}

function exchangeEvent(seq: number, direction: Exchange['direction'] = 'control'): MockEvent {
  return { type: 'exchange', seq, exchange: exchange(seq, direction) };
}

function delivery(id: string, status: Delivery['status']): Delivery {
  return {
    id,
    webhook: 'botMessage',
    room_id: roomId,
    comment_id: 1,
    url: 'http://127.0.0.1:3738/',
    status,
    skip_reason: null,
    reason: `The delivery is ${status}.`,
    created_at: '2026-11-24T02:10:30Z',
    settled_at: null,
    attempts: [],
    redelivery_of: null,
  };
}

function deliveryEvent(id: string, status: Delivery['status']): MockEvent {
  return { type: 'delivery', seq: 1, delivery: delivery(id, status) };
}

function finding(severity: Violation['severity'], message: string): Violation {
  return {
    code: 'UNEXPECTED_CALL',
    severity,
    operation_id: null,
    direction: 'from_bot',
    exchange_seq: null,
    path: null,
    message,
  };
}

function textEvent(sender: RoomMessage['sender'], text: string): MockEvent {
  const event = botMessageEvent('187250792');
  if (event.type !== 'message') throw new Error('not a message event');
  return { ...event, message: { ...event.message, sender, text } };
}

const never = new AbortController().signal;

it('keeps the bot’s messages in order, and only the bot’s', () => {
  const follower = new RoomFollower();
  follower.take(textEvent('customer', 'hello'));
  follower.take(textEvent('bot', 'one'));
  follower.take(textEvent('agent', 'hi'));
  follower.take(textEvent('bot', 'two'));

  expect(follower.botMessageCount).toBe(2);
  expect(follower.lastBotMessage()?.text).toBe('two');
  expect(follower.peekBotMessage()?.text).toBe('one');
  expect(follower.nextBotMessage()?.text).toBe('one');
  expect(follower.peekBotMessage()?.text).toBe('two');
  expect(follower.lastBotMessage()?.text).toBe('two');
  expect(follower.nextBotMessage()?.text).toBe('two');
  expect(follower.nextBotMessage()).toBeUndefined();
});

it('keeps the room as it last stood', () => {
  const follower = new RoomFollower();
  const room = quietRoom;
  follower.take({ type: 'room', seq: 1, room });
  follower.take({ type: 'room', seq: 2, room: { ...room, bot_active: false } });
  expect(follower.room).toEqual({ ...room, bot_active: false });
});

it('wakes a wait on each kind of event it follows, and ignores the others', async () => {
  const follower = new RoomFollower();
  let checks = 0;
  const stop = new AbortController();
  const waiting = follower.waitFor(
    () => {
      checks += 1;
      return undefined;
    },
    60_000,
    stop.signal,
  );
  expect(checks).toBe(1);
  follower.take({ type: 'unknown-kind', seq: 1 } as unknown as MockEvent);
  expect(checks).toBe(1);
  follower.take(textEvent('bot', 'one'));
  expect(checks).toBe(2);
  follower.take(deliveryEvent('dlv_1', 'pending'));
  expect(checks).toBe(3);
  follower.take(exchangeEvent(1));
  expect(checks).toBe(4);
  follower.addViolations([]);
  expect(checks).toBe(4);
  follower.addViolations([finding('warning', 'a warning')]);
  expect(checks).toBe(5);
  stop.abort();
  expect(await waiting).toEqual({ ok: false, reason: 'aborted' });
  follower.take(textEvent('bot', 'two'));
  expect(checks).toBe(5);
});

it('counts deliveries on their way until each settles', () => {
  const follower = new RoomFollower();
  expect(follower.deliveriesPending).toBe(false);
  follower.take(deliveryEvent('dlv_1', 'pending'));
  follower.take(deliveryEvent('dlv_2', 'pending'));
  expect(follower.deliveriesPending).toBe(true);
  follower.take(deliveryEvent('dlv_1', 'delivered'));
  expect(follower.deliveriesPending).toBe(true);
  follower.take(deliveryEvent('dlv_2', 'failed'));
  expect(follower.deliveriesPending).toBe(false);
});

it('follows the customer’s latest delivery as it settles, even when it settled before it was followed', () => {
  const follower = new RoomFollower();
  follower.take(deliveryEvent('dlv_1', 'pending'));
  follower.take(deliveryEvent('dlv_1', 'delivered'));
  follower.followDelivery(delivery('dlv_1', 'pending'));
  expect(follower.latestDelivery?.status).toBe('delivered');

  follower.followDelivery(delivery('dlv_2', 'pending'));
  expect(follower.latestDelivery?.status).toBe('pending');
  follower.take(deliveryEvent('dlv_3', 'failed'));
  expect(follower.latestDelivery).toMatchObject({ id: 'dlv_2', status: 'pending' });
  follower.take(deliveryEvent('dlv_2', 'failed'));
  expect(follower.latestDelivery).toMatchObject({ id: 'dlv_2', status: 'failed' });
});

it('remembers the room’s latest 8 deliveries, the least recently changed let go first', () => {
  const follower = new RoomFollower();
  follower.take(deliveryEvent('dlv_0', 'delivered'));
  follower.take(deliveryEvent('dlv_1', 'delivered'));
  for (let n = 2; n <= 7; n += 1) follower.take(deliveryEvent(`dlv_${n}`, 'delivered'));
  // dlv_0 changes again: dlv_1 is now the least recently changed of the 8.
  follower.take(deliveryEvent('dlv_0', 'failed'));
  follower.take(deliveryEvent('dlv_8', 'delivered'));

  follower.followDelivery(delivery('dlv_1', 'pending'));
  expect(follower.latestDelivery?.status).toBe('pending');
  follower.followDelivery(delivery('dlv_0', 'pending'));
  expect(follower.latestDelivery?.status).toBe('failed');
  follower.followDelivery(delivery('dlv_2', 'pending'));
  expect(follower.latestDelivery?.status).toBe('delivered');
});

it('keeps the latest 200 exchanges of the turn, and starts afresh with each turn', () => {
  const follower = new RoomFollower();
  expect(follower.traffic()).toEqual([]);
  for (let seq = 1; seq <= 201; seq += 1) follower.take(exchangeEvent(seq));
  const kept = follower.traffic().map((found) => found.seq);
  expect(kept).toHaveLength(200);
  expect(kept[0]).toBe(2);
  expect(kept.at(-1)).toBe(201);

  follower.beginTurn();
  expect(follower.traffic()).toEqual([]);
  follower.take(exchangeEvent(300));
  expect(follower.traffic().map((found) => found.seq)).toEqual([300]);
});

it('gives each step its findings, errors apart, from when it began', () => {
  const follower = new RoomFollower();
  follower.addViolations([finding('error', 'before')]);
  follower.beginStep();
  expect(follower.stepFindings()).toEqual({ violations: [], errors: [] });

  follower.addViolations([finding('warning', 'a warning'), finding('error', 'an error')]);
  follower.take(exchangeEvent(1, 'from_bot'));
  const { violations, errors } = follower.stepFindings();
  expect(violations.map((found) => `${found.severity} ${found.message}`)).toEqual([
    'warning a warning',
    'error an error',
    'error the bot called GET /nowhere/1, which no operation of the Qiscus bot API has',
  ]);
  expect(errors.map((found) => found.message)).toEqual(['an error', violations[2]?.message]);
});

it('keeps an excused finding as a warning that says why, and no longer as an error', () => {
  const follower = new RoomFollower();
  const refused = finding('error', 'refused');
  const other = finding('error', 'other');
  follower.addViolations([refused, other]);

  follower.excuse(refused, 'the refusal this step expects');

  expect(follower.stepFindings()).toEqual({
    violations: [
      { ...refused, severity: 'warning', message: 'refused [the refusal this step expects]' },
      other,
    ],
    errors: [other],
  });
});

it('after the script ended keeps only contract findings, for the script’s result, and hands them over once', () => {
  const follower = new RoomFollower();
  follower.take(textEvent('bot', 'one'));
  follower.take(exchangeEvent(1));
  follower.finish();
  expect(follower.nextBotMessage()).toBeUndefined();
  expect(follower.traffic()).toEqual([]);

  follower.take(textEvent('bot', 'late'));
  follower.take(exchangeEvent(2, 'from_bot'));
  follower.addViolations([finding('warning', 'late warning')]);
  follower.addViolations([]);

  expect(follower.botMessageCount).toBe(1);
  expect(follower.nextBotMessage()).toBeUndefined();
  expect(follower.traffic()).toEqual([]);
  expect(follower.stepFindings()).toEqual({ violations: [], errors: [] });
  expect(follower.takeLateViolations().map((found) => found.message)).toEqual([
    'the bot called GET /nowhere/2, which no operation of the Qiscus bot API has',
    'late warning',
  ]);
  expect(follower.takeLateViolations()).toEqual([]);
});

it('gives what the check gives, at once or after a later event', async () => {
  const follower = new RoomFollower();
  expect(await follower.waitFor(() => 'now', 60_000, never)).toEqual({ ok: true, value: 'now' });

  const waiting = follower.waitFor(
    () => (follower.botMessageCount > 0 ? follower.lastBotMessage()?.text : undefined),
    60_000,
    never,
  );
  follower.take(textEvent('bot', 'one'));
  expect(await waiting).toEqual({ ok: true, value: 'one' });
});

it('ends a wait on the step’s first error, unless told not to', async () => {
  const follower = new RoomFollower();
  const stop = new AbortController();
  const forSteps = follower.waitFor(() => undefined, 60_000, never);
  const notForSteps = follower.waitFor(() => undefined, 60_000, stop.signal, false);
  follower.addViolations([finding('warning', 'a warning')]);
  follower.addViolations([finding('error', 'first'), finding('error', 'second')]);

  expect(await forSteps).toEqual({
    ok: false,
    reason: 'violation',
    violation: finding('error', 'first'),
  });
  stop.abort();
  expect(await notForSteps).toEqual({ ok: false, reason: 'aborted' });

  // An error of the step already there ends a new wait at once.
  expect(await follower.waitFor(() => 'value', 60_000, never)).toMatchObject({
    reason: 'violation',
  });
  expect(await follower.waitFor(() => 'value', 60_000, never, false)).toEqual({
    ok: true,
    value: 'value',
  });
});

it('ends a wait as aborted when the signal is aborted, before or during it', async () => {
  const follower = new RoomFollower();
  let checks = 0;
  expect(
    await follower.waitFor(
      () => {
        checks += 1;
        return 'value';
      },
      60_000,
      AbortSignal.abort(),
    ),
  ).toEqual({ ok: false, reason: 'aborted' });
  expect(checks).toBe(0);

  const stop = new AbortController();
  const waiting = follower.waitFor(() => undefined, 60_000, stop.signal);
  stop.abort();
  expect(await waiting).toEqual({ ok: false, reason: 'aborted' });
});

it('stops listening to the signal once a wait has ended', async () => {
  const follower = new RoomFollower();
  const stop = new AbortController();
  const waiting = follower.waitFor(
    () => (follower.botMessageCount > 0 ? true : undefined),
    60_000,
    stop.signal,
  );
  expect(getEventListeners(stop.signal, 'abort')).toHaveLength(1);
  follower.take(textEvent('bot', 'one'));
  expect(await waiting).toEqual({ ok: true, value: true });
  expect(getEventListeners(stop.signal, 'abort')).toHaveLength(0);
});

it('ends a wait as aborted on a failure met while following', async () => {
  const follower = new RoomFollower();
  const waiting = follower.waitFor(() => 'value', 60_000, never);
  expect(await waiting).toEqual({ ok: true, value: 'value' });

  follower.failure = new Error('a listener threw');
  expect(await follower.waitFor(() => 'value', 60_000, never)).toEqual({
    ok: false,
    reason: 'aborted',
  });
});

it('re-checks every wait when the script ends', async () => {
  const follower = new RoomFollower();
  let ended = false;
  const waiting = follower.waitFor(() => (ended ? 'ended' : undefined), 60_000, never);
  ended = true;
  follower.finish();
  expect(await waiting).toEqual({ ok: true, value: 'ended' });
});

it('times out after its time when the process does not stall', async () => {
  const follower = new RoomFollower();
  const started = performance.now();
  expect(await follower.waitFor(() => undefined, 200, never)).toEqual({
    ok: false,
    reason: 'timeout',
  });
  expect(performance.now() - started).toBeGreaterThanOrEqual(195);
});
