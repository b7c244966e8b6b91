import type { MockServer } from '#mock-server';
import { startReferenceBot, type ReferenceBot } from '#reference-bot';

/**
 * Starts the reference bot against a running mock: the bot calls the mock's API with its app
 * code and secret, and follows the app's own channel rules (a config file may change them).
 * Pointing the mock's webhooks at the bot is left to the caller.
 */
export function startReferenceBotFor(
  mock: MockServer,
  options: { readonly port?: number; readonly log?: (line: string) => void } = {},
): Promise<ReferenceBot> {
  return startReferenceBot({
    baseUrl: mock.url,
    appCode: mock.appCode,
    secretKey: mock.secretKey,
    botEmail: mock.botEmail,
    port: options.port ?? 0,
    rules: mock.settings().channel_rules,
    ...(options.log ? { log: options.log } : {}),
  });
}
