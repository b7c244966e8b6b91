import { expect, it } from 'vitest';
import { testRequestFromArgs } from './test-run-options.js';

async function mockPortOf(args: readonly string[]): Promise<number | undefined> {
  const request = await testRequestFromArgs(['scripts/', ...args], {
    cwd: '/project',
    env: {},
    log: () => undefined,
  });
  if (request.help) throw new Error('help was asked for');
  return request.run.mock?.port;
}

it('puts the mock on 3737 for a bot already running, which must be told where the mock is', async () => {
  expect(await mockPortOf(['--bot-url', 'http://127.0.0.1:8000/webhook'])).toBe(3737);
  expect(await mockPortOf(['--bot-url', 'http://127.0.0.1:8000/', '--port', '4100'])).toBe(4100);
});

it('puts the mock on any free port when the harness starts the bot and tells it', async () => {
  expect(await mockPortOf([])).toBe(0);
  expect(await mockPortOf(['--bot-cmd', 'python bot.py'])).toBe(0);
  expect(
    await mockPortOf(['--bot-cmd', 'python bot.py', '--bot-url', 'http://127.0.0.1:8000/hook']),
  ).toBe(0);
});

it('reads the run’s options, the reporter and the output file from the flags', async () => {
  const request = await testRequestFromArgs(
    [
      'a.yaml',
      'folder',
      '--bot-cmd',
      'node bot.js',
      '--reporter',
      'junit',
      '--out',
      'reports/r.xml',
      '--concurrency',
      '3',
      '--timeout',
      '500ms',
      '--bot-start-timeout',
      '1m',
    ],
    { cwd: '/project', env: { HOME: '/home/me' }, log: () => undefined },
  );
  expect(request).toMatchObject({
    help: false,
    reporter: 'junit',
    out: 'reports/r.xml',
    run: {
      paths: ['a.yaml', 'folder'],
      cwd: '/project',
      botCmd: 'node bot.js',
      env: { HOME: '/home/me' },
      concurrency: 3,
      timeoutMs: 500,
      botStartTimeoutMs: 60_000,
    },
  });
});
