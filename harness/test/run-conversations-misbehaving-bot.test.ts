import { fileURLToPath } from 'node:url';
import { expect, it, onTestFinished } from 'vitest';
import { runConversations } from '#harness';
import { startMisbehavingBot } from './support/misbehaving-bot.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** Runs the scripts of `harness/test/fixtures/<folder>` against a fresh misbehaving bot. */
async function runAgainstMisbehavingBot(folder: string, concurrency: number) {
  const bot = await startMisbehavingBot();
  onTestFinished(() => bot.close());
  const result = await runConversations({
    paths: [`harness/test/fixtures/${folder}`],
    cwd: root,
    botUrl: bot.url,
    concurrency,
    mock: { deterministic: true },
    onProgress: (event) => {
      // The bot learns the mock's URL only once the harness has started it.
      if (event.type === 'bot-ready') bot.mockUrl = event.mockUrl;
    },
  });
  return { bot, result };
}

it('fails each turn in which the mock refused the bot or the bot refused a webhook, naming the mock’s error', async () => {
  const { bot, result } = await runAgainstMisbehavingBot('misbehaving', 1);

  expect(result.bot).toMatchObject({ kind: 'url', url: bot.url, command: null, output: null });
  expect(
    result.scripts.map((script) => {
      const failed = script.steps.find((step) => step.status === 'failed');
      return {
        file: script.file.replace('harness/test/fixtures/misbehaving/', ''),
        status: script.status,
        message: failed?.message ?? null,
        violations: [...(failed?.violations ?? []), ...script.violations].map(
          (v) => `${v.severity} ${v.code} ${v.direction} ${v.operation_id} ${v.path}`,
        ),
        traffic: failed?.traffic.map((e) => `${e.direction} ${e.operation_id} ${e.status}`) ?? [],
      };
    }),
  ).toMatchInlineSnapshot(`
    [
      {
        "file": "behaves.yaml",
        "message": null,
        "status": "passed",
        "traffic": [],
        "violations": [],
      },
      {
        "file": "buttons-on-whatsapp.yaml",
        "message": "the mock refused the bot's request: MESSAGE_TYPE_NOT_SUPPORTED: buttons messages are not supported in WhatsApp rooms: send the choices as a text message instead. (type: WhatsApp (wa) refuses buttons and carousel)",
        "status": "failed",
        "traffic": [
          "control sendCustomerMessage 200",
          "to_bot botMessage 200",
          "from_bot postBotMessage 400",
        ],
        "violations": [
          "error REFUSED from_bot postBotMessage type",
        ],
      },
      {
        "file": "malformed-body.yaml",
        "message": "the mock refused the bot's request: MALFORMED_BODY: The body is not valid JSON: Unexpected end of JSON input.",
        "status": "failed",
        "traffic": [
          "control sendCustomerMessage 200",
          "to_bot botMessage 200",
          "from_bot postBotMessage 400",
        ],
        "violations": [
          "error REFUSED from_bot postBotMessage null",
        ],
      },
      {
        "file": "webhook-answered-500.yaml",
        "message": "the webhook delivery failed: the bot did not take the botMessage webhook: the bot answered 500: boom: database down",
        "status": "failed",
        "traffic": [
          "control sendCustomerMessage 200",
          "to_bot botMessage 500",
        ],
        "violations": [
          "error DELIVERY_FAILED to_bot botMessage null",
        ],
      },
      {
        "file": "writes-after-handover.yaml",
        "message": null,
        "status": "failed",
        "traffic": [],
        "violations": [
          "error FLAGGED from_bot postBotMessage null",
        ],
      },
      {
        "file": "wrong-auth.yaml",
        "message": "the mock refused the bot's request: UNAUTHORIZED: Wrong credentials: QISCUS_SDK_SECRET does not hold the app's secret key.",
        "status": "failed",
        "traffic": [
          "control sendCustomerMessage 200",
          "to_bot botMessage 200",
          "from_bot postBotMessage 401",
        ],
        "violations": [
          "error REFUSED from_bot postBotMessage headers.QISCUS_SDK_SECRET",
        ],
      },
    ]
  `);
});

it('fails every script running when the mock refuses a request that names no room, and says why', async () => {
  const { result } = await runAgainstMisbehavingBot('no-room', 2);

  expect(result.scripts.map((script) => [script.status, script.steps[1]?.message])).toEqual([
    [
      'failed',
      "the mock refused the bot's request: MALFORMED_BODY: The body is not valid JSON: Unexpected end of JSON input. [the request names no room, so every script running when it came is failed by it]",
    ],
    [
      'failed',
      "the mock refused the bot's request: MALFORMED_BODY: The body is not valid JSON: Unexpected end of JSON input. [the request names no room, so every script running when it came is failed by it]",
    ],
  ]);
});

it('fails a silence when the bot writes while it waits, naming the message', async () => {
  const { result } = await runAgainstMisbehavingBot('late-bot', 1);

  const [script] = result.scripts;
  expect(script?.status).toBe('failed');
  expect(script?.steps.map((step) => [step.kind, step.status])).toEqual([
    ['customer', 'passed'],
    ['bot', 'passed'],
    ['silence', 'failed'],
  ]);
  expect(script?.steps[2]).toMatchObject({
    message: 'the bot wrote during the 500ms of silence',
    expected: 'no bot message for 500ms',
    actual: 'text "one more thing"',
  });
});

it('hears a bot message sent while the process was stalled past a wait for quiet, as part of the answer', async () => {
  const { result } = await runAgainstMisbehavingBot('stalled', 1);

  // The 500 ms wait for quiet fires 300 ms late, when the stall ends; the bot's second message,
  // sent when the stall ends too, belongs to the answer and not to the silence after it.
  const [script] = result.scripts;
  expect(script?.steps.map((step) => [step.kind, step.status, step.message])).toEqual([
    ['customer', 'passed', null],
    ['bot', 'passed', null],
    ['until_quiet', 'passed', null],
    ['silence', 'passed', null],
  ]);
  expect(script?.status).toBe('passed');
});
