import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { RunResultSchema, runConversations, type RunProgress } from '#harness';

// Paths in results are relative to the working directory: the repository root here.
const root = fileURLToPath(new URL('../..', import.meta.url));

it('runs scripts of every step kind against the reference bot, and every one passes', async () => {
  const progress: RunProgress['type'][] = [];
  const result = await runConversations({
    paths: ['harness/test/fixtures/conversations'],
    cwd: root,
    onProgress: (event) => progress.push(event.type),
  });

  expect(RunResultSchema.parse(result)).toEqual(result);
  expect(result.scripts.map((script) => [script.file, script.status, script.error])).toEqual([
    ['harness/test/fixtures/conversations/files-and-places-on-instagram.yaml', 'passed', null],
    ['harness/test/fixtures/conversations/human-on-telegram.json', 'passed', null],
    ['harness/test/fixtures/conversations/promotions-carousel.yaml', 'passed', null],
    ['harness/test/fixtures/conversations/whatsapp-billing-handover.yaml', 'passed', null],
    ['harness/test/fixtures/conversations/widget-menu-buttons.yaml', 'passed', null],
  ]);
  const kinds = new Set(result.scripts.flatMap((script) => script.steps.map((step) => step.kind)));
  expect([...kinds].sort()).toEqual(
    ['agent', 'bot', 'bot_active', 'customer', 'handover', 'resolve', 'silence'].sort(),
  );
  expect(result.summary).toEqual({
    scripts: 5,
    passed: 5,
    failed: 0,
    errors: 0,
    steps: 35,
    violations: 0,
  });
  expect(result.bot).toMatchObject({ kind: 'reference', command: null, output: null });
  expect(progress.slice(0, 2)).toEqual(['loaded', 'bot-ready']);
  expect(progress.filter((type) => type === 'script-finished')).toHaveLength(5);
  // Passed steps keep no traffic: a run of many scripts stays small.
  expect(result.scripts.flatMap((script) => script.steps.flatMap((step) => step.traffic))).toEqual(
    [],
  );
});

it('fails a wrong expectation with what was expected, what came and what the bot did meanwhile', async () => {
  const result = await runConversations({
    paths: ['harness/test/fixtures/failing'],
    cwd: root,
    concurrency: 1,
    mock: { deterministic: true },
  });

  expect(result.summary).toMatchObject({ scripts: 3, passed: 0, failed: 3, errors: 0 });
  const failures = result.scripts.map((script) => {
    const failed = script.steps.find((step) => step.status === 'failed');
    return {
      file: script.file,
      at: failed && `${failed.line}:${failed.column} ${failed.summary}`,
      message: failed?.message,
      expected: failed?.expected,
      actual: failed?.actual,
      after: script.steps.slice((failed?.index ?? 0) + 1).map((step) => step.status),
      traffic: failed?.traffic.map((exchange) => `${exchange.direction} ${exchange.operation_id}`),
    };
  });
  expect(failures).toMatchInlineSnapshot(`
    [
      {
        "actual": "no message",
        "after": [],
        "at": "8:5 bot: { text: /.*/, timeout: 300ms }",
        "expected": "a bot message with text /.*/",
        "file": "harness/test/fixtures/failing/bot-quiet-after-handover.yaml",
        "message": "no bot message within 300ms: the bot is off for room 187250792 since its handover (pending), so the webhook was not sent; it has called nothing this turn",
        "traffic": [
          "control sendCustomerMessage",
        ],
      },
      {
        "actual": "a handover request waits in the inbox (hand_over)",
        "after": [],
        "at": "7:5 handover: { role: sales, timeout: 3s }",
        "expected": "the room handed to the sales division",
        "file": "harness/test/fixtures/failing/wrong-division.yaml",
        "message": "no handover within 3s: a handover request waits in the inbox (hand_over)",
        "traffic": [
          "control sendCustomerMessage",
          "to_bot botMessage",
          "from_bot postBotMessage",
          "from_bot handOver",
        ],
      },
      {
        "actual": "text "Hi Budi! I am the Qiscus Mock Shop assistant."",
        "after": [
          "skipped",
        ],
        "at": "6:5 bot: { text: Hello there, type: buttons }",
        "expected": "a buttons message with text "Hello there"",
        "file": "harness/test/fixtures/failing/wrong-text.yaml",
        "message": "the next bot message does not match: its type is text, expected buttons; its text is "Hi Budi! I am the Qiscus Mock Shop assistant.", expected "Hello there"",
        "traffic": [
          "control sendCustomerMessage",
          "to_bot botMessage",
          "from_bot postBotMessage",
        ],
      },
    ]
  `);
});

it('runs scripts of the same customer one after the other, in the room they share', async () => {
  const result = await runConversations({
    paths: ['harness/test/fixtures/same-customer'],
    cwd: root,
    concurrency: 4,
  });

  expect(result.scripts.map((script) => [script.name, script.status])).toEqual([
    ["Budi's first visit ends with the room resolved", 'passed'],
    ['Budi comes back to the same room, which opens a new session with the bot', 'passed'],
  ]);
  const [first, second] = result.scripts;
  expect(second?.room_id).toBe(first?.room_id);
});

it('stops when aborted: the running script ends as an error, the rest are not run', async () => {
  const stop = new AbortController();
  const finished: string[] = [];
  const result = await runConversations({
    paths: ['harness/test/fixtures/slow'],
    cwd: root,
    concurrency: 1,
    signal: stop.signal,
    onProgress: (event) => {
      if (event.type === 'script-started') stop.abort();
      if (event.type === 'script-finished') finished.push(event.result.error ?? '');
    },
  });

  expect(
    result.scripts.map((script) => [
      script.status,
      script.error,
      script.steps.map((step) => `${step.status} ${step.message ?? ''}`),
    ]),
  ).toEqual([
    [
      'error',
      'the run was stopped during step 1 (harness/test/fixtures/slow/waits-long-too.yaml:4:5)',
      ['failed the run was stopped during this step', 'skipped '],
    ],
    ['error', 'not run: the run was stopped before it', ['skipped ', 'skipped ']],
  ]);
  expect(result.summary).toMatchObject({ scripts: 2, errors: 2 });
  expect(finished).toEqual([
    'the run was stopped during step 1 (harness/test/fixtures/slow/waits-long-too.yaml:4:5)',
    'not run: the run was stopped before it',
  ]);
});

it('reports every script as finished when the run is stopped before the bot answers', async () => {
  const stop = new AbortController();
  const finished: string[] = [];
  const result = await runConversations({
    paths: ['harness/test/fixtures/slow'],
    cwd: root,
    botUrl: 'http://127.0.0.1:9/',
    botStartTimeoutMs: 60_000,
    signal: stop.signal,
    onProgress: (event) => {
      if (event.type === 'loaded') stop.abort();
      if (event.type === 'script-finished')
        finished.push(`${event.result.name}: ${event.result.error ?? ''}`);
    },
  });

  expect(result.summary).toMatchObject({ scripts: 2, errors: 2 });
  expect(finished).toEqual(
    result.scripts.map(
      (script) => `${script.name}: not run: the run was stopped before the bot was ready`,
    ),
  );
});

it('fails a silence when the bot wrote before it and no step expected the message', async () => {
  const result = await runConversations({
    paths: ['harness/test/fixtures/silence'],
    cwd: root,
  });

  const silence = result.scripts[0]?.steps[2];
  expect(silence).toMatchObject({
    status: 'failed',
    message:
      'the bot wrote before the 300ms of silence, and no bot step expected it: add one before the silence if the message is right',
    expected: 'no bot message for 300ms',
    actual: 'text "Sure. One of our agents will take over this chat and reply here shortly."',
  });
});

it('warns of a bot message no step took after the last step, and still passes the script', async () => {
  const result = await runConversations({ paths: ['harness/test/fixtures/unread'], cwd: root });

  const [script] = result.scripts;
  expect(script?.status).toBe('passed');
  expect(script?.violations.map((found) => [found.code, found.severity])).toEqual([
    ['UNREAD_BOT_MESSAGE', 'warning'],
  ]);
  expect(script?.violations[0]?.message).toBe(
    'after the last step, a message no step expected: buttons "What can I help you with?" buttons [Billing, Promotions, Opening hours, Talk to a human, Help centre]. Add a `bot` step for it, or find why the bot sent it.',
  );
  expect(result.summary).toMatchObject({ passed: 1, failed: 0, violations: 1 });
});
