// A program that starts a bot with spawnBotProcess and exits without stopping it, as the CLI
// does on a second Ctrl-C: it prints the bot's process id, then exits.
import { request } from 'undici';
import { createSystemClock } from '#mock-server';
import { spawnBotProcess } from '../../src/run/bot-process.js';
import { findFreePort } from '../../src/run/find-free-port.js';
import { waitUntilAnswers } from '../../src/run/wait-until-answers.js';

const [echoBot = ''] = process.argv.slice(2);
const port = await findFreePort();
const url = `http://127.0.0.1:${port}/`;
const bot = spawnBotProcess(
  `${JSON.stringify(process.execPath)} ${JSON.stringify(echoBot)} --ignore-sigterm`,
  { PORT: String(port) },
);
const clock = createSystemClock();
if (!(await waitUntilAnswers(url, 10_000, bot.exited, () => clock.now()))) process.exit(3);
const answer = await request(url);
process.stdout.write(`${(await answer.body.text()).replace('echo bot ', '')}\n`);
process.exit(0);
