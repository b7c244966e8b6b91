import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { request } from 'undici';
import { expect, it, onTestFinished } from 'vitest';
import { createSystemClock } from '#mock-server';
import { spawnBotProcess } from '../src/run/bot-process.js';
import { findFreePort } from '../src/run/find-free-port.js';
import { waitUntilAnswers } from '../src/run/wait-until-answers.js';
import { hasGone, isRunning } from './support/is-running.js';

// The bot process in this test's own process (bot-process.test.ts has the same under limits of
// its own, too short for a mutation run): generous waits, each ended by the event it waits for.
const echoBot = fileURLToPath(new URL('support/echo-bot.js', import.meta.url));
const node = JSON.stringify(process.execPath);

/** Starts the echo bot on a free port and waits until it answers; gives its url and pid. */
async function startEchoBot(flags: string, stopGraceMs: number) {
  const port = await findFreePort();
  const url = `http://127.0.0.1:${port}/`;
  const bot = spawnBotProcess(
    `exec ${node} ${JSON.stringify(echoBot)} ${flags}`,
    { PORT: String(port) },
    { stopGraceMs },
  );
  onTestFinished(() => bot.stop());
  const clock = createSystemClock();
  expect(await waitUntilAnswers(url, 30_000, bot.exited, () => clock.now())).toBe(true);
  const pid = Number((await (await request(url)).body.text()).replace('echo bot ', ''));
  return { bot, pid };
}

it('keeps what the command prints on stdout and stderr, and how it exited', async () => {
  const bot = spawnBotProcess('echo "to stdout $GIVEN"; echo "to stderr" >&2; exit 3', {
    GIVEN: 'given',
  });
  onTestFinished(() => bot.stop());
  expect(bot.exitReason()).toBeNull();
  expect(bot.exited.aborted).toBe(false);

  await once(bot.exited, 'abort');
  await bot.stop();

  expect(bot.exitReason()).toBe('exit code 3');
  expect(bot.output.toString().split('\n').sort()).toEqual(['', 'to stderr', 'to stdout given']);
});

it('says which signal ended it', async () => {
  const bot = spawnBotProcess('kill -KILL $$', {});
  onTestFinished(() => bot.stop());

  await once(bot.exited, 'abort');

  expect(bot.exitReason()).toBe('signal SIGKILL');
});

it('stops a bot with SIGTERM, at once when it heeds it', async () => {
  const { bot, pid } = await startEchoBot('', 20_000);
  const started = performance.now();

  await bot.stop();

  expect(performance.now() - started).toBeLessThan(15_000);
  expect(await hasGone(pid, 30_000)).toBe(true);
  expect(bot.exitReason()).toBe('exit code 0');
  expect(bot.output.toString()).not.toContain('ignoring SIGTERM');
});

it('kills a bot that ignores SIGTERM once its grace period is over, and stops it only once', async () => {
  const { bot, pid } = await startEchoBot('--ignore-sigterm', 500);
  expect(isRunning(pid)).toBe(true);
  const exitListeners = process.listenerCount('exit');

  const stopping = bot.stop();
  expect(bot.stop()).toBe(stopping);
  await stopping;

  expect(bot.output.toString()).toContain('echo bot: ignoring SIGTERM');
  expect(bot.exitReason()).toBe('signal SIGKILL');
  expect(await hasGone(pid, 30_000)).toBe(true);
  // Stopped: nothing is left to kill when this process exits.
  expect(process.listenerCount('exit')).toBe(exitListeners - 1);
});

it('stops every process the command started, the whole group', async () => {
  const port = await findFreePort();
  const url = `http://127.0.0.1:${port}/`;
  // The shell stays, and the bot is its child: SIGTERM to the shell alone would leave the bot.
  const bot = spawnBotProcess(`${node} ${JSON.stringify(echoBot)} & wait`, {
    PORT: String(port),
  });
  onTestFinished(() => bot.stop());
  const clock = createSystemClock();
  expect(await waitUntilAnswers(url, 30_000, bot.exited, () => clock.now())).toBe(true);
  const pid = Number((await (await request(url)).body.text()).replace('echo bot ', ''));

  await bot.stop();

  expect(await hasGone(pid, 30_000)).toBe(true);
});

it('gives a bot that ignores SIGTERM 3 seconds by default before SIGKILL', async () => {
  const port = await findFreePort();
  const url = `http://127.0.0.1:${port}/`;
  const bot = spawnBotProcess(`exec ${node} ${JSON.stringify(echoBot)} --ignore-sigterm`, {
    PORT: String(port),
  });
  onTestFinished(() => bot.stop());
  const clock = createSystemClock();
  expect(await waitUntilAnswers(url, 30_000, bot.exited, () => clock.now())).toBe(true);
  const started = performance.now();

  await bot.stop();

  expect(performance.now() - started).toBeGreaterThanOrEqual(2900);
  expect(bot.exitReason()).toBe('signal SIGKILL');
});
