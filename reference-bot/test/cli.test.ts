import { expect, it, onTestFinished } from 'vitest';
import { createMockServer } from '#mock-server';
import { referenceBotCommand } from '#reference-bot';

/** A run of the command in-process, with its output as events a test can wait on. */
function runCommand(args: readonly string[], env: Readonly<Record<string, string>>) {
  const stop = new AbortController();
  let stdout = '';
  let stderr = '';
  const waiting: { pattern: RegExp; resolve: (match: RegExpExecArray) => void }[] = [];
  const check = () => {
    for (const wait of [...waiting]) {
      const match = wait.pattern.exec(`${stdout}\n${stderr}`);
      if (match) {
        waiting.splice(waiting.indexOf(wait), 1);
        wait.resolve(match);
      }
    }
  };
  const exit = referenceBotCommand.run(args, {
    stdout: (text) => {
      stdout += text;
      check();
    },
    stderr: (text) => {
      stderr += text;
      check();
    },
    stop: stop.signal,
    env,
  });
  onTestFinished(async () => {
    stop.abort();
    await exit;
  });
  return {
    /** Resolves once the output holds a match. */
    printed: (pattern: RegExp) =>
      new Promise<RegExpExecArray>((resolve) => {
        waiting.push({ pattern, resolve });
        check();
      }),
    stop: async () => {
      stop.abort();
      return { code: await exit, stdout, stderr };
    },
  };
}

it('starts from the environment a harness gives a bot, answers through the mock, and stops on request', async () => {
  const mock = await createMockServer({ deterministic: true });
  onTestFinished(() => mock.close());
  const run = runCommand([], {
    QISCUS_BASE_URL: mock.url,
    QISCUS_APP_CODE: mock.appCode,
    QISCUS_SECRET_KEY: mock.secretKey,
    QISCUS_BOT_EMAIL: mock.botEmail,
    PORT: '0',
  });

  const [, url] = await run.printed(/^reference bot listening on (http:\/\/127\.0\.0\.1:\d+\/)$/m);
  mock.configure({ bot_url: url ?? '' });
  const { room_id } = await mock.customer.say(
    { channel: 'qiscus', customer: { id: 'budi@example.com', name: 'Budi' }, text: 'menu' },
    { wait: true },
  );
  await run.printed(new RegExp(`room ${room_id} \\(qiscus\\): "menu" → menu: send buttons`));

  const fromBot = mock.rooms.get(room_id)?.messages.filter((message) => message.sender === 'bot');
  expect(fromBot?.map((message) => [message.type, message.sender_id])).toEqual([
    ['buttons', mock.botEmail],
  ]);
  const stopped = await run.stop();
  expect(stopped.code).toBe(0);
  expect(stopped.stderr).toContain('Stopped.');
});

it('takes flags over the environment, and refuses a bad port or base URL with exit code 2', async () => {
  const flag = runCommand(['--port', 'x'], { PORT: '0' });
  const fromFlag = await flag.stop();
  expect(fromFlag.code).toBe(2);
  expect(fromFlag.stderr).toContain('--port must be a port number from 0 to 65535, not "x"');

  const url = runCommand(['--base-url', 'nonsense', '--port', '0'], {});
  const fromUrl = await url.stop();
  expect(fromUrl.code).toBe(2);
  expect(fromUrl.stderr).toContain(
    'The Qiscus base URL "nonsense" is not a URL: give one such as http://127.0.0.1:3737',
  );

  const env = runCommand([], { PORT: '99999' });
  const fromEnv = await env.stop();
  expect(fromEnv.code).toBe(2);
  expect(fromEnv.stderr).toContain('PORT must be a port number from 0 to 65535, not "99999"');
  expect(fromEnv.stderr).toContain('qiscus-mock reference-bot --help');
});

it('prints its help with the flags and their environment variables', async () => {
  const run = runCommand(['--help'], {});
  const { code, stdout } = await run.stop();
  expect(code).toBe(0);
  for (const name of ['QISCUS_BASE_URL', 'QISCUS_APP_CODE', 'QISCUS_SECRET_KEY', 'PORT']) {
    expect(stdout).toContain(name);
  }
});
