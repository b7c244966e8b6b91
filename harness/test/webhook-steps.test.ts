import { expect, it } from 'vitest';
import { runInlineScripts } from './support/run-inline-scripts.js';

// One at a time, as the bot switch of the app is the mock's for all.
const runScripts = (scripts: Readonly<Record<string, string>>) =>
  runInlineScripts(scripts, { concurrency: 1 });

const hello = 'channel: wa\ntimeout: 2s\nsteps:\n  - customer: Hello\n  - bot: /./\n';

it('checks the latest webhook, delivers it again, and switches the bot off for the room or the app', async () => {
  const result = await runScripts({
    a: `${hello}  - webhook: { within: 2s }\n  - redeliver\n  - webhook: { within: 2s }\n`,
    b: `${hello}  - bot_switch: { room: off }\n  - customer: Hello again\n  - webhook: { within: 1s }\n`,
    c: `${hello}  - bot_switch: { app: off }\n  - customer: Hello again\n  - webhook: { within: 1s }\n`,
  });

  const outcomes = result.scripts.map((script) => {
    const step = script.steps.find((candidate) => candidate.status !== 'passed');
    return step
      ? [step.kind, step.expected, step.actual, step.message].map((words) =>
          words?.replaceAll(/\d{9}/g, 'N'),
        )
      : [script.status, script.error];
  });
  const roomOff =
    'Not sent: the bot is off for room N (POST /bot/N/activate {"is_active": true} switches it back on).';
  const appOff =
    'Not sent: the bot is switched off for the whole app (POST /api/v1/app/bot/activation is_active=true, or PATCH /_mock/config {"bot_enabled": true}).';
  const expected = 'the webhook answered 2xx within 1s';
  expect(outcomes).toEqual([
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
