import { request } from 'undici';
import { expect, onTestFinished } from 'vitest';
import { createMockServer, type MockServer, type MockServerOptions } from '#mock-server';
import { startReferenceBot, type ReferenceBot } from '#reference-bot';

/** The mock and the reference bot of one test, wired to each other. */
export interface BotAndMock {
  readonly mock: MockServer;
  readonly bot: ReferenceBot;
  /** Resolves once the mock's webhooks have settled and the bot has sent its replies. */
  drain(): Promise<void>;
}

/**
 * Starts a deterministic mock (with `options` laid over that), then the reference bot against
 * it, and sets the mock's bot URL through the control API, as a person would with curl. Both are
 * closed when the test finishes: the mock first, once the bot's replies in hand have reached it.
 */
export async function startBotAndMock(options: MockServerOptions = {}): Promise<BotAndMock> {
  const mock = await createMockServer({ deterministic: true, ...options });
  const started: { bot?: ReferenceBot } = {};
  // One hook, so the order is ours to choose whatever order vitest runs its hooks in.
  onTestFinished(async () => {
    await mock.drain();
    await started.bot?.drain();
    await mock.close();
    await started.bot?.close();
  });
  const bot = await startReferenceBot({
    baseUrl: mock.url,
    appCode: mock.appCode,
    secretKey: mock.secretKey,
    botEmail: mock.botEmail,
    port: 0,
  });
  started.bot = bot;
  const response = await request(`${mock.url}/_mock/config`, {
    method: 'PATCH',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ bot_url: bot.url }),
  });
  const answer = await response.body.text();
  expect(response.statusCode, `setting the mock's bot URL answered: ${answer}`).toBe(200);
  return {
    mock,
    bot,
    async drain() {
      await mock.drain();
      await bot.drain();
    },
  };
}
