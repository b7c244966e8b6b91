import { onTestFinished } from 'vitest';
import { createMockServer, createSteppingClock, type Clock, type MockServer } from '#mock-server';
import { startReferenceBot, type ReferenceBot } from '#reference-bot';

/**
 * A deterministic mock and the reference bot, wired to each other as `npm start` wires them;
 * both closed when the test finishes.
 */
export async function startStack(): Promise<{ mock: MockServer; bot: ReferenceBot }> {
  const mock = await createMockServer({ deterministic: true, clock: screenshotClock() });
  let bot: ReferenceBot;
  try {
    bot = await startReferenceBot({
      baseUrl: mock.url,
      appCode: mock.appCode,
      secretKey: mock.secretKey,
      botEmail: mock.botEmail,
      rules: mock.settings().channel_rules,
    });
  } catch (error) {
    await mock.close();
    throw error;
  }
  onTestFinished(async () => {
    // No new webhooks; the bot finishes its replies before the mock it talks to stops.
    mock.configure({ bot_enabled: false });
    await mock.drain();
    await bot.drain();
    await bot.close();
    await mock.close();
  });
  mock.configure({ bot_url: bot.url });
  return { mock, bot };
}

/**
 * A repeatable clock whose readings look like a working morning in the screenshots: a second
 * between timestamps, a few milliseconds for a webhook's round trip.
 */
function screenshotClock(): Clock {
  const wall = createSteppingClock(Date.UTC(2026, 10, 24, 9, 30), 1000);
  let monotonic = 0;
  return { now: () => wall.now(), monotonic: () => (monotonic += 2) };
}
