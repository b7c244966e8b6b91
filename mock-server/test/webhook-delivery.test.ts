import { describe, expect, onTestFinished, test } from 'vitest';
import {
  BotMessageWebhookSchema,
  activateRoomBot,
  decodeRoomOptions,
  getRoom,
  getTraffic,
  handOver,
  integrateAppBot,
  listDeliveries,
  patchConfig,
  postBotMessage,
  redeliver,
  resolveRoom,
  sendCustomerMessage,
  setAppBotActivation,
  type BotMessageWebhook,
  type CustomerMessageRequest,
  type CustomerMessageResult,
  type Delivery,
} from '#contracts';
import type { MockServer } from '#mock-server';
import { callControl } from './support/call-control.js';
import { okBody, say } from './support/control-answers.js';
import { deferred } from './support/deferred.js';
import { callQiscus } from './support/call-qiscus.js';
import { startBot, startRawBot, type ReceivedWebhook } from './support/start-bot.js';
import { startMock } from './support/start-mock.js';

const form = 'application/x-www-form-urlencoded';

/** A customer writes and the answer comes at once, with the delivery maybe still pending. */
async function sayNow(
  server: MockServer,
  message: CustomerMessageRequest,
): Promise<CustomerMessageResult> {
  return okBody(await callControl(server, sendCustomerMessage, { body: message }));
}

async function deliveries(server: MockServer): Promise<Delivery[]> {
  return okBody(await callControl(server, listDeliveries)).deliveries;
}

/** The webhook body the bot received, checked against the contract. */
function webhookAt(received: readonly ReceivedWebhook[], index: number): BotMessageWebhook {
  return BotMessageWebhookSchema.parse(received[index]?.body);
}

/** A real HTTP server that answers every POST with a redirect to `location`, counting them. */
async function startRedirector(location: string): Promise<{ url: string; hits: () => number }> {
  let hits = 0;
  const url = await startRawBot((req, res) => {
    req.resume();
    req.on('end', () => {
      hits += 1;
      res.writeHead(302, { location, 'content-type': 'text/plain' });
      res.end('moved');
    });
  });
  return { url, hits: () => hits };
}

const budi = { id: '6281234567890', name: 'Budi Santoso' };

describe('webhook delivery to the bot', () => {
  test('a WhatsApp customer message reaches the bot as the documented webhook, field for field', async () => {
    const bot = await startBot();
    const server = await startMock({ botUrl: bot.url });

    const result = await say(server, { channel: 'wa', customer: budi, text: 'Hi, I need help' });

    expect(result.room_id).toBe('187250792');
    expect(bot.received).toHaveLength(1);
    expect(bot.received[0]?.path).toBe('/webhook');
    expect(bot.received[0]?.headers['content-type']).toBe('application/json');
    expect(bot.received[0]?.headers['user-agent']).toBe('qiscus-mock');
    const webhook = webhookAt(bot.received, 0);
    expect(bot.received[0]?.body).toEqual({
      app_code: 'qiscus-mock-app',
      channel: { id: 962, name: 'Qiscus Mock WhatsApp', source: 'wa' },
      payload: {
        from: {
          avatar_url: 'https://latest-multichannel.qiscus.com/img/default_avatar.svg',
          email: '6281234567890',
          id: 1,
          id_str: '1',
          name: 'Budi Santoso',
        },
        message: {
          comment_before_id: 0,
          comment_before_id_str: '0',
          created_at: '2026-01-01T00:00:03Z',
          disable_link_preview: false,
          extras: null,
          id: 2487134935,
          id_str: '2487134935',
          payload: null,
          text: 'Hi, I need help',
          timestamp: '2026-01-01T00:00:03Z',
          type: 'text',
          unique_temp_id: 'wa_2487134935',
          unix_nano_timestamp: 1767225603000,
          unix_timestamp: 1767225603,
        },
        room: {
          id: '187250792',
          id_str: '187250792',
          is_public_channel: false,
          name: 'Budi Santoso',
          options:
            '{"channel":"wa","channel_details":{"channel_id":962,"name":"Qiscus Mock WhatsApp","phone":"+6288084531595"},"is_resolved":false,"is_waiting":true,"source":"wa"}',
          participants: [{ email: '6281234567890' }, { email: 'qiscus-mock-app_admin@qismo.com' }],
          room_avatar: 'https://latest-multichannel.qiscus.com/img/default_avatar.svg',
          topic_id: '187250792',
          topic_id_str: '187250792',
          type: 'group',
        },
        type: 'post_comment_mobile',
      },
      type: 'post_comment_mobile',
    });
    expect(typeof webhook.payload.room.options).toBe('string');
    expect(decodeRoomOptions(webhook.payload.room.options)).toEqual({
      channel: 'wa',
      channel_details: {
        channel_id: 962,
        name: 'Qiscus Mock WhatsApp',
        phone: '+6288084531595',
      },
      is_resolved: false,
      is_waiting: true,
      source: 'wa',
    });
    expect(server.settings().channels.find((c) => c.id === 962)?.phone).toBe('+6288084531595');
  });

  test('a web-widget customer message reaches the bot with the e-mail as from.email and string room ids', async () => {
    const bot = await startBot();
    const server = await startMock({ botUrl: bot.url });

    await say(server, {
      channel: 'qiscus',
      customer: { id: 'budi@example.com', name: 'Budi' },
      text: 'Halo',
    });

    const webhook = webhookAt(bot.received, 0);
    expect(webhook.channel).toEqual({
      id: 961,
      name: 'Qiscus Mock Qiscus Live Chat',
      source: 'qiscus',
    });
    expect(webhook.payload.from.email).toBe('budi@example.com');
    expect(webhook.payload.from.name).toBe('Budi');
    expect(webhook.payload.message).toMatchObject({ type: 'text', text: 'Halo', payload: null });
    expect(webhook.payload.room.id).toBe('187250792');
    expect(webhook.payload.room.id_str).toBe('187250792');
    expect(webhook.payload.room.participants).toEqual([
      { email: 'budi@example.com' },
      { email: 'qiscus-mock-app_admin@qismo.com' },
    ]);
    expect(webhook.type).toBe('post_comment_mobile');
    expect(webhook.payload.type).toBe('post_comment_mobile');
    expect(decodeRoomOptions(webhook.payload.room.options)).toEqual({
      channel: 'qiscus',
      channel_details: { channel_id: 961, name: 'Qiscus Mock Qiscus Live Chat' },
      is_resolved: false,
      is_waiting: true,
      source: 'qiscus',
    });
  });

  test('a second message in the same room points back to the first with comment_before_id', async () => {
    const bot = await startBot();
    const server = await startMock({ botUrl: bot.url });

    await say(server, { channel: 'telegram', customer: { id: 'tg_42' }, text: 'one' });
    await say(server, { channel: 'telegram', customer: { id: 'tg_42' }, text: 'two' });

    const first = webhookAt(bot.received, 0);
    const second = webhookAt(bot.received, 1);
    expect(second.payload.room.id).toBe(first.payload.room.id);
    expect(second.payload.message.comment_before_id).toBe(first.payload.message.id);
    expect(second.payload.message.comment_before_id_str).toBe(first.payload.message.id_str);
    expect(second.channel.source).toBe('telegram');
  });

  test('a file from the customer carries {url, caption} as its payload and the caption as its text', async () => {
    const bot = await startBot();
    const server = await startMock({ botUrl: bot.url });

    await say(server, {
      channel: 'qiscus',
      customer: { id: 'budi@example.com', name: 'Budi' },
      type: 'file_attachment',
      payload: { url: 'https://files.example.com/receipt.jpg', caption: 'My receipt' },
    });

    const message = webhookAt(bot.received, 0).payload.message;
    expect(message.type).toBe('file_attachment');
    expect(message.payload).toEqual({
      url: 'https://files.example.com/receipt.jpg',
      caption: 'My receipt',
    });
    expect(message.text).toBe('My receipt');
  });

  test('a delivered webhook is logged with one attempt: status 200, what the bot answered, a latency and no error', async () => {
    const bot = await startBot(() => ({ status: 200, body: '{"received":true}' }));
    const server = await startMock({ botUrl: bot.url });

    const result = await say(server, { channel: 'wa', customer: budi, text: 'Hi' });

    expect(result.delivery).toEqual({
      id: 'dlv_1',
      webhook: 'botMessage',
      room_id: '187250792',
      comment_id: 2487134935,
      url: bot.url,
      status: 'delivered',
      skip_reason: null,
      reason: 'The bot answered 200.',
      created_at: '2026-01-01T00:00:04Z',
      settled_at: '2026-01-01T00:00:07Z',
      attempts: [
        {
          number: 1,
          started_at: '2026-01-01T00:00:05Z',
          status_code: 200,
          latency_ms: result.delivery.attempts[0]?.latency_ms,
          error: null,
          response_head: '{"received":true}',
        },
      ],
      redelivery_of: null,
    });
    expect(typeof result.delivery.attempts[0]?.latency_ms).toBe('number');
    expect(result.delivery.attempts[0]?.latency_ms).toBeGreaterThanOrEqual(0);
    expect(await deliveries(server)).toEqual([result.delivery]);
  });

  test('the delivery log keeps only the first 512 bytes of a long answer', async () => {
    const answer = `{"reply":"${'a'.repeat(300)}${'b'.repeat(700)}"}`;
    const bot = await startBot(() => ({ status: 200, body: answer }));
    const server = await startMock({ botUrl: bot.url });

    const { delivery } = await say(server, { channel: 'wa', customer: budi, text: 'Hi' });

    expect(delivery.status).toBe('delivered');
    expect(delivery.attempts[0]?.response_head).toBe(answer.slice(0, 512));
    expect(Buffer.byteLength(delivery.attempts[0]?.response_head ?? '')).toBe(512);
  });

  test('with the bot switched off for the app by the activation form, nothing reaches the bot and the reason says how to switch it on', async () => {
    const bot = await startBot();
    const server = await startMock({ botUrl: bot.url });
    const switched = await callQiscus(server, setAppBotActivation, {
      body: { is_active: 'false' },
      contentType: form,
    });
    expect(switched.status).toBe(200);

    const { delivery } = await say(server, { channel: 'wa', customer: budi, text: 'Hi' });
    await server.drain();

    expect(delivery).toMatchObject({
      status: 'skipped',
      skip_reason: 'BOT_DISABLED',
      reason:
        'Not sent: the bot is switched off for the whole app (POST /api/v1/app/bot/activation is_active=true, or PATCH /_mock/config {"bot_enabled": true}).',
      attempts: [],
      url: bot.url,
    });
    expect(delivery.settled_at).toBe(delivery.created_at);
    expect(bot.received).toHaveLength(0);
  });

  test('with the bot switched off by PATCH /_mock/config, the delivery is skipped as BOT_DISABLED', async () => {
    const bot = await startBot();
    const server = await startMock({ botUrl: bot.url });
    okBody(await callControl(server, patchConfig, { body: { bot_enabled: false } }));

    const { delivery } = await say(server, { channel: 'qiscus', text: 'Hello?' });
    await server.drain();

    expect(delivery.status).toBe('skipped');
    expect(delivery.skip_reason).toBe('BOT_DISABLED');
    expect(delivery.reason).toContain('PATCH /_mock/config {"bot_enabled": true}');
    expect(bot.received).toHaveLength(0);
  });

  test('after POST /bot/{room_id}/activate {is_active: false}, the room’s messages are skipped as BOT_OFF_FOR_ROOM', async () => {
    const bot = await startBot();
    const server = await startMock({ botUrl: bot.url });
    const { room_id } = await say(server, { channel: 'wa', customer: budi, text: 'Hi' });
    const switched = await callQiscus(server, activateRoomBot, {
      params: { room_id },
      body: { is_active: false },
    });
    expect(switched.status).toBe(200);

    const { delivery } = await say(server, { channel: 'wa', customer: budi, text: 'Anyone?' });
    await server.drain();

    expect(delivery).toMatchObject({
      status: 'skipped',
      skip_reason: 'BOT_OFF_FOR_ROOM',
      reason:
        'Not sent: the bot is off for room 187250792 (POST /bot/187250792/activate {"is_active": true} switches it back on).',
      attempts: [],
    });
    expect(bot.received).toHaveLength(1);
  });

  test('after hand_over, the room’s messages are skipped as BOT_OFF_FOR_ROOM, saying it was the handover', async () => {
    const bot = await startBot();
    const server = await startMock({ botUrl: bot.url });
    const { room_id } = await say(server, { channel: 'wa', customer: budi, text: 'Hi' });
    const handed = await callQiscus(server, handOver, {
      params: { app_code: server.appCode, room_id },
    });
    expect(handed.status).toBe(200);

    const { delivery } = await say(server, { channel: 'wa', customer: budi, text: 'Anyone?' });
    await server.drain();

    expect(delivery.skip_reason).toBe('BOT_OFF_FOR_ROOM');
    expect(delivery.reason).toBe(
      'Not sent: the bot is off for room 187250792 since its handover (POST /bot/187250792/activate {"is_active": true} switches it back on).',
    );
    expect(bot.received).toHaveLength(1);
  });

  test('without a bot URL, the delivery is skipped as NO_BOT_URL and says how to set one', async () => {
    const server = await startMock();

    const { delivery } = await say(server, { channel: 'wa', customer: budi, text: 'Hi' });

    expect(delivery).toEqual({
      id: 'dlv_1',
      webhook: 'botMessage',
      room_id: '187250792',
      comment_id: 2487134935,
      url: null,
      status: 'skipped',
      skip_reason: 'NO_BOT_URL',
      reason:
        'No bot URL is set: start with --bot-url, PATCH /_mock/config {"bot_url": …}, or POST /api/v1/app/bot/integrate.',
      created_at: '2026-01-01T00:00:04Z',
      settled_at: '2026-01-01T00:00:04Z',
      attempts: [],
      redelivery_of: null,
    });
  });

  test('a refused connection is logged as a failed delivery, not thrown', async () => {
    const gone = await startBot();
    await gone.close();
    const server = await startMock({ botUrl: gone.url });

    const answer = await callControl(server, sendCustomerMessage, {
      query: { wait: 'true' },
      body: { channel: 'wa', customer: budi, text: 'Hi' },
    });

    expect(answer.status).toBe(200);
    const { delivery } = okBody(answer);
    const error = `connection refused at ${gone.url} (is the bot running?)`;
    expect(delivery.status).toBe('failed');
    expect(delivery.reason).toContain(`Delivery failed: ${error}`);
    expect(delivery.attempts).toEqual([
      {
        number: 1,
        started_at: delivery.attempts[0]?.started_at,
        status_code: null,
        latency_ms: delivery.attempts[0]?.latency_ms,
        error,
        response_head: '',
      },
    ]);
    const traffic = okBody(
      await callControl(server, getTraffic, { query: { direction: 'to_bot' } }),
    );
    expect(traffic.exchanges).toHaveLength(1);
    expect(traffic.exchanges[0]).toMatchObject({ status: null, response: null, error });
  });

  test('a 500 answer is logged as a failed delivery with the status and the answer', async () => {
    const bot = await startBot(() => ({ status: 500, body: '{"error":"boom"}' }));
    const server = await startMock({ botUrl: bot.url });

    const { delivery } = await say(server, { channel: 'wa', customer: budi, text: 'Hi' });

    expect(delivery.status).toBe('failed');
    expect(delivery.reason).toBe('Delivery failed: the bot answered 500.');
    expect(delivery.attempts).toHaveLength(1);
    expect(delivery.attempts[0]).toMatchObject({
      number: 1,
      status_code: 500,
      error: 'the bot answered 500',
      response_head: '{"error":"boom"}',
    });
  });

  test('an answer that does not come in time is logged as a timeout', async () => {
    const held = deferred();
    onTestFinished(() => {
      held.resolve();
    });
    const bot = await startBot(() => ({ status: 200, after: held.promise }));
    const server = await startMock({ botUrl: bot.url, deliveryTimeoutMs: 200 });

    const { delivery } = await say(server, { channel: 'wa', customer: budi, text: 'Hi' });

    expect(bot.received).toHaveLength(1);
    expect(delivery.status).toBe('failed');
    expect(delivery.reason).toBe('Delivery failed: no answer within 200 ms.');
    expect(delivery.attempts).toHaveLength(1);
    expect(delivery.attempts[0]).toMatchObject({
      number: 1,
      status_code: null,
      error: 'no answer within 200 ms',
      response_head: '',
    });
  });

  test('a redirect is not followed: the delivery fails and the redirect target gets nothing', async () => {
    const bot = await startBot();
    const redirector = await startRedirector(bot.url);
    const server = await startMock({ botUrl: redirector.url });

    const { delivery } = await say(server, { channel: 'wa', customer: budi, text: 'Hi' });
    await server.drain();

    expect(redirector.hits()).toBe(1);
    expect(bot.received).toHaveLength(0);
    expect(delivery.status).toBe('failed');
    expect(delivery.attempts).toHaveLength(1);
    expect(delivery.attempts[0]).toMatchObject({
      status_code: 302,
      error: 'the bot answered 302 (a redirect; webhooks do not follow redirects)',
      response_head: 'moved',
    });
  });

  test('reliable mode retries a 500 and then succeeds, numbering the attempts', async () => {
    const bot = await startBot((_, index) =>
      index === 0 ? { status: 500, body: '{"error":"warming up"}' } : { status: 200 },
    );
    const server = await startMock({ botUrl: bot.url, delivery: 'reliable', retryDelayMs: 5 });

    const { delivery } = await say(server, { channel: 'wa', customer: budi, text: 'Hi' });

    expect(bot.received).toHaveLength(2);
    expect(bot.received[1]?.body).toEqual(bot.received[0]?.body);
    expect(delivery.status).toBe('delivered');
    expect(delivery.reason).toBe('The bot answered 200 (2 attempts).');
    expect(
      delivery.attempts.map(({ number, status_code, error }) => ({ number, status_code, error })),
    ).toEqual([
      { number: 1, status_code: 500, error: 'the bot answered 500' },
      { number: 2, status_code: 200, error: null },
    ]);
  });

  test('reliable mode gives up after maxAttempts, with every attempt logged', async () => {
    const bot = await startBot(() => ({ status: 503 }));
    const server = await startMock({
      botUrl: bot.url,
      delivery: 'reliable',
      retryDelayMs: 5,
      maxAttempts: 3,
    });

    const { delivery } = await say(server, { channel: 'wa', customer: budi, text: 'Hi' });

    expect(bot.received).toHaveLength(3);
    expect(delivery.status).toBe('failed');
    expect(delivery.reason).toBe('Delivery failed (3 attempts): the bot answered 503.');
    expect(delivery.attempts.map((attempt) => attempt.number)).toEqual([1, 2, 3]);
  });

  test('once mode makes exactly one attempt, even when the bot answers 500', async () => {
    const bot = await startBot(() => ({ status: 500 }));
    const server = await startMock({ botUrl: bot.url, delivery: 'once', retryDelayMs: 5 });

    const { delivery } = await say(server, { channel: 'wa', customer: budi, text: 'Hi' });
    await server.drain();

    expect(bot.received).toHaveLength(1);
    expect(delivery.status).toBe('failed');
    expect(delivery.attempts.map((attempt) => attempt.number)).toEqual([1]);
  });

  test('reliable mode keeps each room in order: the next webhook waits until the previous one settled', async () => {
    const events: string[] = [];
    const firstArrived = deferred();
    const releaseFirst = deferred();
    onTestFinished(() => {
      releaseFirst.resolve();
    });
    const bot = await startBot((webhook, index) => {
      events.push(`received ${BotMessageWebhookSchema.parse(webhook.body).payload.message.text}`);
      if (index !== 0) return { status: 200 };
      firstArrived.resolve();
      return {
        status: 200,
        after: releaseFirst.promise.then(() => events.push('released first')),
      };
    });
    const server = await startMock({ botUrl: bot.url, delivery: 'reliable', retryDelayMs: 5 });

    const first = await sayNow(server, { channel: 'wa', customer: budi, text: 'first' });
    await firstArrived.promise;
    const second = await sayNow(server, { channel: 'wa', customer: budi, text: 'second' });
    // Another room is not held up: its webhook makes a whole round trip meanwhile.
    const other = await say(server, {
      channel: 'qiscus',
      customer: { id: 'x@example.com' },
      text: 'other',
    });

    expect(second.room_id).toBe(first.room_id);
    expect(other.delivery.status).toBe('delivered');
    expect(events).toEqual(['received first', 'received other']);

    releaseFirst.resolve();
    await server.drain();

    expect(events).toEqual([
      'received first',
      'received other',
      'released first',
      'received second',
    ]);
    const log = okBody(
      await callControl(server, listDeliveries, { query: { room_id: first.room_id } }),
    ).deliveries;
    expect(log.map((d) => [d.id, d.status])).toEqual([
      [first.delivery.id, 'delivered'],
      [second.delivery.id, 'delivered'],
    ]);
    const firstSettled = log[0]?.settled_at ?? '';
    expect(log[1]?.attempts[0]?.started_at.localeCompare(firstSettled)).toBe(1);
  });

  test('redeliver sends the same body again as a new delivery that names the one it repeats', async () => {
    const bot = await startBot();
    const server = await startMock({ botUrl: bot.url });
    const { delivery } = await say(server, { channel: 'wa', customer: budi, text: 'Hi' });

    const again = okBody(
      await callControl(server, redeliver, {
        params: { delivery_id: delivery.id },
        query: { wait: 'true' },
      }),
    );

    expect(again).toMatchObject({
      id: 'dlv_2',
      webhook: 'botMessage',
      room_id: delivery.room_id,
      comment_id: delivery.comment_id,
      url: bot.url,
      status: 'delivered',
      redelivery_of: 'dlv_1',
    });
    expect(again.attempts).toHaveLength(1);
    expect(bot.received).toHaveLength(2);
    expect(bot.received[1]?.body).toEqual(bot.received[0]?.body);
    expect((await deliveries(server)).map((d) => d.id)).toEqual(['dlv_1', 'dlv_2']);
  });

  test('redeliver sends to the bot URL set now', async () => {
    const before = await startBot();
    const after = await startBot();
    const server = await startMock({ botUrl: before.url });
    const { delivery } = await say(server, { channel: 'wa', customer: budi, text: 'Hi' });
    okBody(await callControl(server, patchConfig, { body: { bot_url: after.url } }));

    const again = okBody(
      await callControl(server, redeliver, {
        params: { delivery_id: delivery.id },
        query: { wait: 'true' },
      }),
    );

    expect(again.url).toBe(after.url);
    expect(before.received).toHaveLength(1);
    expect(after.received.map((w) => w.body)).toEqual([before.received[0]?.body]);
  });

  test('redeliver of an unknown delivery is a 404 problem', async () => {
    const server = await startMock();

    const answer = await callControl(server, redeliver, { params: { delivery_id: 'dlv_404' } });

    expect(answer.ok).toBe(false);
    expect(answer.status).toBe(404);
    expect(answer.body).toMatchObject({
      code: 'MOCK_ERR_DELIVERY_NOT_FOUND',
      status: 404,
      detail: 'No delivery has the id "dlv_404". GET /_mock/deliveries lists them.',
    });
  });

  test('pressing a postback button sends its postback_text as the customer’s text and its payload as the message payload', async () => {
    const bot = await startBot();
    const server = await startMock({ botUrl: bot.url });
    const { room_id } = await say(server, {
      channel: 'qiscus',
      customer: { id: 'budi@example.com' },
      text: 'Hi',
    });
    const posted = await callQiscus(server, postBotMessage, {
      params: { app_code: server.appCode },
      body: {
        sender_email: server.botEmail,
        type: 'buttons',
        room_id,
        payload: {
          text: 'What is it about?',
          buttons: [
            {
              label: 'Billing',
              type: 'postback',
              postback_text: 'I have a billing question',
              payload: {
                url: 'https://bot.example.com/postback',
                method: 'get',
                payload: { topic: 'billing' },
              },
            },
            { label: 'Sales', type: 'postback' },
            { label: 'Help centre', type: 'link', payload: { url: 'https://help.example.com' } },
          ],
        },
      },
    });
    expect(posted.status).toBe(200);

    const billing = await say(server, { room_id, postback: 'Billing' });
    const sales = await say(server, { room_id, postback: 'Sales' });

    expect(billing.delivery.status).toBe('delivered');
    expect(sales.delivery.status).toBe('delivered');
    const pressed = webhookAt(bot.received, 1).payload.message;
    expect(pressed).toMatchObject({
      type: 'text',
      text: 'I have a billing question',
      payload: {
        url: 'https://bot.example.com/postback',
        method: 'get',
        payload: { topic: 'billing' },
      },
    });
    expect(webhookAt(bot.received, 2).payload.message).toMatchObject({
      type: 'text',
      text: 'Sales',
      payload: null,
    });
  });

  test('pressing a label the bot never offered is a 409 that lists the labels on offer', async () => {
    const server = await startMock();
    const { room_id } = await say(server, {
      channel: 'qiscus',
      customer: { id: 'budi@example.com' },
      text: 'Hi',
    });
    const posted = await callQiscus(server, postBotMessage, {
      params: { app_code: server.appCode },
      body: {
        sender_email: server.botEmail,
        type: 'buttons',
        room_id,
        payload: {
          text: 'Choose',
          buttons: [
            { label: 'Billing', type: 'postback' },
            { label: 'Sales', type: 'postback' },
            { label: 'Help centre', type: 'link', payload: { url: 'https://help.example.com' } },
          ],
        },
      },
    });
    expect(posted.status).toBe(200);

    const unknown = await callControl(server, sendCustomerMessage, {
      body: { room_id, postback: 'Refunds' },
    });
    const link = await callControl(server, sendCustomerMessage, {
      body: { room_id, postback: 'Help centre' },
    });

    expect(unknown.status).toBe(409);
    expect(unknown.body).toMatchObject({
      code: 'MOCK_ERR_BUTTON_NOT_FOUND',
      detail: `No postback button the bot sent into room ${room_id} says "Refunds"; the labels are "Billing", "Sales".`,
      errors: [{ path: 'postback', message: 'no such button' }],
    });
    expect(link.status).toBe(409);
    expect(link.body).toMatchObject({
      code: 'MOCK_ERR_BUTTON_NOT_FOUND',
      detail:
        '"Help centre" is a link button: pressing it opens a page and sends nothing to the bot.',
    });
    expect((await deliveries(server)).map((d) => d.id)).toEqual(['dlv_1']);
  });

  test('server.drain() resolves only after the pending deliveries have settled', async () => {
    const held = deferred();
    onTestFinished(() => {
      held.resolve();
    });
    const bot = await startBot(() => ({ status: 200, after: held.promise }));
    const server = await startMock({ botUrl: bot.url });

    const { delivery } = await sayNow(server, { channel: 'wa', customer: budi, text: 'Hi' });
    let drained = false;
    const draining = server.drain().then(() => {
      drained = true;
    });
    // A full HTTP round trip to the mock: time enough for a drain that does not wait to resolve.
    const meanwhile = await deliveries(server);

    expect(delivery.status).toBe('pending');
    expect(meanwhile.map((d) => d.status)).toEqual(['pending']);
    expect(drained).toBe(false);

    held.resolve();
    await draining;

    expect(drained).toBe(true);
    expect((await deliveries(server)).map((d) => d.status)).toEqual(['delivered']);
  });

  test('integrateAppBot sets the bot URL that later deliveries use', async () => {
    const bot = await startBot();
    const server = await startMock();

    const integrated = await callQiscus(server, integrateAppBot, {
      body: { bot_webhook_url: bot.url, is_bot_enabled: 'true' },
      contentType: form,
    });

    expect(integrated.status).toBe(200);
    expect(integrated.body).toMatchObject({
      data: { app: { bot_webhook_url: bot.url, is_bot_enabled: true } },
    });
    const { delivery } = await say(server, { channel: 'wa', customer: budi, text: 'Hi' });
    expect(delivery.url).toBe(bot.url);
    expect(delivery.status).toBe('delivered');
    expect(bot.received).toHaveLength(1);
  });

  test('integrateAppBot refuses a bot URL on another machine and keeps the one set', async () => {
    const bot = await startBot();
    const server = await startMock({ botUrl: bot.url });

    const refused = await callQiscus(server, integrateAppBot, {
      body: { bot_webhook_url: 'https://bot.example.com/webhook', is_bot_enabled: 'true' },
      contentType: form,
    });

    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({
      status: 400,
      errors: {
        code: 'VALIDATION_FAILED',
        details: [
          {
            path: 'bot_webhook_url',
            message:
              'bot.example.com is not this machine: the mock sends webhooks only to loopback addresses unless started with --allow-remote-webhook',
          },
        ],
      },
    });
    expect(server.settings().bot_url).toBe(bot.url);
  });

  test('integrateAppBot takes a bot URL on another machine when remote webhooks are allowed', async () => {
    const server = await startMock({ allowRemoteWebhook: true });

    const integrated = await callQiscus(server, integrateAppBot, {
      body: { bot_webhook_url: 'https://bot.example.com/webhook', is_bot_enabled: 'true' },
      contentType: form,
    });

    expect(integrated.status).toBe(200);
    expect(server.settings().bot_url).toBe('https://bot.example.com/webhook');
  });

  test('the traffic log records each webhook attempt as a to_bot exchange with the body and the bot’s status', async () => {
    const bot = await startBot((_, index) =>
      index === 0 ? { status: 500, body: '{"error":"boom"}' } : { status: 200 },
    );
    const server = await startMock({ botUrl: bot.url, delivery: 'reliable', retryDelayMs: 5 });

    await say(server, { channel: 'wa', customer: budi, text: 'Hi' });

    const traffic = okBody(
      await callControl(server, getTraffic, { query: { direction: 'to_bot' } }),
    );
    expect(
      traffic.exchanges.map(
        ({ direction, operation_id, method, path, room_id, status, error }) => ({
          direction,
          operation_id,
          method,
          path,
          room_id,
          status,
          error,
        }),
      ),
    ).toEqual([
      {
        direction: 'to_bot',
        operation_id: 'botMessage',
        method: 'POST',
        path: '/webhook',
        room_id: '187250792',
        status: 500,
        error: 'the bot answered 500',
      },
      {
        direction: 'to_bot',
        operation_id: 'botMessage',
        method: 'POST',
        path: '/webhook',
        room_id: '187250792',
        status: 200,
        error: null,
      },
    ]);
    expect(traffic.exchanges.map((exchange) => exchange.request.body)).toEqual([
      bot.received[0]?.body,
      bot.received[1]?.body,
    ]);
    expect(traffic.exchanges.map((exchange) => exchange.response?.body)).toEqual([
      { error: 'boom' },
      { ok: true },
    ]);
  });

  test('a customer writing again to a resolved room opens a new session with the bot on again', async () => {
    const bot = await startBot();
    const server = await startMock({ botUrl: bot.url });
    const { room_id } = await say(server, { channel: 'wa', customer: budi, text: 'Hi' });
    expect(
      (await callQiscus(server, handOver, { params: { app_code: server.appCode, room_id } }))
        .status,
    ).toBe(200);
    okBody(await callControl(server, resolveRoom, { params: { room_id } }));

    const again = await say(server, { channel: 'wa', customer: budi, text: 'Hello again' });

    expect(again).toMatchObject({ room_id, room_created: false, new_session: true });
    expect(again.delivery.status).toBe('delivered');
    expect(bot.received).toHaveLength(2);
    const webhook = webhookAt(bot.received, 1);
    expect(webhook.payload.message.text).toBe('Hello again');
    expect(decodeRoomOptions(webhook.payload.room.options)).toMatchObject({
      is_resolved: false,
      is_waiting: true,
    });
    const { room } = okBody(await callControl(server, getRoom, { params: { room_id } }));
    expect(room).toMatchObject({ bot_active: true, resolved: false, agent: null });
    expect(room.handover.status).toBe('none');
  });

  test('a customer writing again to an open room continues the session', async () => {
    const bot = await startBot();
    const server = await startMock({ botUrl: bot.url });
    await say(server, { channel: 'wa', customer: budi, text: 'Hi' });

    const again = await say(server, { channel: 'wa', customer: budi, text: 'Still there?' });

    expect(again).toMatchObject({ room_created: false, new_session: false });
  });
});
