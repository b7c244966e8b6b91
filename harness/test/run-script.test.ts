import { once } from 'node:events';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'undici';
import { expect, it, onTestFinished } from 'vitest';
import { runConversations } from '#harness';
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

it('warns of a bot message left after the last step as a finding of the bot’s postBotMessage', async () => {
  const result = await runInlineScripts({ a: `${start.replace('wa', 'qiscus')}${hello}` });

  const violations = result.scripts[0]?.violations ?? [];
  expect(
    violations.map(({ message, ...rest }) => ({ ...rest, message: message.split(':')[0] })),
  ).toEqual([
    {
      code: 'UNREAD_BOT_MESSAGE',
      severity: 'warning',
      operation_id: 'postBotMessage',
      direction: 'from_bot',
      exchange_seq: null,
      path: null,
      message: 'after the last step, a message no step expected',
    },
  ]);
}, 60_000);

it('fails a script whose bot breaks the contract after the last step, though every step passed', async () => {
  // Before it answers the webhook, the bot sends the mock a body that is not JSON: the
  // delivery is pending until then, so the script's end waits for the refusal.
  let mockUrl = '';
  const bot = createServer((incoming, outgoing) => {
    if (incoming.method !== 'POST') {
      outgoing.end('up');
      return;
    }
    void (async () => {
      incoming.resume();
      await once(incoming, 'end');
      const refused = await request(`${mockUrl}/qiscus-mock-app/bot`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', qiscus_sdk_secret: 'mock-secret-key' },
        body: '{"message": ',
      });
      await refused.body.dump();
      outgoing.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    })();
  });
  bot.listen(0, '127.0.0.1');
  await once(bot, 'listening');
  onTestFinished(() => {
    bot.close();
  });
  const folder = await mkdtemp(join(tmpdir(), 'qiscus-mock-scripts-'));
  onTestFinished(() => rm(folder, { recursive: true, force: true }));
  await writeFile(join(folder, 'a.yaml'), 'channel: qiscus\nsteps:\n  - customer: Hi\n');

  const result = await runConversations({
    paths: ['.'],
    cwd: folder,
    botUrl: `http://127.0.0.1:${(bot.address() as AddressInfo).port}/`,
    mock: { deterministic: true },
    onProgress: (event) => {
      if (event.type === 'bot-ready') mockUrl = event.mockUrl;
    },
  });

  const [script] = result.scripts;
  expect(script?.steps.map((step) => step.status)).toEqual(['passed']);
  expect(script?.violations.map((found) => found.severity)).toContain('error');
  expect(script?.status).toBe('failed');
}, 60_000);
