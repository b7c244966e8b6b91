import { expect, it } from 'vitest';
import { failingRun, passingRun } from '../../test/support/sample-run-results.js';
import { RunResultSchema } from '../run/run-result.js';
import { formatPrettyReport, formatSummaryLine } from './format-pretty-report.js';

it('reports a refused request with where the step is written, expected against actual, the findings and the turn’s traffic', () => {
  expect(formatPrettyReport(failingRun)).toMatchInlineSnapshot(`
    "
    Failures:

    ✗ The menu on WhatsApp (scripts/menu-on-whatsapp.yaml)
      scripts/menu-on-whatsapp.yaml:6:5  step 2  bot: { buttons: [Billing, Sales] }
      the mock refused the bot's request: MESSAGE_TYPE_NOT_SUPPORTED: buttons messages are not supported in WhatsApp rooms: send the choices as a text message instead.
      expected: a buttons message with buttons [Billing, Sales]
      contract warnings:
        UNKNOWN_FIELD postBotMessage at payload.buttons[0].colour: payload.buttons[0].colour is not a field of postBotMessage.
      traffic of this turn:
        · POST /_mock/messages 200  {"channel":"wa","customer":{"id":"6281234567890","name":"Budi"},"text":"menu"}
        → webhook POST /webhook 200  text "menu" from Budi Santoso
        ← POST /qiscus-mock-app/bot 400 MESSAGE_TYPE_NOT_SUPPORTED  {"type":"buttons","payload":{"text":"What can I help you with?","buttons":[{"label":"Billing","type…

    ! could not run: A bot that never answers (scripts/broken-bot.yaml)
      The run was stopped (Ctrl-C) before this script finished.

    Warnings:
      scripts/greeting.yaml (Greeting): UNKNOWN_FIELD postBotMessage at payload.colour: payload.colour is not a field of postBotMessage; did you mean "color"?

    Output of the bot (python bot.py):
      bot listening on 41234
      POST /webhook
      sending buttons to room 187250792

    3 scripts: 1 passed, 1 failed, 1 error · 5 steps · 3 contract findings · 2.3 s
    "
  `);
});

it('ends a run where everything passed with its warnings and the summary line', () => {
  expect(formatPrettyReport(passingRun)).toMatchInlineSnapshot(`
    "
    Warnings:
      scripts/greeting.yaml (Greeting): UNKNOWN_FIELD postBotMessage at payload.colour: payload.colour is not a field of postBotMessage; did you mean "color"?

    1 script: 1 passed, 0 failed, 0 errors · 2 steps · 1 contract finding · 312 ms
    "
  `);
});

it('shows only the last twenty lines of a spawned bot’s output, and says so', () => {
  const output = Array.from({ length: 25 }, (_, n) => `line ${n + 1}`).join('\n');
  const run = RunResultSchema.parse({ ...failingRun, bot: { ...failingRun.bot, output } });
  const report = formatPrettyReport(run);
  expect(report).toContain('Output of the bot (python bot.py, last 20 lines):\n  line 6\n');
  expect(report).not.toContain('line 5\n');
});

it('leaves the bot’s output out when every script passed', () => {
  const run = RunResultSchema.parse({ ...passingRun, bot: failingRun.bot });
  expect(formatPrettyReport(run)).not.toContain('Output of the bot');
});

it('colours only when asked, and the coloured text reads the same without its codes', () => {
  const plain = formatPrettyReport(failingRun);
  const coloured = formatPrettyReport(failingRun, { color: true });
  expect(plain).not.toContain('\u001b[');
  expect(coloured).toContain('\u001b[31m✗\u001b[39m');
  const uncoloured = coloured
    .split('\u001b')
    .map((part, index) => (index === 0 ? part : part.replace(/^\[\d+m/, '')))
    .join('');
  expect(uncoloured).toBe(plain);
});

it('counts in the summary line with singulars where there is one', () => {
  expect(formatSummaryLine(failingRun)).toBe(
    '3 scripts: 1 passed, 1 failed, 1 error · 5 steps · 3 contract findings · 2.3 s',
  );
  const clean = RunResultSchema.parse({
    ...passingRun,
    summary: { ...passingRun.summary, violations: 0 },
  });
  expect(formatSummaryLine(clean)).toBe(
    '1 script: 1 passed, 0 failed, 0 errors · 2 steps · 312 ms',
  );
});

it('lists the contract errors of a failed step that its message does not already say', () => {
  const [passed, failed, errored] = failingRun.scripts;
  const step = failed?.steps[1];
  if (!passed || !failed || !errored || !step) throw new Error('the sample run changed');
  const second = {
    ...step.violations[0],
    code: 'FLAGGED',
    message: 'BOT_MESSAGE_AFTER_HANDOVER: the bot wrote into room 187250792 after handing it over',
  };
  const run = RunResultSchema.parse({
    ...failingRun,
    scripts: [
      passed,
      {
        ...failed,
        steps: [failed.steps[0], { ...step, violations: [...step.violations, second] }],
      },
      errored,
    ],
  });
  const report = formatPrettyReport(run);
  expect(report).toContain(
    'other contract errors:\n    FLAGGED postBotMessage at type: BOT_MESSAGE_AFTER_HANDOVER',
  );
  expect(report.match(/MESSAGE_TYPE_NOT_SUPPORTED: buttons messages/g)).toHaveLength(1);
});
