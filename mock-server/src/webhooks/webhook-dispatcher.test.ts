import { describe, expect, it, onTestFinished } from 'vitest';
import type { Delivery, DeliveryMode } from '#contracts';
import { deferred } from '../../test/support/deferred.js';
import { freePort } from '../../test/support/deliveries.js';
import { startBot, type BotAnswer } from '../../test/support/start-bot.js';
import { createSteppingClock, type Clock } from '../clock.js';
import { createSequentialIds } from '../id-generator.js';
import { TrafficLog } from '../traffic/traffic-log.js';
import { WebhookDispatcher, type DispatchSettings, type WebhookJob } from './webhook-dispatcher.js';

type Deps = ConstructorParameters<typeof WebhookDispatcher>[0];

const start = Date.UTC(2026, 0, 1);

/**
 * A clock that stands still: timestamps are all `start`, and no time passes on the monotonic
 * scale, so the retry window counts only the waits. Its monotonic reading is far from 0, so
 * that an elapsed time taken the wrong way round is not 0 as well.
 */
const stillClock: Clock = { now: () => start, monotonic: () => 1_000_000 };

/**
 * A dispatcher with only the dependencies it cannot do without, closed when the test finishes.
 * Its chaos delay is long and its random number below the chaos duplicate's chance, so that a
 * delivery in another mode that took either would be seen.
 */
function dispatcherFor(settings: Partial<DispatchSettings>, deps: Partial<Deps> = {}) {
  const clock = deps.clock ?? createSteppingClock();
  const traffic = new TrafficLog(100, clock, []);
  const dispatcher = new WebhookDispatcher({
    clock,
    ids: createSequentialIds(),
    traffic,
    settings: () => ({ botUrl: null, mode: 'once', allowRemoteWebhook: false, ...settings }),
    random: () => 0.1,
    timeoutMs: 5_000,
    maxAttempts: 10,
    retryDelayMs: 1,
    chaosMaxDelayMs: 600_000,
    limit: 100,
    ...deps,
  });
  onTestFinished(() => dispatcher.close(0));
  return { dispatcher, traffic };
}

function job(roomId = '1', body: unknown = { text: 'Hi' }): WebhookJob {
  return { webhook: 'botMessage', roomId, commentId: 7, body };
}

/** Dispatches and waits for the delivery to settle. */
async function deliver(dispatcher: WebhookDispatcher, what: WebhookJob = job()): Promise<Delivery> {
  return dispatcher.settled(dispatcher.dispatch(what).id);
}

/** A bot that answers each webhook with the status `statuses` gives for it, in turn. */
async function botAnswering(...statuses: number[]) {
  return startBot((_webhook, index): BotAnswer => ({ status: statuses[index] ?? 200 }));
}

describe('WebhookDispatcher', () => {
  it('works without the optional dependencies: no budgets, no webhook URLs, no listener', async () => {
    const bot = await botAnswering(503, 200);
    const { dispatcher } = dispatcherFor({ botUrl: bot.url, mode: 'reliable' });

    const delivered = await deliver(dispatcher);

    expect(delivered).toMatchObject({
      status: 'delivered',
      reason: 'The bot answered 200 (2 attempts).',
    });
    expect(dispatcher.list()).toEqual([delivered]);
  });

  it('returns the new delivery as logged: pending, no attempts, settled at no time yet', () => {
    const { dispatcher } = dispatcherFor({ botUrl: 'http://127.0.0.1:1/webhook' });

    expect(dispatcher.dispatch(job('5'))).toEqual({
      id: 'dlv_1',
      webhook: 'botMessage',
      room_id: '5',
      comment_id: 7,
      url: 'http://127.0.0.1:1/webhook',
      status: 'pending',
      skip_reason: null,
      reason: 'Sending.',
      created_at: '2026-01-01T00:00:00Z',
      settled_at: null,
      attempts: [],
      redelivery_of: null,
    });
  });

  it('skips a webhook of its own with no URL, saying how to set one', async () => {
    const { dispatcher } = dispatcherFor({}, { webhookUrl: () => null });

    const delivery = await deliver(dispatcher, { ...job(), webhook: 'newSession' });

    expect(delivery).toMatchObject({
      status: 'skipped',
      skip_reason: 'NO_WEBHOOK_URL',
      reason:
        'The newSession webhook has no URL or is switched off: PATCH /_mock/config {"webhooks": …} sets it.',
      attempts: [],
    });
  });

  it('sends nothing to a URL the target check refuses, naming the bot URL or the webhook URL', async () => {
    const settings = { botUrl: 'http://bot.invalid/', allowRemoteWebhook: false };
    const { dispatcher } = dispatcherFor(
      {},
      {
        settings: () => ({ mode: 'once', ...settings }),
        webhookUrl: (webhook) => (webhook === 'newSession' ? 'ftp://127.0.0.1/' : undefined),
      },
    );

    const bot = await deliver(dispatcher);
    settings.allowRemoteWebhook = true;
    const allowed = await deliver(dispatcher);
    const own = await deliver(dispatcher, { ...job(), webhook: 'newSession' });

    expect([bot.status, bot.attempts.length, bot.reason]).toEqual([
      'failed',
      0,
      'Not sent: the bot URL bot.invalid is not this machine: the mock sends webhooks only to loopback addresses unless started with --allow-remote-webhook.',
    ]);
    expect(own.reason).toBe('Not sent: the webhook URL must be an http(s) URL, not ftp:.');
    // The URL checked before is checked again once remote webhooks are allowed.
    expect(allowed.reason).toBe('Delivery failed: the host of http://bot.invalid/ was not found.');
  });

  it("names the receiver of a webhook of its own, not the bot, in the delivery's reasons", async () => {
    const receiver = await botAnswering(200, 500);
    const { dispatcher } = dispatcherFor({}, { webhookUrl: () => receiver.url });

    const delivered = await deliver(dispatcher, { ...job(), webhook: 'newSession' });
    const refused = await deliver(dispatcher, { ...job(), webhook: 'newSession' });

    expect(delivered.reason).toBe('The receiver answered 200.');
    expect(refused.reason).toBe('Delivery failed: the receiver answered 500.');
  });

  it('calls a 2xx delivered, up to 299, and a 3xx a redirect, up to 399', async () => {
    const bot = await botAnswering(299, 300, 399, 400);
    const { dispatcher } = dispatcherFor({ botUrl: bot.url });

    const answers = [];
    for (let n = 0; n < 4; n += 1) {
      const delivery = await deliver(dispatcher);
      answers.push([delivery.status, delivery.reason]);
    }

    expect(answers).toEqual([
      ['delivered', 'The bot answered 299.'],
      [
        'failed',
        'Delivery failed: the bot answered 300 (a redirect; webhooks do not follow redirects).',
      ],
      [
        'failed',
        'Delivery failed: the bot answered 399 (a redirect; webhooks do not follow redirects).',
      ],
      ['failed', 'Delivery failed: the bot answered 400.'],
    ]);
  });

  it('retries 429 and 408 as it retries a 5xx, and not any other 4xx', async () => {
    const bot = await botAnswering(429, 408, 200, 404);
    const { dispatcher } = dispatcherFor({ botUrl: bot.url, mode: 'reliable' });

    const retried = await deliver(dispatcher);
    const refused = await deliver(dispatcher);

    expect(retried.attempts.map((attempt) => attempt.status_code)).toEqual([429, 408, 200]);
    expect(retried.reason).toBe('The bot answered 200 (3 attempts).');
    expect(refused.attempts.map((attempt) => attempt.status_code)).toEqual([404]);
    expect(bot.received).toHaveLength(4);
  });

  it('measures an attempt on the monotonic clock, to a hundredth of a millisecond', async () => {
    const bot = await startBot();
    const { dispatcher } = dispatcherFor(
      { botUrl: bot.url },
      { clock: createSteppingClock(start, 1.234_567) },
    );

    const delivery = await deliver(dispatcher);

    expect(delivery.attempts[0]?.latency_ms).toBe(1.23);
  });

  describe('retries', () => {
    it('doubles the wait from the first delay and stops once the retry window would be passed', async () => {
      const bot = await botAnswering(...new Array<number>(10).fill(503));
      // Waits of 1, 2, 4 and 8 ms fit in a window of 8 ms; the next, 16 ms, does not.
      const { dispatcher } = dispatcherFor(
        { botUrl: bot.url, mode: 'reliable' },
        { clock: stillClock, retryForMs: 8 },
      );

      const delivery = await deliver(dispatcher);

      expect(delivery.attempts.map((attempt) => attempt.number)).toEqual([1, 2, 3, 4, 5]);
      expect(delivery.reason).toBe('Delivery failed (5 attempts): the bot answered 503.');
    });

    it('waits no longer than the longest wait, so the window is not passed', async () => {
      const bot = await botAnswering(...new Array<number>(10).fill(503));
      const { dispatcher } = dispatcherFor(
        { botUrl: bot.url, mode: 'reliable' },
        { clock: stillClock, retryForMs: 8, maxRetryDelayMs: 4, maxAttempts: 7 },
      );

      const delivery = await deliver(dispatcher);

      expect(delivery.attempts).toHaveLength(7);
    });

    it("waits before the next attempt: meanwhile another room's webhook makes a whole round trip", async () => {
      const bot = await botAnswering(503, 200);
      const retrying = deferred();
      const { dispatcher } = dispatcherFor(
        { botUrl: bot.url, mode: 'reliable' },
        {
          retryDelayMs: 60_000,
          onChange: (delivery) => {
            if (delivery.next_retry_at !== undefined) retrying.resolve();
          },
        },
      );

      const waiting = dispatcher.dispatch(job('1', { text: 'waits' }));
      await retrying.promise;
      await deliver(dispatcher, job('2', { text: 'other' }));

      expect(bot.received.map((webhook) => webhook.body)).toEqual([
        { text: 'waits' },
        { text: 'other' },
      ]);
      expect(dispatcher.get(waiting.id)?.attempts).toHaveLength(1);
    });

    it('shows when the next attempt is due while it waits, and not after the last attempt', async () => {
      const bot = await botAnswering(503, 503);
      const seen: Delivery[] = [];
      const { dispatcher } = dispatcherFor(
        { botUrl: bot.url, mode: 'reliable' },
        { clock: stillClock, maxAttempts: 2, onChange: (delivery) => seen.push(delivery) },
      );

      const delivery = await deliver(dispatcher);

      expect(delivery.attempts).toHaveLength(2);
      expect(
        seen.map((change) => [change.status, change.attempts.length, change.next_retry_at]),
      ).toEqual([
        ['pending', 0, undefined],
        ['pending', 1, '2026-01-01T00:00:00Z'],
        ['pending', 2, undefined],
        ['failed', 2, undefined],
      ]);
      expect(delivery.next_retry_at).toBeUndefined();
    });
  });

  it('counts only the deliveries still waiting against the queue', async () => {
    const bot = await startBot();
    const { dispatcher } = dispatcherFor({ botUrl: bot.url }, { maxPending: 1 });

    const first = await deliver(dispatcher);
    const second = await deliver(dispatcher);

    expect([first.status, second.status]).toEqual(['delivered', 'delivered']);
  });

  it('keeps the bodies it logs within its byte budget, letting the first settled go first', async () => {
    const held = deferred();
    onTestFinished(held.resolve);
    const bot = await startBot(() => ({ status: 200, after: held.promise }));
    // Each body is 100 bytes of JSON; the budget holds three.
    const body = 'x'.repeat(98);
    let url: string | null = bot.url;
    const { dispatcher } = dispatcherFor(
      {},
      { settings: () => ({ botUrl: url, mode: 'once', allowRemoteWebhook: false }), maxBytes: 300 },
    );

    const waiting = dispatcher.dispatch(job('1', body));
    url = null;
    const skipped = [2, 3, 4].map((room) => dispatcher.dispatch(job(String(room), body)).id);

    // The waiting one stays though it is the oldest: only settled deliveries are let go.
    expect(dispatcher.list().map((delivery) => delivery.id)).toEqual([
      waiting.id,
      ...skipped.slice(1),
    ]);
    held.resolve();
    await dispatcher.settled(waiting.id);
    dispatcher.dispatch(job('5', body));
    expect(dispatcher.list().map((delivery) => delivery.room_id)).toEqual(['1', '4', '5']);
    // Settled after 3 and 4, it goes after them, and before those settled after it.
    dispatcher.dispatch(job('6', body));
    dispatcher.dispatch(job('7', body));
    expect(dispatcher.list().map((delivery) => delivery.room_id)).toEqual(['5', '6', '7']);
  });

  it('tells a job that reads the answer the whole of a long 2xx answer, and logs its first 512 bytes', async () => {
    const answer = `{"agent_id":1,"pad":"${'p'.repeat(600)}"}`;
    const bot = await startBot(() => ({ status: 200, body: answer }));
    const { dispatcher } = dispatcherFor({ botUrl: bot.url });
    const told: (string | null)[] = [];

    const delivery = await deliver(dispatcher, {
      ...job(),
      onSettled: (_delivery, text) => {
        told.push(text);
        return 'Noted.';
      },
    });

    expect(told).toEqual([answer]);
    expect(delivery.attempts[0]?.response_head).toBe(answer.slice(0, 512));
    expect(delivery.reason).toBe('The bot answered 200. Noted.');
  });

  it('tells a job that is not sent, too, and notes what it did', async () => {
    const { dispatcher } = dispatcherFor({});
    const told: [string, string | null][] = [];

    const delivery = await deliver(dispatcher, {
      ...job(),
      onSettled: (settled, text) => {
        told.push([settled.status, text]);
        return 'Fell back.';
      },
    });

    expect(told).toEqual([['skipped', null]]);
    expect(delivery.reason).toMatch(/^No bot URL is set: .* Fell back\.$/);
  });

  it('does not hold a webhook in once mode behind the previous one of its room', async () => {
    const releaseFirst = deferred();
    onTestFinished(releaseFirst.resolve);
    const secondArrived = deferred();
    const bot = await startBot((_webhook, index) => {
      if (index === 1) secondArrived.resolve();
      return { status: 200, ...(index === 0 ? { after: releaseFirst.promise } : {}) };
    });
    const { dispatcher } = dispatcherFor({ botUrl: bot.url });

    const first = dispatcher.dispatch(job('1'));
    await deliver(dispatcher, job('1'));
    await secondArrived.promise;

    expect(dispatcher.get(first.id)?.status).toBe('pending');
    releaseFirst.resolve();
    expect((await dispatcher.settled(first.id)).status).toBe('delivered');
  });

  it("in reliable mode holds a room's next webhook behind the one being sent, after the first settled", async () => {
    const order: string[] = [];
    const releases = [deferred(), deferred()];
    onTestFinished(() => {
      for (const release of releases) release.resolve();
    });
    const arrivals = [deferred(), deferred()];
    const bot = await startBot((webhook, index) => {
      const { text } = webhook.body as { text: string };
      order.push(`received ${text}`);
      arrivals[index]?.resolve();
      return {
        status: 200,
        after:
          releases[index]?.promise.then(() => order.push(`released ${text}`)) ?? Promise.resolve(),
      };
    });
    const { dispatcher } = dispatcherFor({ botUrl: bot.url, mode: 'reliable' });

    const a = dispatcher.dispatch(job('1', { text: 'a' }));
    dispatcher.dispatch(job('1', { text: 'b' }));
    await arrivals[0]?.promise;
    releases[0]?.resolve();
    await dispatcher.settled(a.id);
    await arrivals[1]?.promise;
    const c = dispatcher.dispatch(job('1', { text: 'c' }));
    // Another room's webhook makes a whole round trip meanwhile.
    await deliver(dispatcher, job('2', { text: 'other' }));
    expect(order).toEqual(['received a', 'released a', 'received b', 'received other']);

    releases[1]?.resolve();
    await dispatcher.settled(c.id);
    expect(order).toEqual([
      'received a',
      'released a',
      'received b',
      'received other',
      'released b',
      'received c',
    ]);
  });

  it('after a reset, sends nothing more of what came before, and says so of a webhook still queued', async () => {
    const port = await freePort();
    const seen: Delivery[] = [];
    const retrying = deferred();
    const { dispatcher, traffic } = dispatcherFor(
      { botUrl: `http://127.0.0.1:${port}/`, mode: 'reliable' },
      {
        retryDelayMs: 60_000,
        onChange: (delivery) => {
          seen.push(delivery);
          if (delivery.next_retry_at !== undefined) retrying.resolve();
        },
      },
    );
    dispatcher.dispatch(job('1', { text: 'first' }));
    dispatcher.dispatch(job('1', { text: 'second' }));
    await retrying.promise;

    dispatcher.clear();
    await dispatcher.drain();

    expect(dispatcher.list()).toEqual([]);
    const settled = seen.filter((delivery) => delivery.settled_at !== null);
    expect(
      settled.map((delivery) => [delivery.id, delivery.attempts.length, delivery.reason]),
    ).toEqual([
      [
        'dlv_1',
        1,
        `Delivery failed: connection refused at http://127.0.0.1:${port}/ (is the bot running?).`,
      ],
      ['dlv_2', 0, 'Not sent: the mock was reset first.'],
    ]);
    expect(traffic.list()).toHaveLength(1);
  });

  it('after a reset, logs no attempt it cut off', async () => {
    const arrived = deferred();
    const bot = await startBot(() => {
      arrived.resolve();
      return { status: 200, after: new Promise(() => undefined) };
    });
    const { dispatcher, traffic } = dispatcherFor({ botUrl: bot.url });
    const delivery = dispatcher.dispatch(job());
    await arrived.promise;

    dispatcher.clear();
    await dispatcher.drain();

    expect(dispatcher.get(delivery.id)).toBeUndefined();
    expect(traffic.list()).toEqual([]);
  });

  it('closing cuts off an attempt not answered within the grace period, saying so', async () => {
    const arrived = deferred();
    const bot = await startBot(() => {
      arrived.resolve();
      return { status: 200, after: new Promise(() => undefined) };
    });
    const { dispatcher } = dispatcherFor({ botUrl: bot.url });
    const { id } = dispatcher.dispatch(job());
    await arrived.promise;

    await dispatcher.close(20);

    expect(dispatcher.get(id)).toMatchObject({
      status: 'failed',
      reason:
        'Delivery failed: cut off: the mock shut down before the bot answered (not answered within the 20 ms grace period).',
    });
  });

  describe('chaos mode', () => {
    it('sends a delivered webhook again when the draw falls under one in four, numbering it', async () => {
      const bot = await startBot();
      // Each delivery draws its delay (none here: the longest is 0), then whether it goes twice.
      const draws = [0.5, 0.24, 0.5, 0.25];
      const { dispatcher } = dispatcherFor(
        { botUrl: bot.url, mode: 'chaos' },
        { chaosMaxDelayMs: 0, random: () => draws.shift() ?? 1 },
      );

      const twice = await deliver(dispatcher);
      const once = await deliver(dispatcher);

      expect(twice.attempts.map((attempt) => attempt.number)).toEqual([1, 2]);
      expect(twice.reason).toBe('The bot answered 200 (2 attempts).');
      expect(once.attempts.map((attempt) => attempt.number)).toEqual([1]);
      expect(bot.received.map((webhook) => webhook.headers['x-qiscus-mock-attempt'])).toEqual([
        '1',
        '2',
        '1',
      ]);
    });

    it('holds a webhook for its share of the longest delay', async () => {
      const bot = await startBot();
      let mode: DeliveryMode = 'chaos';
      // A tenth of ten minutes: a minute, far longer than the test.
      const { dispatcher } = dispatcherFor(
        {},
        { settings: () => ({ botUrl: bot.url, mode, allowRemoteWebhook: false }) },
      );

      const held = dispatcher.dispatch(job('1', { text: 'held' }));
      mode = 'once';
      await deliver(dispatcher, job('2', { text: 'sent' }));

      expect(dispatcher.get(held.id)?.status).toBe('pending');
      expect(bot.received.map((webhook) => webhook.body)).toEqual([{ text: 'sent' }]);
    });

    it('sends no second time once the mock is shutting down', async () => {
      const release = deferred();
      onTestFinished(release.resolve);
      const arrived = deferred();
      const bot = await startBot(() => {
        arrived.resolve();
        return { status: 200, after: release.promise };
      });
      const { dispatcher } = dispatcherFor(
        { botUrl: bot.url, mode: 'chaos' },
        { chaosMaxDelayMs: 0 },
      );
      const { id } = dispatcher.dispatch(job());
      await arrived.promise;

      const closing = dispatcher.close(60_000);
      release.resolve();
      await closing;

      expect(dispatcher.get(id)).toMatchObject({
        status: 'delivered',
        reason: 'The bot answered 200.',
      });
      expect(bot.received).toHaveLength(1);
    });
  });

  it('closes at once when nothing is in flight, without waiting out the grace period', async () => {
    const bot = await startBot();
    const { dispatcher } = dispatcherFor({ botUrl: bot.url });
    await deliver(dispatcher);

    await dispatcher.close(600_000);

    expect(dispatcher.list().map((delivery) => delivery.status)).toEqual(['delivered']);
  });

  it('refuses to wait for a delivery it never logged, and finds none', async () => {
    const { dispatcher } = dispatcherFor({});

    await expect(dispatcher.settled('dlv_9')).rejects.toThrow('no delivery dlv_9');
    expect(dispatcher.get('dlv_9')).toBeUndefined();
    expect(dispatcher.redeliver('dlv_9')).toBeUndefined();
  });
});
