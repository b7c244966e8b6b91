import type { FastifyInstance } from 'fastify';
import {
  BotMessageWebhookSchema,
  ChannelSourceSchema,
  checkContract,
  type CustomerMessageRequest,
  type Delivery,
} from '#contracts';
import { formatTimestamp } from '../clock.js';
import type { RouteDeps } from '../routes/route-deps.js';
import type { UpstreamProxy } from './upstream-proxy.js';
import { noFlags, noHeaders, noWarnings } from '../traffic/kept-exchange.js';

/** Where the upstream's webhooks come in: point the real Qiscus's bot webhook URL here. */
export const upstreamWebhookPath = '/_upstream/webhook';

interface WebhookFacts {
  readonly roomId: string;
  readonly commentId: number;
  readonly message: CustomerMessageRequest | null;
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

/**
 * What a webhook from the upstream says, read leniently (it is the real service's, whatever its
 * shape): the room, the message id, and the customer's message as `POST /_mock/messages` takes
 * it, so that replay can play it into a mock. Null message when it cannot be read as one.
 */
export function readUpstreamWebhook(body: unknown): WebhookFacts {
  const payload = record(record(body).payload);
  const room = record(payload.room);
  const message = record(payload.message);
  const from = record(payload.from);
  const channel = record(record(body).channel);
  const roomId =
    typeof room.id_str === 'string'
      ? room.id_str
      : typeof room.id === 'string' || typeof room.id === 'number'
        ? String(room.id)
        : '';
  const commentId = typeof message.id === 'number' ? message.id : 0;
  const source = ChannelSourceSchema.safeParse(channel.source);
  const text = typeof message.text === 'string' ? message.text : '';
  if (!source.success || roomId === '') return { roomId, commentId, message: null };
  const customer = {
    ...(typeof from.email === 'string' && from.email !== '' ? { id: from.email } : {}),
    ...(typeof from.name === 'string' && from.name !== '' ? { name: from.name } : {}),
  };
  // Not the channel's id: the upstream's ids are not the mock's a replay plays into.
  const base = {
    channel: source.data,
    ...(Object.keys(customer).length > 0 ? { customer } : {}),
  };
  const type = message.type;
  const attached = record(message.payload);
  if ((type === 'file_attachment' || type === 'location') && Object.keys(attached).length > 0) {
    return { roomId, commentId, message: { ...base, type, payload: attached } };
  }
  return { roomId, commentId, message: text === '' ? null : { ...base, type: 'text', text } };
}

/**
 * `POST /_upstream/webhook` (proxy mode only): a webhook of the upstream, passed on to the bot
 * through the mock's own delivery (the bot URL of the configuration, never one the request
 * names), and answered with the bot's status and answer. The customer's message is logged first
 * as the control call that plays it (`POST /_mock/messages`), so a recording of the proxy
 * replays offline; the webhook itself is logged as the mock's own are (`to_bot`).
 */
export function upstreamWebhookRoute(
  app: FastifyInstance,
  deps: RouteDeps,
  upstream: UpstreamProxy,
): void {
  const seenRooms = new Set<string>();
  app.post(upstreamWebhookPath, async (request, reply) => {
    deps.guardHost(request);
    const check = checkContract(BotMessageWebhookSchema, request.body, { unknownFields: 'warn' });
    if (!check.ok) {
      upstream.report(
        `The upstream's webhook does not match the contract (passed on to the bot anyway): ${check.problems
          .map((problem) => `${problem.path || '(body)'}: ${problem.message}`)
          .join('; ')}.`,
      );
    }
    const facts = readUpstreamWebhook(request.body);
    // The customer's message began before the webhook it sets off, as it does when the mock plays it.
    const startSeq = deps.traffic.start();
    const delivery = deps.dispatcher.dispatch({
      webhook: 'botMessage',
      roomId: facts.roomId,
      commentId: facts.commentId,
      body: request.body,
    });
    if (facts.message) {
      const created = !seenRooms.has(facts.roomId);
      seenRooms.add(facts.roomId);
      deps.traffic.record({
        startSeq,
        direction: 'control',
        operationId: 'sendCustomerMessage',
        method: 'POST',
        path: '/_mock/messages',
        roomId: facts.roomId,
        status: 200,
        requestHeaders: noHeaders,
        requestBody: facts.message,
        responseBody: {
          room_id: facts.roomId,
          room_created: created,
          comment_id: facts.commentId,
          new_session: created,
          delivery,
        },
        error: null,
        warnings: noWarnings,
        flags: noFlags,
      });
    } else {
      upstream.report(
        `A webhook from the upstream holds no customer message the mock can read (room "${facts.roomId}"): passed on to the bot, but a replay of the recording will not play it.`,
      );
    }
    const settled: Delivery = await deps.dispatcher.settled(delivery.id);
    const last = settled.attempts.at(-1);
    if (!last || last.status_code === null) {
      return reply.code(502).send({
        status: 502,
        error: `qiscus-mock did not get the webhook to the bot: ${settled.reason}`,
        at: formatTimestamp(deps.clock.now()),
      });
    }
    const head = last.response_head;
    const json = head.trimStart().startsWith('{') || head.trimStart().startsWith('[');
    return reply
      .code(last.status_code)
      .header(
        'content-type',
        json ? 'application/json; charset=utf-8' : 'text/plain; charset=utf-8',
      )
      .send(head);
  });
}
