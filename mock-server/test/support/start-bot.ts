import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { onTestFinished } from 'vitest';

/** What a test bot answers to one webhook. */
export interface BotAnswer {
  readonly status: number;
  readonly body?: string;
  /** Answer only once this resolves (to hold a webhook in flight). */
  readonly after?: Promise<unknown>;
}

/** One webhook the test bot received. */
export interface ReceivedWebhook {
  readonly path: string;
  readonly headers: IncomingMessage['headers'];
  readonly body: unknown;
}

/**
 * A real HTTP bot on 127.0.0.1 and a free port that records every webhook and answers as told
 * (200 `{"ok":true}` by default). Closed when the test finishes.
 */
export async function startBot(
  answer: (webhook: ReceivedWebhook, index: number) => BotAnswer = () => ({ status: 200 }),
): Promise<{ readonly url: string; readonly received: ReceivedWebhook[]; close(): Promise<void> }> {
  const received: ReceivedWebhook[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const webhook = {
        path: req.url ?? '',
        headers: req.headers,
        body: text === '' ? undefined : (JSON.parse(text) as unknown),
      };
      received.push(webhook);
      const reply = answer(webhook, received.length - 1);
      void Promise.resolve(reply.after).then(() => {
        res.writeHead(reply.status, { 'content-type': 'application/json' });
        res.end(reply.body ?? '{"ok":true}');
      });
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  const close = async () => {
    server.closeAllConnections();
    if (server.listening) {
      server.close();
      await once(server, 'close');
    }
  };
  onTestFinished(close);
  return { url: `http://127.0.0.1:${port}/webhook`, received, close };
}

/**
 * A real HTTP "bot" on 127.0.0.1 and a free port that handles each request as `handle` says (for
 * answers `startBot` cannot give: a stalled body, a dropped connection, a redirect). Closed when
 * the test finishes; resolves to its webhook URL.
 */
export async function startRawBot(
  handle: (req: IncomingMessage, res: ServerResponse) => void,
): Promise<string> {
  const server = createServer(handle);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  onTestFinished(async () => {
    server.closeAllConnections();
    server.close();
    await once(server, 'close');
  });
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhook`;
}
