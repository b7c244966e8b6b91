import { createServer, type IncomingMessage } from 'node:http';
import { setTimeout as delay } from 'node:timers/promises';
import { request } from 'undici';
import {
  BotMessageWebhookSchema,
  LegacyBotMessageWebhookSchema,
  checkContract,
  decodeRoomOptions,
  messageExamples,
  type BotMessageWebhook,
  type ChannelSource,
  type LegacyBotMessageWebhook,
} from '#contracts';

/** One way the bot breaks what `conform` checks; none: it keeps every rule. */
export type ConformFlaw =
  | 'none'
  | 'slow-webhook'
  | '5xx-on-location'
  | 'buttons-on-whatsapp'
  | 'options-as-object'
  | 'wrong-auth'
  | 'room-id-number'
  | 'no-handover'
  | 'talks-after-handover'
  | 'answers-while-off'
  | 'no-fresh-greeting'
  | 'answers-duplicates'
  | 'mixes-rooms'
  | 'no-retry'
  | 'crashes-on-postback'
  | 'rejects-unknown-fields'
  | 'rejects-old-shape'
  | 'retries-role-handover';

/** What the bot reads of a webhook, in either shape. */
interface Incoming {
  readonly roomId: string;
  /** The channel the webhook names (for the flaws that break one channel's calls). */
  readonly source: ChannelSource;
  /** The channel the bot fits its messages to, as it reads it. */
  readonly channel: ChannelSource;
  readonly text: string;
  readonly type: string;
}

/**
 * The newer shape: the channel from room.options decoded; with the flaw options-as-object, from
 * channel.source (which the newer shape has, so the flaw does not show there).
 */
function readWebhook(webhook: BotMessageWebhook, flaw: ConformFlaw): Incoming {
  const { room, message } = webhook.payload;
  return {
    roomId: room.id_str,
    source: webhook.channel.source,
    channel:
      flaw === 'options-as-object'
        ? webhook.channel.source
        : decodeRoomOptions(room.options).channel,
    text: message.text,
    type: message.type,
  };
}

/**
 * The older shape, which has no channel object: the channel from room.options decoded (an object
 * in the documented sample). With the flaw options-as-object, the JSON string is read as if it
 * were an object: it has no fields, so every room looks like the widget.
 */
function readLegacyWebhook(webhook: LegacyBotMessageWebhook, flaw: ConformFlaw): Incoming {
  const { room, message } = webhook.payload;
  const options: unknown = room.options;
  const asObject = (options as { source?: ChannelSource }).source;
  const channel =
    flaw === 'options-as-object'
      ? (asObject ?? 'qiscus')
      : typeof room.options === 'string'
        ? decodeRoomOptions(room.options).channel
        : room.options.source;
  return {
    roomId: String(room.id),
    source: channel,
    channel,
    text: message.text,
    type: message.type,
  };
}

/** A small bot for the conformance tests, on 127.0.0.1. */
export interface ConformBot {
  readonly url: string;
  /** Where the mock is: learnt at each run's start. */
  mockUrl: string | null;
  close(): Promise<void>;
}

const secret = 'mock-secret-key';
const appCode = 'qiscus-mock-app';
const asksForHuman = /\b(human|agen|agent)\b/i;
const aboutBilling = /\binvoice\b/i;

/** What a press of one of the bot's own postback buttons says: its postback_text, else its label. */
const pressTexts = new Set(
  [
    ...messageExamples.buttons.payload.buttons,
    ...messageExamples.carousel.payload.cards.flatMap((card) => card.buttons),
  ].flatMap((button: { label: string; type: string; postback_text?: string }) =>
    button.type === 'postback' ? [button.postback_text ?? button.label] : [],
  ),
);

/**
 * Starts a bot that greets with a text and a menu fitted to the channel (buttons where taken, a
 * carousel where taken), hands over when asked for a person, answers anything else with a text,
 * answers each message id once, and breaks exactly one rule when given a flaw.
 */
export async function startConformBot(flaw: ConformFlaw): Promise<ConformBot> {
  const inFlight = new Set<Promise<unknown>>();
  const seen = new Set<number>();
  const greeted = new Set<string>();
  const handedOver = new Set<string>();
  const nudges = new Map<string, NodeJS.Timeout>();
  let latestRoom = '';
  const bot: ConformBot = { url: '', mockUrl: null, close: () => Promise.resolve() };

  const post = async (path: string, body: unknown, roomChannel: ChannelSource): Promise<number> => {
    const wrongSecret = flaw === 'wrong-auth' && roomChannel === 'line';
    // Sent again after a 429 (waiting Retry-After) or a 503, twice at most, unless the flaw.
    for (let attempt = 1; attempt <= 3; attempt += 1) {
      const response = await request(`${bot.mockUrl ?? ''}${path}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          qiscus_sdk_secret: wrongSecret ? 'not-the-secret' : secret,
        },
        body: JSON.stringify(body),
      });
      await response.body.dump();
      const status = response.statusCode;
      if (flaw === 'no-retry' || (status !== 429 && status !== 503)) return status;
      await delay(Number(response.headers['retry-after'] ?? 0.1) * 1000);
    }
    return 503;
  };

  const reply = async (incoming: Incoming) => {
    const { source, channel } = incoming;
    let roomId = incoming.roomId;
    const message = incoming;
    const text = message.text.trim().toLowerCase();
    clearTimeout(nudges.get(roomId));
    if (flaw === 'mixes-rooms') {
      latestRoom = roomId;
      await delay(300);
      roomId = latestRoom;
    }
    const roomIdSent: string | number =
      flaw === 'room-id-number' && source === 'fb' ? Number(roomId) : roomId;
    const send = (body: object) =>
      post(`/${appCode}/bot`, { ...body, room_id: roomIdSent }, source);
    handedOver.delete(roomId);
    if (asksForHuman.test(text) && flaw !== 'no-handover') {
      await send({ ...messageExamples.text, message: 'Connecting you to a person.' });
      await post(`/${appCode}/bot/${roomId}/hand_over`, {}, source);
      handedOver.add(roomId);
      if (flaw === 'talks-after-handover') {
        await send({ ...messageExamples.text, message: 'Anything else meanwhile?' });
      }
      return;
    }
    if (aboutBilling.test(text)) {
      await send({ ...messageExamples.text, message: 'Our billing team will take over.' });
      const toRole = () =>
        post(`/${appCode}/bot/${roomId}/hand_over_to_role`, { role: 'billing' }, source);
      let status = await toRole();
      if (flaw === 'retries-role-handover') {
        // The same call again and again, as if the refusal would pass.
        for (let attempt = 1; attempt <= 5 && status >= 400; attempt += 1) {
          await delay(100);
          status = await toRole();
        }
        return;
      }
      if (status >= 400) await post(`/${appCode}/bot/${roomId}/hand_over`, {}, source);
      return;
    }
    if (text === 'hi' && flaw === 'no-fresh-greeting' && greeted.has(roomId)) return;
    if (text === 'hi' && flaw !== 'mixes-rooms') {
      greeted.add(roomId);
      await send({ ...messageExamples.text, message: 'Hello! Here is the menu.' });
      const buttonsTaken = channel !== 'wa' && channel !== 'ig';
      if (buttonsTaken || (flaw === 'buttons-on-whatsapp' && channel === 'wa')) {
        await send(messageExamples.buttons);
      }
      if (channel !== 'wa' && channel !== 'telegram') await send(messageExamples.carousel);
    } else {
      await send({ ...messageExamples.text, message: `you said: ${message.text || message.type}` });
    }
    if (flaw === 'answers-while-off') {
      // An idle nudge that writes on its own, whatever the room's bot switch says.
      nudges.set(
        roomId,
        setTimeout(() => {
          if (!handedOver.has(roomId))
            track(send({ ...messageExamples.text, message: 'Still there?' }));
        }, 2200),
      );
    }
  };

  const track = (work: Promise<unknown>) => {
    inFlight.add(work);
    // A reply after the run closed the mock is refused; that is no failure of a test.
    void work.finally(() => inFlight.delete(work)).catch(() => undefined);
  };

  const readBody = async (incoming: IncomingMessage) => {
    let text = '';
    for await (const chunk of incoming) text += String(chunk);
    return text;
  };

  const server = createServer((incoming, outgoing) => {
    if (incoming.method !== 'POST') {
      outgoing.writeHead(200).end('conform bot');
      return;
    }
    void readBody(incoming).then(async (body) => {
      const parsed: unknown = JSON.parse(body);
      const answer = (status: number) =>
        outgoing
          .writeHead(status, { 'content-type': 'application/json' })
          .end(`{"ok":${status < 300}}`);
      const legacy = LegacyBotMessageWebhookSchema.safeParse(parsed);
      if (legacy.success) {
        // The older shape: taken and answered (it has no message id), unless the flaw.
        if (flaw === 'rejects-old-shape') {
          answer(400);
          return;
        }
        const work = reply(readLegacyWebhook(legacy.data, flaw));
        track(work);
        if (flaw === 'slow-webhook') {
          await work.catch(() => undefined);
          await delay(1200);
        }
        answer(200);
        return;
      }
      const strict = BotMessageWebhookSchema.safeParse(parsed);
      if (flaw === 'rejects-unknown-fields' && !strict.success) {
        answer(400);
        return;
      }
      const check = checkContract(BotMessageWebhookSchema, parsed, { unknownFields: 'warn' });
      if (!check.ok) {
        answer(400);
        return;
      }
      const webhook = check.value;
      const message = webhook.payload.message;
      if (flaw === '5xx-on-location' && message.type === 'location') {
        answer(500);
        return;
      }
      if (flaw === 'crashes-on-postback' && pressTexts.has(message.text)) {
        answer(500);
        return;
      }
      const duplicate = seen.has(message.id);
      seen.add(message.id);
      const work =
        duplicate && flaw !== 'answers-duplicates'
          ? Promise.resolve()
          : reply(readWebhook(webhook, flaw));
      track(work);
      if (flaw === 'slow-webhook') {
        // The work first, the answer after: Qiscus would see a bot that does not answer.
        await work.catch(() => undefined);
        await delay(1200);
      }
      answer(200);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return Object.assign(bot, {
    url: `http://127.0.0.1:${port}/`,
    async close() {
      for (const timer of nudges.values()) clearTimeout(timer);
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
      server.closeAllConnections();
      await new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
      });
    },
  });
}
