import { createServer, type RequestListener, type Server } from 'node:http';
import { once } from 'node:events';
import { expect, it, onTestFinished } from 'vitest';
import { BotMessageSchema, messageExamples } from '#contracts';
import { createMockServer, type MockServer } from '#mock-server';
import { BotError, QiscusApiError, QiscusClient } from '#reference-bot';

async function startMock(): Promise<MockServer> {
  const mock = await createMockServer({ deterministic: true });
  onTestFinished(() => mock.close());
  return mock;
}

function clientOf(mock: MockServer): QiscusClient {
  const client = new QiscusClient({
    baseUrl: mock.url,
    appCode: mock.appCode,
    secretKey: mock.secretKey,
  });
  onTestFinished(() => client.close());
  return client;
}

/** What a call threw, or a failure when it did not throw. */
async function thrownBy(call: Promise<unknown>): Promise<unknown> {
  try {
    await call;
  } catch (error) {
    return error;
  }
  throw new Error('the call did not throw');
}

it('sends every kind of message the bot uses, and the mock stores each as sent', async () => {
  const mock = await startMock();
  const client = clientOf(mock);
  const { room_id } = await mock.customer.say({ channel: 'qiscus', text: 'Hi' });

  // The contract's own examples, checked: the bot sends what the contract shows.
  const attachment = BotMessageSchema.parse(messageExamples.fileAttachment);
  const buttons = BotMessageSchema.parse(messageExamples.buttons);
  const carousel = BotMessageSchema.parse(messageExamples.carousel);
  const answers = [
    await client.sendText(room_id, 'Hello Budi'),
    await client.send(room_id, attachment),
    await client.send(room_id, buttons),
    await client.send(room_id, carousel),
  ];

  expect(answers.map((answer) => answer.results.comment.type)).toEqual([
    'text',
    'file_attachment',
    'buttons',
    'carousel',
  ]);
  expect(answers[0]?.results.comment.user.user_id).toBe(mock.botEmail);
  const fromBot = mock.rooms.get(room_id)?.messages.filter((message) => message.sender === 'bot');
  expect(fromBot?.map((message) => [message.type, message.sender_id])).toEqual([
    ['text', mock.botEmail],
    ['file_attachment', mock.botEmail],
    ['buttons', mock.botEmail],
    ['carousel', mock.botEmail],
  ]);
});

it('turns a refusal into a QiscusApiError that carries the API’s code, status and message', async () => {
  const mock = await startMock();
  const client = clientOf(mock);
  const { room_id } = await mock.customer.say({ channel: 'wa', text: 'Hi' });

  const error = await thrownBy(
    client.send(room_id, BotMessageSchema.parse(messageExamples.buttons)),
  );

  expect(error).toBeInstanceOf(QiscusApiError);
  const refusal = error as QiscusApiError;
  expect([refusal.code, refusal.apiCode, refusal.status, refusal.operationId]).toEqual([
    'BOT_ERR_API',
    'MESSAGE_TYPE_NOT_SUPPORTED',
    400,
    'postBotMessage',
  ]);
  expect(refusal.message).toContain('not supported in WhatsApp rooms');
  expect(refusal.details.map((detail) => detail.path)).toEqual(['type']);
});

it('does not send a request that breaks the contract, and says which field is wrong', async () => {
  const mock = await startMock();
  const client = clientOf(mock);
  const { room_id } = await mock.customer.say({ channel: 'wa', text: 'Hi' });

  const error = await thrownBy(client.handOverToRole(room_id, 'Billing'));

  expect(error).toBeInstanceOf(BotError);
  expect((error as BotError).code).toBe('BOT_ERR_REQUEST_INVALID');
  expect((error as BotError).details.map((detail) => detail.path)).toEqual(['role']);
  expect((error as BotError).message).toContain('role: must be the division name in lower case');
  expect(mock.traffic.list().filter((exchange) => exchange.direction === 'from_bot')).toEqual([]);
});

it('hands a room over, to a division, and switches its bot, each answer checked', async () => {
  const mock = await startMock();
  const client = clientOf(mock);
  const first = await mock.customer.say({ channel: 'wa', text: 'Hi' });
  const second = await mock.customer.say({
    channel: 'telegram',
    customer: { id: 'tg-2' },
    text: 'Hi',
  });

  const handedOver = await client.handOver(first.room_id);
  expect(handedOver.data).toEqual({
    room_id: first.room_id,
    is_handled_by_bot: false,
    is_waiting: true,
  });
  const toBilling = await client.handOverToRole(second.room_id, 'billing');
  expect(toBilling.data.added_agent?.user_roles.map((role) => role.name)).toContain('billing');
  const again = await thrownBy(client.handOverToRole(second.room_id, 'billing'));
  expect(again).toBeInstanceOf(QiscusApiError);
  expect((again as QiscusApiError).apiCode).toBe('SAME_DIVISION');

  const off = await client.setRoomBot(first.room_id, true);
  expect(off.data.is_handled_by_bot).toBe(true);

  const headers = mock.traffic
    .list()
    .filter((exchange) => exchange.direction === 'from_bot')
    .map((exchange) => [exchange.operation_id, Object.keys(exchange.request.headers).sort()]);
  expect(headers.map(([id]) => id)).toEqual([
    'handOver',
    'handOverToRole',
    'handOverToRole',
    'activateRoomBot',
  ]);
  for (const [id, names] of headers) {
    if (id === 'activateRoomBot') {
      expect(names).toEqual(expect.arrayContaining(['qiscus-app-id', 'qiscus-secret-key']));
    } else expect(names).toContain('qiscus_sdk_secret');
  }
});

/** A plain HTTP server on a free port, closed when the test finishes; resolves to its URL. */
async function listen(handler?: RequestListener): Promise<{ url: string; server: Server }> {
  const server = createServer(handler);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  onTestFinished(() => {
    server.close();
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no TCP address');
  return { url: `http://127.0.0.1:${address.port}`, server };
}

function clientFor(baseUrl: string): QiscusClient {
  const client = new QiscusClient({
    baseUrl,
    appCode: 'qiscus-mock-app',
    secretKey: 'mock-secret-key',
  });
  onTestFinished(() => client.close());
  return client;
}

it('says so when the API cannot be reached', async () => {
  const { url, server } = await listen();
  server.close();
  await once(server, 'close');

  const error = await thrownBy(clientFor(url).sendText('1', 'Hello'));

  expect((error as BotError).code).toBe('BOT_ERR_UNREACHABLE');
  expect((error as BotError).message).toContain(`${url} did not answer`);
  expect((error as BotError).message).toContain('Is it running, and is the base URL');
});

it('refuses an answer the contract does not allow', async () => {
  const { url } = await listen((_request, response) => {
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end('{"ok":true}');
  });

  const error = await thrownBy(clientFor(url).sendText('1', 'Hello'));

  expect((error as BotError).code).toBe('BOT_ERR_RESPONSE_INVALID');
  expect((error as BotError).message).toContain('postBotMessage was answered 200');
});
