import { expect, it } from 'vitest';
import {
  channelShortName,
  defaultChannelRules,
  postBotMessage,
  type BotMessageType,
  type Channel,
} from '#contracts';
import type { MockServer } from '#mock-server';
import { callQiscus, credentialHeaders } from './support/call-qiscus.js';
import { sendRequest } from './support/send-request.js';
import { startMock } from './support/start-mock.js';

const examples = Object.entries(postBotMessage.request.body.content['application/json'].examples);

async function roomOn(server: MockServer, channel: Channel): Promise<string> {
  const { room_id } = await server.customer.say({
    channel: channel.source,
    channel_id: channel.id,
    text: 'Hi',
  });
  return room_id;
}

function typeOf(value: unknown): BotMessageType {
  const type = (value as { type?: BotMessageType }).type;
  return type ?? 'text';
}

it('applies the channel matrix to every message type on every channel of the app', async () => {
  const server = await startMock();
  const outcomes: string[] = [];
  for (const channel of server.settings().channels) {
    const roomId = await roomOn(server, channel);
    for (const [name, example] of examples) {
      const type = typeOf(example.value);
      const answer = await callQiscus(server, postBotMessage, {
        params: { app_code: server.appCode },
        body: { ...(example.value as object), room_id: roomId },
      });
      const refused = defaultChannelRules[channel.source].refuses.includes(type);
      if (refused) {
        expect(answer.status).toBe(400);
        const error = answer.body as { errors: { code: string; message: string } };
        expect(error.errors.code).toBe('MESSAGE_TYPE_NOT_SUPPORTED');
        expect(error.errors.message).toContain(`${type} messages are not supported in`);
        expect(error.errors.message).toContain(channelShortName(channel.source));
        expect(error.errors.message).toContain('as a text message instead');
      } else {
        expect(answer.status, `${name} on ${channel.source}`).toBe(200);
      }
      outcomes.push(
        `${channel.source}${channel.is_on_cloud ? '(cloud)' : ''} ${name} ${answer.status}`,
      );
    }
  }
  // The matrix as observed, so a change in it shows here line by line.
  const refusedLines = outcomes.filter((line) => line.endsWith(' 400'));
  expect(refusedLines).toEqual([
    'wa buttons 400',
    'wa carousel 400',
    'ig buttons 400',
    'telegram carousel 400',
    'wa(cloud) buttons 400',
    'wa(cloud) carousel 400',
  ]);
  expect(outcomes).toHaveLength(server.settings().channels.length * examples.length);
});

it('names WhatsApp Cloud API rooms in the refusal', async () => {
  const server = await startMock();
  const cloud = server.settings().channels.find((channel) => channel.is_on_cloud);
  expect(cloud).toBeDefined();
  const roomId = await roomOn(server, cloud!);
  const answer = await callQiscus(server, postBotMessage, {
    params: { app_code: server.appCode },
    body: {
      ...(examples.find(([name]) => name === 'carousel')![1].value as object),
      room_id: roomId,
    },
  });
  expect(answer.body).toEqual({
    status: 400,
    errors: {
      code: 'MESSAGE_TYPE_NOT_SUPPORTED',
      message:
        'carousel messages are not supported in WhatsApp (WhatsApp Cloud API) rooms: send each card as a text message instead.',
      details: [{ path: 'type', message: 'WhatsApp (wa) refuses buttons and carousel' }],
    },
  });
});

it('stores an accepted message in the room and answers with the SDK comment', async () => {
  const server = await startMock();
  const { room_id: roomId } = await server.customer.say({ channel: 'qiscus', text: 'Hi' });
  const attachment = examples.find(([name]) => name === 'fileAttachment')![1].value as {
    payload: { url: string };
  };
  const answer = await callQiscus(server, postBotMessage, {
    params: { app_code: server.appCode },
    body: { ...attachment, room_id: roomId },
  });
  expect(answer.status).toBe(200);
  const comment = (answer.body as { results: { comment: Record<string, unknown> } }).results
    .comment;
  expect(comment.message).toBe(`[file] ${attachment.payload.url} [/file]`);
  expect(comment.type).toBe('file_attachment');
  expect(comment.payload).toEqual(attachment.payload);
  const detail = server.rooms.get(roomId);
  expect(detail?.messages.map((message) => [message.sender, message.type])).toEqual([
    ['customer', 'text'],
    ['bot', 'file_attachment'],
  ]);
});

it('stores a text message as the Bot’s, with no payload', async () => {
  const server = await startMock();
  const { room_id: roomId } = await server.customer.say({ channel: 'qiscus', text: 'Hi' });
  const answer = await callQiscus(server, postBotMessage, {
    params: { app_code: server.appCode },
    body: { sender_email: server.botEmail, type: 'text', room_id: roomId, message: 'Hello' },
  });

  expect(answer.status).toBe(200);
  expect(server.rooms.get(roomId)?.messages.at(-1)).toMatchObject({
    sender: 'bot',
    sender_id: server.botEmail,
    sender_name: 'Bot',
    type: 'text',
    text: 'Hello',
    payload: null,
  });
});

it('refuses a buttons message in a WhatsApp room and stores nothing', async () => {
  const server = await startMock();
  const { room_id: roomId } = await server.customer.say({ channel: 'wa', text: 'Hi' });
  const buttons = examples.find(([name]) => name === 'buttons')![1].value as object;
  const answer = await callQiscus(server, postBotMessage, {
    params: { app_code: server.appCode },
    body: { ...buttons, room_id: roomId },
  });
  expect(answer.status).toBe(400);
  expect(server.rooms.get(roomId)?.room.message_count).toBe(1);
  const [exchange] = server.traffic.list().filter((e) => e.operation_id === 'postBotMessage');
  expect(exchange).toMatchObject({ status: 400, room_id: roomId, direction: 'from_bot' });
});

it('answers ROOM_NOT_FOUND for a room that does not exist', async () => {
  const server = await startMock();
  const answer = await callQiscus(server, postBotMessage, {
    params: { app_code: server.appCode },
    body: { sender_email: server.botEmail, message: 'Hello', room_id: '999' },
  });
  expect(answer).toEqual({
    status: 404,
    body: {
      status: 404,
      errors: {
        code: 'ROOM_NOT_FOUND',
        message: 'No room has the id "999": use payload.room.id_str from the webhook.',
        details: [{ path: 'room_id', message: 'no such room' }],
      },
    },
  });
});

it('warns, without refusing, when the sender is not the app’s bot address', async () => {
  const server = await startMock();
  const { room_id: roomId } = await server.customer.say({ channel: 'qiscus', text: 'Hi' });
  const answer = await callQiscus(server, postBotMessage, {
    params: { app_code: server.appCode },
    body: { sender_email: 'someone@example.com', message: 'Hello', room_id: roomId },
  });
  expect(answer.status).toBe(200);
  const exchange = server.traffic.list().find((e) => e.operation_id === 'postBotMessage');
  expect(exchange?.warnings).toEqual([
    {
      path: 'sender_email',
      message: `is not this app's bot sender; Qiscus bots send as "${server.botEmail}"`,
    },
  ]);
});

it('takes a file_attachment in the older top-level attachment_url, warning that payload.url is newer', async () => {
  const server = await startMock();
  const { room_id: roomId } = await server.customer.say({ channel: 'qiscus', text: 'Hi' });
  const answer = await callQiscus(server, postBotMessage, {
    params: { app_code: server.appCode },
    body: {
      sender_email: server.botEmail,
      type: 'file_attachment',
      room_id: roomId,
      attachment_url: 'https://files.example.com/invoice.pdf',
      caption: 'Your invoice',
    },
  });
  const missing = await callQiscus(server, postBotMessage, {
    params: { app_code: server.appCode },
    body: { sender_email: server.botEmail, type: 'file_attachment', room_id: roomId },
  });

  expect(answer.status).toBe(200);
  expect(answer.body).toMatchObject({
    results: { comment: { message: '[file] https://files.example.com/invoice.pdf [/file]' } },
  });
  const stored = server.rooms.get(roomId)?.messages.at(-1);
  expect(stored).toMatchObject({
    sender: 'bot',
    type: 'file_attachment',
    // Sent without a message: the stored text is empty, not the caption.
    text: '',
    payload: { url: 'https://files.example.com/invoice.pdf', caption: 'Your invoice' },
  });
  const exchange = server.traffic.list().find((e) => e.operation_id === 'postBotMessage');
  expect(exchange?.warnings).toEqual([
    {
      path: 'attachment_url',
      message:
        'is the older shape of a file_attachment (an earlier version of Qiscus’s n8n node): send the file as payload.url, and its caption as payload.caption',
    },
  ]);
  expect(missing.status).toBe(400);
  expect(JSON.stringify(missing.body)).toContain('"path":"payload.url"');
});

it('refuses a carousel in a Telegram room, where buttons are taken', async () => {
  const server = await startMock();
  const telegram = server.settings().channels.find((channel) => channel.source === 'telegram');
  expect(telegram).toBeDefined();
  const roomId = await roomOn(server, telegram!);
  const send = (name: string) =>
    callQiscus(server, postBotMessage, {
      params: { app_code: server.appCode },
      body: {
        ...(examples.find(([example]) => example === name)![1].value as object),
        room_id: roomId,
      },
    });

  const carousel = await send('carousel');
  const buttons = await send('buttons');

  expect(carousel.body).toEqual({
    status: 400,
    errors: {
      code: 'MESSAGE_TYPE_NOT_SUPPORTED',
      message:
        'carousel messages are not supported in Telegram rooms: send each card as a text message instead.',
      details: [{ path: 'type', message: 'Telegram (telegram) refuses carousel' }],
    },
  });
  expect(buttons.status).toBe(200);
  const types = server.rooms.get(roomId)?.messages.map((message) => message.type);
  expect(types).toEqual(['text', 'buttons']);
});

it('refuses a body of JSON null with the contract’s 400, naming the whole body', async () => {
  const server = await startMock();

  const answer = await sendRequest(server, 'POST', `/${server.appCode}/bot`, {
    headers: { 'content-type': 'application/json', ...credentialHeaders(server, 'sdkSecret') },
    body: 'null',
  });

  expect([answer.status, answer.body]).toEqual([
    400,
    {
      status: 400,
      errors: {
        message: 'The body does not match the contract: 1 problem.',
        code: 'VALIDATION_FAILED',
        details: [{ path: '', message: 'the body must be a JSON object: one message' }],
      },
    },
  ]);
});
