import { onTestFinished } from 'vitest';
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
 * Starts a deterministic mock (with `options` laid over that), then the reference bot against it,
 * and points the mock's webhooks at the bot. Both are closed when the test finishes: the mock
 * first, once the bot's replies in hand have reached it.
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
  mock.configure({ bot_url: bot.url });
  return {
    mock,
    bot,
    async drain() {
      await mock.drain();
      await bot.drain();
    },
  };
}
