import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { runConversations } from '#harness';
import { runInlineScripts } from './support/run-inline-scripts.js';

// Paths in results are relative to the working directory: the repository root here.
const root = fileURLToPath(new URL('../..', import.meta.url));

it("fails a customer step the mock refuses, with the mock's error and what to do about it", async () => {
  const result = await runConversations({
    paths: ['harness/test/fixtures/refused-customer'],
    cwd: root,
    mock: { deterministic: true },
  });

  expect(
    result.scripts.flatMap((script) => script.steps.map((step) => [step.status, step.message])),
  ).toMatchInlineSnapshot(`
    [
      [
        "passed",
        null,
      ],
      [
        "passed",
        null,
      ],
      [
        "failed",
        "the mock refused the customer's message: MOCK_ERR_BUTTON_NOT_FOUND: The bot has sent no postback buttons into room 187250792. (a bot step before this one waits for the message with the button)",
      ],
    ]
  `);
});

it('adds the hint about buttons to no other refusal of a customer message', async () => {
  // The mock has only the widget's channel, so a WhatsApp customer is refused.
  const result = await runInlineScripts(
    { a: 'channel: wa\ntimeout: 10s\nsteps:\n  - customer: Hello\n' },
    { mock: { channels: [{ source: 'qiscus' }] } },
  );

  expect(
    result.scripts.flatMap((script) => script.steps.map((step) => [step.status, step.message])),
  ).toEqual([
    [
      'failed',
      "the mock refused the customer's message: MOCK_ERR_CHANNEL_NOT_FOUND: The app has no wa channel: its channels are qiscus (id 961).",
    ],
  ]);
});
