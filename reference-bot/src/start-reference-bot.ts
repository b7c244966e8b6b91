import type { ChannelRules } from '#contracts';
import { buildReferenceBotApp, type BotFailure } from './build-app.js';
import { BotError } from './errors.js';
import { QiscusClient, type QiscusClientOptions } from './qiscus-client.js';

/** How to start the reference bot: where Qiscus is, and where the bot listens. */
export interface ReferenceBotOptions extends QiscusClientOptions {
  /** The port for webhooks (default 0: any free port). */
  readonly port?: number;
  /** The interface to bind (default 127.0.0.1). */
  readonly host?: string;
  /** The channel matrix the replies follow (the contracts' documented one by default). */
  readonly rules?: ChannelRules;
  /** One line per webhook handled and per failure. */
  readonly log?: (line: string) => void;
}

/** A running reference bot. */
export interface ReferenceBot {
  /** Its webhook URL, e.g. `http://127.0.0.1:3738/`: give it to the mock as the bot URL. */
  readonly url: string;
  /** Resolves once every webhook received so far has been handled (its replies sent). */
  drain(): Promise<void>;
  /** The latest webhooks it could not act on in full, and why. */
  failures(): BotFailure[];
  /** Stops listening, finishes the webhooks in hand, closes its connections. */
  close(): Promise<void>;
}

/** Starts the reference bot: a webhook receiver that answers through the Qiscus bot API. */
export async function startReferenceBot(options: ReferenceBotOptions): Promise<ReferenceBot> {
  const client = new QiscusClient(options);
  const host = options.host ?? '127.0.0.1';
  const bot = buildReferenceBotApp({
    client,
    loopbackOnly: host === '127.0.0.1' || host === 'localhost' || host === '::1',
    ...(options.rules ? { rules: options.rules } : {}),
    ...(options.log ? { log: options.log } : {}),
  });
  try {
    await bot.app.listen({ port: options.port ?? 0, host });
  } catch (cause) {
    await client.close();
    const inUse = cause instanceof Error && 'code' in cause && cause.code === 'EADDRINUSE';
    throw new BotError(
      'BOT_ERR_CONFIG',
      `Cannot listen on ${host}:${options.port ?? 0}: ${inUse ? 'the port is in use; choose another one, or 0 for any free port' : String(cause)}.`,
      { cause },
    );
  }
  const address = bot.app.server.address();
  if (address === null || typeof address === 'string') {
    throw new Error('the bot has no TCP address after listening');
  }
  const shown = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${shown}:${address.port}/`,
    drain: () => bot.drain(),
    failures: () => bot.failures(),
    async close() {
      await bot.app.close();
      await bot.drain();
      await client.close();
    },
  };
}
