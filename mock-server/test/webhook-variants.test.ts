import { expect, test } from 'vitest';
import {
  BotMessageWebhookSchema,
  LegacyBotMessageWebhookSchema,
  checkContract,
  decodeRoomOptions,
  postBotMessage,
  sendCustomerMessage,
  unknownWebhookFields,
} from '#contracts';
import { callControl } from './support/call-control.js';
import { callQiscus } from './support/call-qiscus.js';
import { problemOf, say } from './support/control-answers.js';
import { startBot } from './support/start-bot.js';
import { startMock } from './support/start-mock.js';

const budi = { id: '6281234567890', name: 'Budi Santoso' };

test('webhook_variant legacy sends the older documented shape of the same message, room.options a JSON string, as the legacyBotMessage webhook', async () => {
  const bot = await startBot();
  const server = await startMock({ botUrl: bot.url });

  const first = await say(server, { channel: 'wa', customer: budi, text: 'Hi' });
  const old = await say(server, {
    room_id: first.room_id,
    type: 'location',
    payload: { latitude: -6.2, longitude: 106.8 },
    webhook_variant: 'legacy',
  });

  expect(old.delivery).toMatchObject({ webhook: 'legacyBotMessage', status: 'delivered' });
  const body = LegacyBotMessageWebhookSchema.parse(bot.received[1]?.body);
  expect(body).toEqual({
    type: 'post_comment_mobile',
    payload: {
      from: { id: expect.any(Number) as number, email: budi.id, name: budi.name },
      room: {
        id: Number(first.room_id),
        topic_id: Number(first.room_id),
        type: 'group',
        name: budi.name,
        // A JSON string, as in real traffic: the only place of the channel in this shape.
        options: expect.any(String) as string,
        participants: [expect.objectContaining({ email: budi.id, username: budi.name })],
      },
      message: { type: 'location', text: '', payload: { latitude: -6.2, longitude: 106.8 } },
    },
  });
  const { options } = body.payload.room;
  expect(typeof options === 'string' && decodeRoomOptions(options)).toMatchObject({
    channel: 'wa',
    source: 'wa',
    channel_details: { channel_id: 962, name: 'Qiscus Mock WhatsApp' },
  });
  // The newer shape is not what went: no message id, no channel.
  expect(BotMessageWebhookSchema.safeParse(bot.received[1]?.body).success).toBe(false);
});

test('webhook_variant unknown_fields sends the documented webhook with fields no contract names, at every level', async () => {
  const bot = await startBot();
  const server = await startMock({ botUrl: bot.url });

  const result = await say(server, {
    channel: 'qiscus',
    text: 'Hi',
    webhook_variant: 'unknown_fields',
  });

  expect(result.delivery.webhook).toBe('botMessage');
  const check = checkContract(BotMessageWebhookSchema, bot.received[0]?.body, {
    unknownFields: 'warn',
  });
  expect(check.ok).toBe(true);
  expect(check.ok && check.warnings.map((warning) => warning.path).sort()).toEqual(
    [
      ...Object.keys(unknownWebhookFields.top),
      ...Object.keys(unknownWebhookFields.message).map((key) => `payload.message.${key}`),
      ...Object.keys(unknownWebhookFields.room).map((key) => `payload.room.${key}`),
      ...Object.keys(unknownWebhookFields.from).map((key) => `payload.from.${key}`),
    ].sort(),
  );
  expect(BotMessageWebhookSchema.safeParse(bot.received[0]?.body).success).toBe(false);
});

test('postback_index presses the n-th postback button of the bot’s latest message with any, and names the labels when there is none', async () => {
  const bot = await startBot();
  const server = await startMock({ botUrl: bot.url });
  const { room_id } = await say(server, { channel: 'qiscus', text: 'Hi' });
  const noButtons = await callControl(server, sendCustomerMessage, {
    body: { room_id, postback_index: 1 },
  });
  expect(problemOf(noButtons)).toMatchObject({
    code: 'MOCK_ERR_BUTTON_NOT_FOUND',
    detail: `The bot has sent no postback buttons into room ${room_id}.`,
    errors: [{ path: 'postback_index', message: 'no such button' }],
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
          { label: 'Help centre', type: 'link', payload: { url: 'https://help.example.com' } },
          { label: 'Billing', type: 'postback', payload: { url: '', method: 'get', payload: 7 } },
          { label: 'Sales', type: 'postback', postback_text: 'sales please' },
        ],
      },
    },
  });
  expect(posted.status).toBe(200);

  await say(server, { room_id, postback_index: 1 });
  await say(server, { room_id, postback_index: 2 });
  const tooFar = await callControl(server, sendCustomerMessage, {
    body: { room_id, postback_index: 3 },
  });
  const both = await callControl(server, sendCustomerMessage, {
    body: { room_id, postback: 'Sales', postback_index: 2 },
  });

  const pressed = bot.received.slice(1).map((webhook) => {
    const { message } = BotMessageWebhookSchema.parse(webhook.body).payload;
    return [message.text, message.payload];
  });
  expect(pressed).toEqual([
    ['Billing', { url: '', method: 'get', payload: 7 }],
    ['sales please', null],
  ]);
  expect(problemOf(tooFar).detail).toBe(
    `The bot's latest message with postback buttons in room ${room_id} has 2, not 3; the labels are "Billing", "Sales".`,
  );
  expect(problemOf(both).errors).toEqual([
    {
      path: 'postback_index',
      message: 'cannot go with postback: press a button by its label or by its place, not both',
    },
  ]);
});
