import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { HarnessError, runConversations } from '#harness';
import { hasGone } from './support/is-running.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const echoBot = fileURLToPath(new URL('support/echo-bot.js', import.meta.url));
// Node by its full path: the bot's environment is only what the run gives it.
const node = JSON.stringify(process.execPath);

it('starts the bot command with the mock’s details, waits for it, keeps its output and stops it at the end', async () => {
  const result = await runConversations({
    paths: ['harness/test/fixtures/echo'],
    cwd: root,
    botCmd: `${node} ${JSON.stringify(echoBot)}`,
  });

  expect(result.scripts.map((script) => [script.status, script.error])).toEqual([['passed', null]]);
  expect(result.bot.kind).toBe('command');
  expect(result.bot.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  const port = new URL(result.bot.url).port;
  const output = result.bot.output ?? '';
  const started =
    /echo bot: pid (\d+), base (\S+), app (\S+), email (\S+), secret (\S+), port (\d+)/.exec(
      output,
    );
  expect(started?.slice(3)).toEqual([
    'qiscus-mock-app',
    'qiscus-mock-app_admin@qismo.com',
    'given',
    port,
  ]);
  expect(started?.[2]).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  expect(output).toContain('echo bot: heard "how are you?"');
  expect(await hasGone(Number(started?.[1]))).toBe(true);
});

it('fails with HARNESS_ERR_BOT and the bot’s output when the command exits before it answers', async () => {
  const run = runConversations({
    paths: ['harness/test/fixtures/echo'],
    cwd: root,
    botCmd: `${node} ${JSON.stringify(echoBot)} --exit-at-once`,
  });

  await expect(run).rejects.toBeInstanceOf(HarnessError);
  const error = (await run.catch((caught: unknown) => caught)) as HarnessError;
  expect(error.code).toBe('HARNESS_ERR_BOT');
  expect(
    error.message
      .replace(/127\.0\.0\.1:\d+/, '127.0.0.1:PORT')
      .replace(node, 'NODE')
      .replace(JSON.stringify(echoBot), 'BOT'),
  ).toMatchInlineSnapshot(`
    "The bot started by "NODE BOT --exit-at-once" stopped (exit code 3) before it answered at http://127.0.0.1:PORT/. The last of its output:
    echo bot: cannot load its settings, giving up"
  `);
});

it('fails with HARNESS_ERR_BOT when nothing answers at the bot URL', async () => {
  const run = runConversations({
    paths: ['harness/test/fixtures/echo'],
    cwd: root,
    botUrl: 'http://127.0.0.1:9/',
    botStartTimeoutMs: 300,
  });

  await expect(run).rejects.toMatchObject({
    code: 'HARNESS_ERR_BOT',
    message:
      'Nothing answers at http://127.0.0.1:9/ (waited 300ms): start the bot first, check its URL, or give a command that starts it (--bot-cmd).',
  });
});

it('fails with HARNESS_ERR_BOT, saying what to do, when the command never answers', async () => {
  const run = runConversations({
    paths: ['harness/test/fixtures/echo'],
    cwd: root,
    botCmd: 'echo starting; sleep 100',
    botStartTimeoutMs: 1000,
  });

  const error = (await run.catch((caught: unknown) => caught)) as HarnessError;
  expect(error.code).toBe('HARNESS_ERR_BOT');
  expect(error.message.replace(/\d{4,5}/g, 'PORT')).toMatchInlineSnapshot(`
    "The bot started by "echo starting; sleep 100" did not answer at http://127.0.0.1:PORT/ within 1s: make it listen on 127.0.0.1 and the port in $PORT (PORT), or give the URL it listens on with --bot-url; if it only needs longer to start, raise --bot-start-timeout. The last of its output:
    starting"
  `);
});
