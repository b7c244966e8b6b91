import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { request } from 'undici';
import { onTestFinished } from 'vitest';
import WebSocket from 'ws';
import { MockEventSchema } from '#contracts';
import { runCli } from '#harness';
import { findFreePort } from '../../src/run/find-free-port.js';

/** The Python example bot. */
export const pythonBot = fileURLToPath(
  new URL('../../../examples/python-bot/bot.py', import.meta.url),
);

/**
 * Records a conversation with `qiscus-mock serve --record FILE` (run in this process) and the
 * Python example bot: the customer greets on the web widget and presses "Opening hours"; each
 * time, the bot's messages are awaited on the mock's event stream. Everything is stopped after.
 */
export async function recordPythonConversation(file: string): Promise<void> {
  const stop = new AbortController();
  let stdout = '';
  let stderr = '';
  const serving = runCli(['serve', '--port', '0', '--json', '--record', file], {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    stop: stop.signal,
  });
  try {
    while (!stdout.includes('\n')) {
      await Promise.race([new Promise((resolve) => setImmediate(resolve)), serving]);
      if (stderr.includes('qiscus-mock serve:')) throw new Error(stderr);
    }
    const { url } = JSON.parse(stdout.split('\n')[0] ?? '') as { url: string };
    const port = await findFreePort();
    const bot = spawn('python3', [pythonBot], {
      env: {
        ...process.env,
        QISCUS_BASE_URL: url,
        QISCUS_APP_CODE: 'qiscus-mock-app',
        QISCUS_SECRET_KEY: 'mock-secret-key',
        PORT: String(port),
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    onTestFinished(() => {
      if (bot.exitCode === null) bot.kill('SIGKILL');
    });
    // The bot listens once it has printed its first line.
    await once(bot.stderr, 'data');
    await request(`${url}/_mock/config`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ bot_url: `http://127.0.0.1:${port}/` }),
    }).then((answer) => answer.body.dump());
    const events = new WebSocket(`${url.replace('http', 'ws')}/_mock/events`);
    await once(events, 'open');
    let botMessages = 0;
    let wake: () => void = () => undefined;
    events.on('message', (data: Buffer) => {
      const event = MockEventSchema.parse(JSON.parse(data.toString('utf8')));
      if (event.type === 'message' && event.message.sender === 'bot') {
        botMessages += 1;
        wake();
      }
    });
    const untilBotMessages = (count: number) =>
      new Promise<void>((resolve) => {
        wake = () => {
          if (botMessages >= count) resolve();
        };
        wake();
      });
    const say = async (body: unknown) => {
      const answer = await request(`${url}/_mock/messages?wait=true`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      return (await answer.body.json()) as { room_id: string };
    };
    const { room_id } = await say({
      channel: 'qiscus',
      customer: { id: 'budi.santoso@example.com', name: 'Budi Santoso' },
      text: 'Hi',
    });
    await untilBotMessages(2);
    await say({ room_id, postback: 'Opening hours' });
    await untilBotMessages(3);
    events.close();
    bot.kill('SIGTERM');
    await once(bot, 'exit');
  } finally {
    stop.abort();
    await serving;
  }
}
