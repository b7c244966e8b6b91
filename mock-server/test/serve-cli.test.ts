import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { request } from 'undici';
import { expect, it, onTestFinished } from 'vitest';
import { CustomerMessageResultSchema } from '#contracts';
import { serveCommand } from '#mock-server';

const bin = fileURLToPath(new URL('../../bin/qiscus-mock.js', import.meta.url));

it('starts from the command line, prints the banner, answers, and stops cleanly on SIGINT', async () => {
  const child = spawn(process.execPath, [bin, 'serve', '--port', '0', '--deterministic'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  onTestFinished(() => {
    if (child.exitCode === null) child.kill('SIGKILL');
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const lines = createInterface({ input: child.stdout });
  const printed: string[] = [];
  let url = '';
  for await (const line of lines) {
    printed.push(line);
    const match = /^qiscus-mock listening on (http:\/\/127\.0\.0\.1:\d+)$/.exec(line);
    if (match?.[1]) url = match[1];
    if (line === 'Press Ctrl-C to stop.') break;
  }
  expect(url).not.toBe('');
  const banner = printed.join('\n');
  expect(banner).toContain('App code       qiscus-mock-app');
  expect(banner).toContain('Secret key     mock-secret-key');
  expect(banner).toContain('Bot sender     qiscus-mock-app_admin@qismo.com');
  expect(banner).toContain(`API docs       ${url}/docs`);
  expect(printed[2]).toBe(
    `Dashboard: ${url}/   <- open this in a browser: the live inbox, to talk to the bot and hand over`,
  );
  expect(banner).toContain(`curl -s -X POST '${url}/_mock/messages?wait=true'`);

  const response = await request(`${url}/_mock/messages?wait=true`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ channel: 'wa', text: 'Hi' }),
  });
  expect(response.statusCode).toBe(200);
  expect(CustomerMessageResultSchema.parse(await response.body.json()).delivery.skip_reason).toBe(
    'NO_BOT_URL',
  );

  child.kill('SIGINT');
  const [code] = (await once(child, 'exit')) as [number | null];
  expect(code).toBe(0);
  expect(stderr).toContain('Stopped.');
});

it('refuses a bad flag or config with exit code 2 and says how to fix it', async () => {
  const runs: { code: number; stderr: string }[] = [];
  for (const args of [
    ['--port', 'eighty'],
    ['--delivery', 'sometimes'],
    ['--config', 'missing.yaml'],
    ['--bot-url', 'http://example.com/bot'],
    ['--nope'],
  ]) {
    let stderr = '';
    const code = await serveCommand.run(args, {
      stdout: () => undefined,
      stderr: (text) => (stderr += text),
    });
    runs.push({ code, stderr });
  }
  expect(runs.map((run) => run.code)).toEqual([2, 2, 2, 2, 2]);
  expect(runs[0]?.stderr).toContain('--port must be a whole number from 0 to 65535, not "eighty"');
  expect(runs[1]?.stderr).toContain('--delivery must be once, reliable or chaos');
  expect(runs[2]?.stderr).toContain('Cannot read the config file missing.yaml');
  expect(runs[3]?.stderr).toContain('example.com is not this machine');
  expect(runs[4]?.stderr).toContain('unknown flag --nope');
  for (const run of runs) expect(run.stderr).toContain('qiscus-mock serve --help');
});

it('prints one JSON line instead of the banner with --json, the listening line on stderr, and stops when asked', async () => {
  const stop = new AbortController();
  let stdout = '';
  let stderr = '';
  const done = serveCommand.run(['--port', '0', '--json'], {
    stdout: (text) => {
      stdout += text;
      stop.abort();
    },
    stderr: (text) => (stderr += text),
    stop: stop.signal,
  });
  expect(await done).toBe(0);
  const line = JSON.parse(stdout) as Record<string, string>;
  expect(stderr.split('\n')[0]).toBe(`qiscus-mock listening on ${line.url ?? ''}`);
  expect(line.event).toBe('listening');
  expect(line.url).toMatch(/^http:\/\/127\.0\.0\.1:[0-9]+$/);
  expect(line.app_code).toBe('qiscus-mock-app');
});

it('serve --upstream takes the upstream’s app code and secret from the environment, says where to point its webhook, and never prints the secret', async () => {
  const stop = new AbortController();
  let stdout = '';
  let stderr = '';
  const done = serveCommand.run(
    ['--port', '0', '--json', '--upstream', 'https://api.example.com'],
    {
      stdout: (text) => {
        stdout += text;
      },
      stderr: (text) => {
        stderr += text;
        if (text.startsWith('Proxy:')) stop.abort();
      },
      stop: stop.signal,
      env: { QISCUS_UPSTREAM_APP_CODE: 'real-app', QISCUS_UPSTREAM_SECRET_KEY: 'real-secret-9' },
    },
  );
  expect(await done).toBe(0);
  const line = JSON.parse(stdout) as Record<string, string>;
  expect(line.app_code).toBe('real-app');
  expect(stderr).toContain(
    `Proxy: the bot's calls go on to https://api.example.com; point the upstream's bot webhook at ${line.url ?? ''}/_upstream/webhook`,
  );
  expect(stdout + stderr).not.toContain('real-secret-9');
});

it('refuses the upstream’s credentials without --upstream, and an upstream URL that is not http(s)', async () => {
  const runs: { code: number; stderr: string }[] = [];
  for (const args of [
    ['--upstream-secret-key', 'k'],
    ['--upstream', 'ftp://api.example.com'],
  ]) {
    let stderr = '';
    const code = await serveCommand.run(args, {
      stdout: () => undefined,
      stderr: (text) => (stderr += text),
    });
    runs.push({ code, stderr });
  }
  expect(runs.map((run) => run.code)).toEqual([2, 2]);
  expect(runs[0]?.stderr).toContain('--upstream-secret-key goes with --upstream URL');
  expect(runs[1]?.stderr).toContain('--upstream must be an http(s) URL, not ftp:');
});
