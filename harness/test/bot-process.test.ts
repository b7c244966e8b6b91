import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { request } from 'undici';
import { expect, it, onTestFinished } from 'vitest';
import { createSystemClock } from '#mock-server';
import { spawnBotProcess } from '../src/run/bot-process.js';
import { findFreePort } from '../src/run/find-free-port.js';
import { waitUntilAnswers } from '../src/run/wait-until-answers.js';
import { hasGone, isRunning } from './support/is-running.js';

const echoBot = fileURLToPath(new URL('support/echo-bot.js', import.meta.url));
const exitWhileBotRuns = fileURLToPath(new URL('support/exit-while-bot-runs.ts', import.meta.url));
// Runs the program from the sources, '#…' aliases included, as the repository's binary does.
const registerSources = new URL('../../packaging/register-sources.js', import.meta.url).href;
const node = JSON.stringify(process.execPath);

it('kills a bot that ignores SIGTERM once its grace period is over', async () => {
  const port = await findFreePort();
  const url = `http://127.0.0.1:${port}/`;
  const bot = spawnBotProcess(
    `${node} ${JSON.stringify(echoBot)} --ignore-sigterm`,
    { PORT: String(port) },
    { stopGraceMs: 1000 },
  );
  onTestFinished(() => bot.stop());
  const clock = createSystemClock();
  expect(await waitUntilAnswers(url, 10_000, bot.exited, () => clock.now())).toBe(true);
  const pid = Number((await (await request(url)).body.text()).replace('echo bot ', ''));
  expect(isRunning(pid)).toBe(true);

  await bot.stop();

  expect(bot.output.toString()).toContain('echo bot: ignoring SIGTERM');
  expect(isRunning(pid)).toBe(false);
});

it('kills the bot when the program that started it exits without stopping it', async () => {
  const { stdout } = await promisify(execFile)(process.execPath, [
    '--import',
    registerSources,
    exitWhileBotRuns,
    echoBot,
  ]);
  const pid = Number(stdout.trim());
  expect(pid).toBeGreaterThan(0);
  expect(await hasGone(pid)).toBe(true);
}, 20_000);
