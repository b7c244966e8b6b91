import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { request } from 'undici';
import { expect, it } from 'vitest';
import { MockSettingsSchema, type MockSettings } from '#contracts';
import { isMockError, parseConfigText, serveCommand } from '#mock-server';

/** Runs `serve` with `args` until `use` is done with its URL; its stderr, and what `use` gave. */
async function withServe<T>(
  args: readonly string[],
  use: (url: string) => Promise<T>,
): Promise<{ code: number; stderr: string; result: T | undefined }> {
  const stop = new AbortController();
  let stderr = '';
  let result: T | undefined;
  let failure: Error | undefined;
  const code = await serveCommand.run(['--port', '0', '--json', ...args], {
    stdout: (line) => {
      const { url } = JSON.parse(line) as { url: string };
      use(url)
        .then((value) => (result = value))
        .catch((error: unknown) => {
          failure = error instanceof Error ? error : new Error(String(error));
        })
        .finally(() => {
          stop.abort();
        });
    },
    stderr: (text) => (stderr += text),
    stop: stop.signal,
  });
  if (failure !== undefined) throw failure;
  return { code, stderr, result };
}

async function settingsAt(url: string): Promise<MockSettings> {
  const answer = await request(`${url}/_mock/config`);
  return MockSettingsSchema.parse(await answer.body.json());
}

it('takes each budget and the retry window from its flag, and GET /_mock/config shows them', async () => {
  const { code, result } = await withServe(
    [
      '--max-rooms',
      '2',
      '--rooms-budget',
      '1MB',
      '--traffic-budget',
      '2mb',
      '--deliveries-budget',
      '512KB',
      '--stored-body-limit',
      '4KiB',
      '--retry-for',
      '10m',
    ],
    async (url) => {
      const rooms: string[] = [];
      for (const customer of ['a', 'b', 'c']) {
        const answer = await request(`${url}/_mock/messages`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ channel: 'qiscus', customer: { id: customer }, text: 'Hi' }),
        });
        rooms.push(((await answer.body.json()) as { room_id: string }).room_id);
      }
      const kept = await request(`${url}/_mock/rooms`);
      const listed = (await kept.body.json()) as { rooms: { room_id: string }[] };
      return { settings: await settingsAt(url), rooms, kept: listed.rooms.map((r) => r.room_id) };
    },
  );
  expect(code).toBe(0);
  expect(result?.settings.budgets).toEqual({
    max_rooms: 2,
    rooms_budget: 1024 * 1024,
    traffic_budget: 2 * 1024 * 1024,
    deliveries_budget: 512 * 1024,
    stored_body_limit: 4096,
    retry_for_ms: 600_000,
  });
  // --max-rooms 2 reached the room store: the first room was let go.
  expect(result?.kept.sort()).toEqual(result?.rooms.slice(1).sort());
});

it('takes the budgets from the config file too, flags winning, and shows the defaults without them', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'qiscus-mock-budgets-'));
  const file = path.join(dir, 'mock.yaml');
  writeFileSync(
    file,
    'max_rooms: 500\nrooms_budget: 8MB\ntraffic_budget: 3145728\ndeliveries_budget: 1 MB\nstored_body_limit: 2KB\nretry_for: 90s\n',
  );
  const fromFile = await withServe(['--config', file, '--max-rooms', '7'], settingsAt);
  expect(fromFile.result?.budgets).toEqual({
    max_rooms: 7,
    rooms_budget: 8 * 1024 * 1024,
    traffic_budget: 3 * 1024 * 1024,
    deliveries_budget: 1024 * 1024,
    stored_body_limit: 2048,
    retry_for_ms: 90_000,
  });
  const plain = await withServe([], settingsAt);
  expect(plain.result?.budgets).toEqual({
    max_rooms: 20_000,
    rooms_budget: 16 * 1024 * 1024,
    traffic_budget: 8 * 1024 * 1024,
    deliveries_budget: 8 * 1024 * 1024,
    stored_body_limit: 16 * 1024,
    retry_for_ms: 120_000,
  });
});

it('refuses a bad budget flag with exit code 2, naming the flag and what it takes', async () => {
  const refusals: string[] = [];
  for (const args of [
    ['--rooms-budget', 'lots'],
    ['--max-rooms', '0'],
    ['--max-rooms', 'many'],
    ['--stored-body-limit', '10'],
    ['--traffic-budget', '64GB'],
    ['--deliveries-budget', '12 parsecs'],
    ['--retry-for', '10 minutes'],
  ]) {
    let stderr = '';
    const code = await serveCommand.run(args, {
      stdout: () => undefined,
      stderr: (text) => (stderr += text),
    });
    expect({ args, code }).toEqual({ args, code: 2 });
    expect(stderr).toContain('Run `qiscus-mock serve --help` for its flags.');
    refusals.push(stderr.split('\n')[0] ?? '');
  }
  expect(refusals).toEqual([
    'qiscus-mock serve: --rooms-budget must be a size such as 32MB, 512KB or a whole number of bytes, not "lots"',
    'qiscus-mock serve: --max-rooms must be at least 1 room',
    'qiscus-mock serve: --max-rooms must be a whole number of rooms, not "many"',
    'qiscus-mock serve: --stored-body-limit must be from 256 bytes to 64 MB, not 10',
    'qiscus-mock serve: --traffic-budget must be from 64 KB to 16 GB, not 64GB',
    'qiscus-mock serve: --deliveries-budget must be a size such as 32MB, 512KB or a whole number of bytes, not "12 parsecs"',
    'qiscus-mock serve: --retry-for must be a duration such as 90s, 10m or 1h (at most 24h), not "10 minutes"',
  ]);
});

it('refuses a misspelt or bad budget key in the config file with the key probably meant', () => {
  const refusal = (() => {
    try {
      parseConfigText('rooms_budjet: 8MB\ntraffic_budget: lots\nretry_for: 2 minutes\n', 'm.yaml');
    } catch (error) {
      if (isMockError(error)) return error.message;
      throw error;
    }
    return 'taken';
  })();
  expect(refusal).toBe(
    [
      'm.yaml has 3 problems:',
      '  traffic_budget: must be a size such as 32MB, 512KB or a whole number of bytes, not "lots"',
      '  retry_for: must be a duration such as 90s, 10m or 1h (at most 24h), not "2 minutes"',
      '  rooms_budjet: is not a field of this object; did you mean "rooms_budget"?',
    ].join('\n'),
  );
});

it('serve --help gives the budgets the mock starts with', async () => {
  let out = '';
  const code = await serveCommand.run(['--help'], {
    stdout: (text) => (out += text),
    stderr: () => undefined,
    stop: new AbortController().signal,
  });
  expect(code).toBe(0);
  expect(out).toContain('bytes of rooms and messages kept (default 16MB)');
  expect(out).toContain('bytes of the traffic log (default 8MB)');
  expect(out).toContain('webhook bodies in the delivery log (default 8MB)');
});
