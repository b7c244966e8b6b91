import { createMockServer, type MockServer, type MockServerOptions } from '#mock-server';
import type { ReferenceBot } from '#reference-bot';
import { startReferenceBotFor } from './start-reference-bot-for.js';

/** What to start: the mock's options, and where the reference bot listens. */
export interface LocalStackOptions {
  readonly mock?: MockServerOptions;
  /** The reference bot's port (default 0: any free port). */
  readonly botPort?: number;
  /** One line per webhook the bot handles and per failure. */
  readonly botLog?: (line: string) => void;
}

/** The mock and the reference bot, wired to each other. */
export interface LocalStack {
  readonly mock: MockServer;
  readonly bot: ReferenceBot;
  /** Resolves once the mock's webhooks have settled and the bot has sent its replies. */
  drain(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Starts the mock and the reference bot and wires them: the bot calls the mock's API, and the
 * mock's webhooks go to the bot.
 */
export async function startLocalStack(options: LocalStackOptions = {}): Promise<LocalStack> {
  const mock = await createMockServer(options.mock ?? {});
  let bot: ReferenceBot;
  try {
    bot = await startReferenceBotFor(mock, {
      port: options.botPort ?? 0,
      ...(options.botLog ? { log: options.botLog } : {}),
    });
  } catch (error) {
    await mock.close();
    throw error;
  }
  try {
    mock.configure({ bot_url: bot.url });
  } catch (error) {
    await bot.close();
    await mock.close();
    throw error;
  }
  return {
    mock,
    bot,
    async drain() {
      await mock.drain();
      await bot.drain();
    },
    async close() {
      try {
        // No new webhooks, so the waits below end even while customers keep writing.
        mock.configure({ bot_enabled: false });
        await mock.drain();
        await bot.drain();
      } finally {
        try {
          await mock.close();
        } finally {
          await bot.close();
        }
      }
    },
  };
}
