import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { request } from 'undici';
import { expect, it, onTestFinished } from 'vitest';
import { BotMessageWebhookSchema, messageExamples } from '#contracts';
import type { RunResult } from '#harness';
import type { MockServerOptions } from '#mock-server';
import { runInlineScripts } from './support/run-inline-scripts.js';

// One at a time, as the bot switch of the app is the mock's for all, and so that the mock's
// stepping clock (deterministic mode) gives every webhook attempt a latency of 1000 ms.
const runScripts = (
  scripts: Readonly<Record<string, string>>,
  options: { mock?: Omit<MockServerOptions, 'deterministic'>; bot?: TestBot } = {},
) =>
  runInlineScripts(scripts, {
    concurrency: 1,
    ...(options.mock ? { mock: options.mock } : {}),
    ...(options.bot
      ? {
          botUrl: options.bot.url,
          onProgress: (event) => {
            if (event.type === 'bot-ready' && options.bot) options.bot.mockUrl = event.mockUrl;
          },
        }
      : {}),
  });

// Waits that should pass have ten seconds, so a busy machine cannot fail them; the steps that
// are meant to fail wait 400ms.
const start = 'channel: wa\ntimeout: 10s\nsteps:\n';
const quick = '\n    timeout: 400ms';
const hello = `${start}  - customer: Hello\n  - bot: /./\n`;

/** Each script's first step that did not pass (kind, expected, actual, message), or its status. */
function outcomes(result: RunResult) {
  return result.scripts.map((script) => {
    const step = script.steps.find((candidate) => candidate.status !== 'passed');
    return step
      ? [step.kind, step.expected, step.actual, step.message].map(
          (words) => words?.replaceAll(/\d{9}/g, 'N') ?? null,
        )
      : [script.status, script.error];
  });
}

interface TestBot {
  readonly url: string;
  mockUrl: string | null;
  /** The id and text of each bot webhook it took, in order. */
  readonly webhooks: { readonly id: number; readonly text: string }[];
  /** How the mock answered each message the bot sent (`write`), in order. */
  readonly answers: string[];
}

const secret = 'mock-secret-key';
/**
 * How long the bot holds a webhook before it hangs up: longer than the waits of 400ms and 600ms
 * and the 1500ms the mutation `within - 500` would wait, well inside `within: 2s` + 500ms. The
 * bot's own timer, not the mock's attempt limit, whose timer may fire up to half a second late.
 */
const holdMs = 1700;
const appCode = 'qiscus-mock-app';

async function readBody(incoming: IncomingMessage): Promise<string> {
  let text = '';
  for await (const chunk of incoming) text += String(chunk);
  return text;
}

/**
 * A bot on 127.0.0.1 that answers each webhook by the customer's text: `hold` does not answer
 * and hangs up after {@link holdMs}; `write` is answered 200 and then gets a text
 * back, sent again at once (once) if the mock refuses it; anything else is answered 200 and gets
 * nothing back. Another webhook (an app webhook) is answered 200.
 */
async function startTestBot(): Promise<TestBot> {
  const bot: TestBot = { url: '', mockUrl: null, webhooks: [], answers: [] };
  const inFlight = new Set<Promise<void>>();
  const holds = new Set<NodeJS.Timeout>();
  const send = async (roomId: string): Promise<number> => {
    const response = await request(`${bot.mockUrl ?? ''}/${appCode}/bot`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', qiscus_sdk_secret: secret },
      body: JSON.stringify({ ...messageExamples.text, message: 'written', room_id: roomId }),
    });
    await response.body.dump();
    const retryAfter = response.headers['retry-after'];
    bot.answers.push(
      retryAfter === undefined
        ? String(response.statusCode)
        : `${response.statusCode} retry-after ${String(retryAfter)}`,
    );
    return response.statusCode;
  };
  const write = async (roomId: string) => {
    if ((await send(roomId)) >= 400) await send(roomId);
  };
  const server = createServer((incoming, outgoing) => {
    if (incoming.method !== 'POST') {
      outgoing.end('test bot');
      return;
    }
    void readBody(incoming).then((body) => {
      const parsed = BotMessageWebhookSchema.safeParse(JSON.parse(body));
      if (!parsed.success) {
        outgoing.end();
        return;
      }
      const { message, room } = parsed.data.payload;
      bot.webhooks.push({ id: message.id, text: message.text });
      if (message.text === 'hold') {
        const hold = setTimeout(() => {
          holds.delete(hold);
          incoming.socket.destroy();
        }, holdMs);
        holds.add(hold);
      } else outgoing.end('{"ok":true}');
      if (message.text === 'write') {
        const writing = write(room.id_str);
        inFlight.add(writing);
        void writing.finally(() => inFlight.delete(writing));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  onTestFinished(async () => {
    while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    for (const hold of holds) clearTimeout(hold);
    server.closeAllConnections();
    await new Promise<void>((resolve) => {
      server.close(() => {
        resolve();
      });
    });
  });
  const { port } = server.address() as AddressInfo;
  return Object.assign(bot, { url: `http://127.0.0.1:${String(port)}/` });
}

it('checks the latest webhook, delivers it again, and switches the bot off for the room or the app', async () => {
  const result = await runScripts({
    a: `${hello}  - webhook: { within: 2s }\n  - redeliver\n  - webhook: { within: 2s }\n`,
    b: `${hello}  - bot_switch: { room: off }\n  - customer: Hello again\n  - webhook: { within: 1s }\n`,
    c: `${hello}  - bot_switch: { app: off }\n  - customer: Hello again\n  - webhook: { within: 1s }\n`,
  });

  const roomOff =
    'Not sent: the bot is off for room N (POST /bot/N/activate {"is_active": true} switches it back on).';
  const appOff =
    'Not sent: the bot is switched off for the whole app (POST /api/v1/app/bot/activation is_active=true, or PATCH /_mock/config {"bot_enabled": true}).';
  const expected = 'the webhook answered 2xx within 1s';
  expect(outcomes(result)).toEqual([
    ['passed', null],
    [
      'webhook',
      expected,
      `the webhook was not sent: ${roomOff}`,
      `the webhook was not answered 2xx: ${roomOff}`,
    ],
    [
      'webhook',
      expected,
      `the webhook was not sent: ${appOff}`,
      `the webhook was not answered 2xx: ${appOff}`,
    ],
  ]);
}, 60_000);

it('delivers the same message again, and fails a webhook answered later than asked', async () => {
  const bot = await startTestBot();
  const result = await runScripts(
    {
      // Every attempt takes 1000 ms by the mock's stepping clock: within 1s is in time.
      a: `${start}  - customer: Hello\n  - webhook: { within: 1s }\n  - redeliver\n  - webhook: { within: 1s }\n`,
      b: `${start}  - customer: Hello\n  - webhook: { within: 999ms }\n`,
    },
    { bot },
  );

  const [first, again, ...others] = bot.webhooks;
  expect(first).toBeDefined();
  expect(again).toEqual(first);
  expect(others.map((webhook) => webhook.text)).toEqual(['Hello']);
  expect(outcomes(result)).toEqual([
    ['passed', null],
    [
      'webhook',
      'the webhook answered 2xx within 999ms',
      '200 after 1000 ms',
      'the bot answered the webhook after 1000 ms, later than 999ms: answer first, then do the work',
    ],
  ]);
}, 60_000);

it('waits for an unanswered webhook no longer than its time, nor redelivers or writes over it', async () => {
  const bot = await startTestBot();
  const result = await runScripts(
    {
      // Waits 400ms or `within` + 500ms, whichever is longer: 600ms, while the attempt waits on.
      a: `${start}  - customer: hold\n  - webhook: { within: 100ms }${quick}\n`,
      // 2.5 s: long enough to see the bot hang up, which fails the attempt and ends the wait.
      b: `${start}  - customer: hold\n  - webhook: { within: 2s }${quick}\n`,
      c: `${start}  - customer: hold\n  - redeliver: {}${quick}\n`,
      d: `${start}  - customer: hold\n  - customer: Hello${quick}\n`,
    },
    { bot },
  );

  expect(outcomes(result)).toEqual([
    [
      'webhook',
      'the webhook answered 2xx within 100ms',
      'no answer yet',
      'the webhook was still unanswered after 600ms',
    ],
    [
      'webhook',
      'the webhook answered 2xx within 2s',
      null,
      'the webhook delivery failed: the bot did not take the botMessage webhook: UND_ERR_SOCKET: other side closed',
    ],
    [
      'redeliver',
      null,
      null,
      'the webhook to deliver again did not settle within 400ms: the bot has not answered it',
    ],
    [
      'customer',
      null,
      null,
      "the webhook of the customer's previous message did not settle within 400ms: the bot has not answered it",
    ],
  ]);
  // The redelivery and the second message were never sent.
  expect(bot.webhooks.map((webhook) => webhook.text)).toEqual(['hold', 'hold', 'hold', 'hold']);
}, 60_000);

it('says when no attempt was made, and when the mock no longer has the webhook to deliver again', async () => {
  // No delivery may wait, so each fails at once, unsent and logged; the log keeps only the
  // latest, so the Mark-as-Resolved webhook of a resolve pushes out the customer message's.
  const result = await runScripts(
    {
      a: `${start}  - customer: Hello\n  - webhook: { within: 1s }\n`,
      b: `${start}  - customer: Hello\n  - resolve\n  - redeliver\n`,
    },
    {
      mock: {
        maxPendingDeliveries: 0,
        deliveryLimit: 1,
        webhooks: { mark_as_resolved: { url: 'http://127.0.0.1:9/resolved' } },
      },
    },
  );

  expect(outcomes(result)).toEqual([
    [
      'webhook',
      'the webhook answered 2xx within 1s',
      'no attempt was made',
      'the webhook was not answered 2xx: Not sent: 0 deliveries are waiting already, the most the queue holds (is the bot down?); redeliver it later with POST /_mock/deliveries/dlv_1/redeliver.',
    ],
    [
      'redeliver',
      null,
      null,
      'the mock refused to deliver the webhook again: MOCK_ERR_DELIVERY_NOT_FOUND: No delivery has the id "dlv_2". GET /_mock/deliveries lists them.',
    ],
  ]);
}, 60_000);

it('arms the fault with its status and Retry-After, for its operation only, or a latency alone', async () => {
  const bot = await startTestBot();
  const write = `${start}  - customer: write\n  - bot: /written/\n`;
  const result = await runScripts(
    {
      a: `${write}  - qiscus_fails: { status: 429, retry_after: 2 }\n  - customer: write\n  - bot: /written/\n`,
      b: `${write}  - qiscus_fails: { status: 503, operation: handOver }\n  - customer: write\n  - bot: /written/\n`,
      c: `${write}  - qiscus_fails: { latency: 300ms }\n  - customer: write\n  - bot: /written/\n`,
    },
    { bot },
  );

  expect(outcomes(result)).toEqual([
    ['passed', null],
    ['passed', null],
    ['passed', null],
  ]);
  expect(bot.answers).toEqual(['200', '429 retry-after 2', '200', '200', '200', '200', '200']);
  const injected = result.scripts.map((script) =>
    script.steps.flatMap((step) =>
      step.violations.map((violation) => `${violation.code} ${violation.message}`),
    ),
  );
  expect(injected).toEqual([
    [
      "INJECTED postBotMessage was answered 429 on purpose (fault injection): not the bot's fault; the steps after it show whether the bot retried",
    ],
    [],
    [
      "INJECTED postBotMessage was answered late on purpose (fault injection): not the bot's fault; the steps after it show whether the bot retried",
    ],
  ]);
}, 60_000);
