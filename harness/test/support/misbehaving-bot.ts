import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { request } from 'undici';
import { BotMessageWebhookSchema, messageExamples, type BotMessageWebhook } from '#contracts';

/** A bot that breaks the contract on purpose, one way per thing the customer says. */
export interface MisbehavingBot {
  readonly url: string;
  /** Where the mock is: learnt when the run is ready (before any script runs). */
  mockUrl: string | null;
  /** Resolves once every reply it started has been answered. */
  drain(): Promise<void>;
  close(): Promise<void>;
}

const secret = 'mock-secret-key';
/**
 * How long the `late` bot waits before its second message: long enough that a `bot` step has
 * matched the first and the next step has begun, well inside a `silence: 500ms` after it.
 */
const lateReplyDelayMs = 150;
/**
 * How the `stall` bot blocks the process (the harness's and the mock's too, as in one test
 * worker) after its first message, and when its second message is due meanwhile: the second is
 * sent as soon as the block ends, after every timer that came due during it, such as a 500 ms
 * wait for quiet.
 */
const stall = { afterMs: 20, blockMs: 800, secondAfterMs: 100 };
const appCode = 'qiscus-mock-app';

async function readBody(incoming: IncomingMessage): Promise<string> {
  let text = '';
  for await (const chunk of incoming) text += String(chunk);
  return text;
}

/**
 * Starts on 127.0.0.1 a bot that answers each webhook according to the customer's text:
 * `buttons` sends buttons (refused on WhatsApp), `fail` answers the webhook 500, `wrong auth`
 * sends with a wrong secret, `malformed` sends a body that is not JSON, `no room` one that is
 * not JSON and names no room, `quiet` sends nothing, `after handover`
 * hands the room over and then writes, `late` answers and then, a moment later
 * ({@link lateReplyDelayMs}), writes once more; `stall` answers, blocks the process and writes
once more while it is blocked ({@link stall}); anything else gets a text back. Replies are built
 * from the contracts' examples.
 */
export async function startMisbehavingBot(): Promise<MisbehavingBot> {
  const inFlight = new Set<Promise<unknown>>();
  const bot: MisbehavingBot = {
    url: '',
    mockUrl: null,
    async drain() {
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },
    close: () => Promise.resolve(),
  };
  const post = async (path: string, body: string, headers: Record<string, string>) => {
    const response = await request(`${bot.mockUrl ?? ''}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
    });
    await response.body.dump();
  };
  const reply = async (webhook: BotMessageWebhook) => {
    const roomId = webhook.payload.room.id_str;
    const text = webhook.payload.message.text;
    const auth = { qiscus_sdk_secret: secret };
    const send = (message: object, headers: Record<string, string> = auth) =>
      post(`/${appCode}/bot`, JSON.stringify({ ...message, room_id: roomId }), headers);
    if (text === 'buttons') await send(messageExamples.buttons);
    else if (text === 'wrong auth')
      await send(messageExamples.text, { qiscus_sdk_secret: 'not-the-secret' });
    else if (text === 'malformed')
      await post(`/${appCode}/bot`, `{"room_id": "${roomId}", "message": `, auth);
    else if (text === 'no room') await post(`/${appCode}/bot`, '{"message": ', auth);
    else if (text === 'quiet') return;
    else if (text === 'late') {
      await send({ ...messageExamples.text, message: 'you said: late' });
      await new Promise((resolve) => setTimeout(resolve, lateReplyDelayMs));
      await send({ ...messageExamples.text, message: 'one more thing' });
    } else if (text === 'stall') {
      await send({ ...messageExamples.text, message: 'you said: stall' });
      setTimeout(() => {
        // Blocks the thread as a long GC pause or a starved CPU would, without spinning.
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, stall.blockMs);
      }, stall.afterMs);
      await new Promise((resolve) => setTimeout(resolve, stall.secondAfterMs));
      await send({ ...messageExamples.text, message: 'and one more thing' });
    } else if (text === 'after handover') {
      await post(`/${appCode}/bot/${roomId}/hand_over`, '{}', auth);
      await send(messageExamples.text);
    } else await send({ ...messageExamples.text, message: `you said: ${text}` });
  };
  const handle = async (incoming: IncomingMessage, outgoing: ServerResponse) => {
    const webhook = BotMessageWebhookSchema.parse(JSON.parse(await readBody(incoming)));
    if (webhook.payload.message.text === 'fail') {
      outgoing.writeHead(500, { 'content-type': 'text/plain' }).end('boom: database down\n');
      return;
    }
    outgoing.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    const replying = reply(webhook);
    inFlight.add(replying);
    // A reply that comes after the run closed the mock is refused; that is no failure of a test.
    void replying.finally(() => inFlight.delete(replying)).catch(() => undefined);
  };
  const server = createServer((incoming, outgoing) => {
    if (incoming.method !== 'POST') {
      outgoing.writeHead(200).end('misbehaving bot');
      return;
    }
    handle(incoming, outgoing).catch(() => {
      if (!outgoing.headersSent) outgoing.writeHead(400).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return Object.assign(bot, {
    url: `http://127.0.0.1:${port}/`,
    async close() {
      await bot.drain();
      server.closeAllConnections();
      await new Promise<void>((resolve) =>
        server.close(() => {
          resolve();
        }),
      );
    },
  });
}
