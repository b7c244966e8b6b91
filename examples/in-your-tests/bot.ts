// A small bot, as a team would write one: it receives Qiscus's webhook and answers through the
// bot API. The request and the webhook are typed and checked with 'qiscus-mock/contracts'.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { BotMessageWebhookSchema, checkContract, TextMessageSchema } from 'qiscus-mock/contracts';

/** Where the bot sends its answers: Qiscus, or the mock in a test. */
export interface BotConfig {
  readonly baseUrl: string;
  readonly appCode: string;
  readonly secretKey: string;
  readonly botEmail: string;
}

/** What the bot answers to a customer's text. */
export function answerTo(text: string): string {
  return /\b(hi|hello|halo)\b/i.test(text)
    ? 'Hello! How can I help you today?'
    : 'Sorry, I did not understand. Type hi to start.';
}

async function answer(config: BotConfig, body: unknown): Promise<void> {
  const webhook = checkContract(BotMessageWebhookSchema, body);
  if (!webhook.ok) return;
  const { message, room } = webhook.value.payload;
  const reply = checkContract(TextMessageSchema, {
    sender_email: config.botEmail,
    type: 'text',
    message: answerTo(message.text),
    room_id: room.id,
  });
  if (!reply.ok)
    throw new Error(`The bot built a reply the API refuses: ${JSON.stringify(reply.problems)}`);
  await fetch(`${config.baseUrl}/${config.appCode}/bot`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', QISCUS_SDK_SECRET: config.secretKey },
    body: JSON.stringify(reply.value),
  });
}

/** Starts the bot on 127.0.0.1 and a free port; its webhook URL is `url`. */
export async function startBot(
  config: BotConfig,
): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer((request, response) => {
    let text = '';
    request.on('data', (chunk: Buffer) => (text += chunk.toString()));
    request.on('end', () => {
      answer(config, JSON.parse(text)).then(
        () => response.end(),
        () => response.writeHead(500).end(),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise((resolve) => {
        server.close(() => {
          resolve();
        });
      }),
  };
}
