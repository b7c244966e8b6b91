import { expect, it } from 'vitest';
import { runInlineScripts } from './support/run-inline-scripts.js';

// One script at a time: the app's bot switch and the settings are the mock's, for all scripts.
// Waits that should pass have ten seconds, so a busy machine cannot fail them; a step meant to
// fail waits 400ms.
const start = 'channel: wa\ntimeout: 10s\nsteps:\n';
const quick = '\n    timeout: 400ms';
const hello = '  - customer: Hi\n  - bot: /^Hi/\n';

it('sets the app’s bot switch and the mock’s settings back when the script that changed them ends, passed or failed', async () => {
  const result = await runInlineScripts(
    {
      a: `${start}${hello}  - bot_switch: { app: off }\n  - customer: Hi again\n  - bot: /Hi/${quick}\n`,
      b: `${start}${hello}`,
      c: `${start}  - settings: { auto_agent_allocation: off }\n${hello}`,
      d: `${start}  - customer: I have a question about my invoice\n  - handover: { role: billing }\n`,
    },
    { concurrency: 1 },
  );

  expect(result.scripts.map((script) => [script.status, script.error])).toEqual([
    ['failed', null],
    ['passed', null],
    ['passed', null],
    ['passed', null],
  ]);
}, 60_000);

it('gives each step its result: how long it took, and the steps after a failed one skipped whole', async () => {
  const result = await runInlineScripts(
    {
      a: `${start.replace('wa', 'qiscus')}${hello}  - bot: { type: buttons }\n  - silence: 300ms\n`,
      b: `${start}  - customer: Hi\n  - bot: Hello there${quick}\n  - customer: menu\n`,
    },
    { concurrency: 1 },
  );

  const [passed, failed] = result.scripts;
  expect(passed?.status).toBe('passed');
  const durations = [
    ...(passed?.steps ?? []).map((step) => step.duration_ms),
    passed?.duration_ms ?? 0,
  ];
  for (const ms of durations)
    expect(Number.isInteger(Math.round(ms * 10 * 1000) / 1000)).toBe(true);
  expect(passed?.steps[3]?.duration_ms).toBeGreaterThanOrEqual(295);
  expect(passed?.duration_ms).toBeGreaterThanOrEqual(passed?.steps[3]?.duration_ms ?? 0);
  expect(passed?.duration_ms).toBeLessThanOrEqual(result.duration_ms + 1);

  expect(failed?.status).toBe('failed');
  expect(failed?.steps.map((step) => step.status)).toEqual(['passed', 'failed', 'skipped']);
  expect(failed?.steps[2]).toEqual({
    index: 2,
    kind: 'customer',
    line: 7,
    column: 5,
    status: 'skipped',
    duration_ms: 0,
    summary: 'customer: menu',
    expected: null,
    actual: null,
    message: null,
    violations: [],
    traffic: [],
  });
  // The bot's messages after a failed step are not held against the script as unread.
  expect(failed?.violations).toEqual([]);
}, 60_000);
