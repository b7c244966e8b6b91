import { once } from 'node:events';
import { createServer, type ServerResponse } from 'node:http';
import { request } from 'undici';
import { expect, it, onTestFinished } from 'vitest';
import { botMessageWebhook, getAppBot } from '#contracts';
import { BotError, buildReferenceBotApp, QiscusClient } from '#reference-bot';
import { startBotAndMock } from './support/start-bot-and-mock.js';

function botMessages(stack: Awaited<ReturnType<typeof startBotAndMock>>, roomId: string) {
  return (stack.mock.rooms.get(roomId)?.messages ?? [])
    .filter((message) => message.sender === 'bot')
    .map((message) => message.type);
}

it('sends a refused rich reply again as text when the app’s channel rules differ from the documented ones', async () => {
  // This app's web widget refuses buttons; the bot follows the documented matrix, which allows them.
  const stack = await startBotAndMock({ channelRules: { qiscus: { refuses: ['buttons'] } } });
  const { room_id } = await stack.mock.customer.say(
    { channel: 'qiscus', customer: { id: 'budi@example.com' }, text: 'menu' },
    { wait: true },
  );
  await stack.drain();

  expect(botMessages(stack, room_id)).toEqual(['text']);
  const statuses = stack.mock.traffic
    .list()
    .filter((exchange) => exchange.direction === 'from_bot')
    .map((exchange) => exchange.status);
  expect(statuses).toEqual([400, 200]);
  expect(stack.bot.failures()).toEqual([]);
});

it('hands a billing question to any agent when the app has no billing division', async () => {
  const stack = await startBotAndMock({ divisions: ['sales', 'technical'] });
  const { room_id } = await stack.mock.customer.say(
    { channel: 'wa', customer: { id: '6281234567890' }, text: 'I was charged twice on my invoice' },
    { wait: true },
  );
  await stack.drain();

  const operations = stack.mock.traffic
    .list()
    .filter((exchange) => exchange.direction === 'from_bot')
    .map((exchange) => [exchange.operation_id, exchange.status]);
  expect(operations).toEqual([
    ['postBotMessage', 200],
    ['handOverToRole', 404],
    ['handOver', 200],
  ]);
  expect(stack.mock.rooms.get(room_id)?.room).toMatchObject({
    bot_active: false,
    handover: { status: 'pending' },
  });
  expect(stack.bot.failures()).toEqual([]);
});

it('refuses a webhook that breaks the contract with 400 and the problems, and acts on nothing', async () => {
  const stack = await startBotAndMock();
  const broken = { ...botMessageWebhook.examples.text.value, app_code: 42 };

  const answer = await request(stack.bot.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(broken),
  });
  const body = (await answer.body.json()) as { ok: boolean; problems: { path: string }[] };
  await stack.drain();

  expect(answer.statusCode).toBe(400);
  expect(body.problems.map((problem) => problem.path)).toContain('app_code');
  expect(stack.mock.traffic.list().filter((exchange) => exchange.direction === 'from_bot')).toEqual(
    [],
  );
});

it('answers only requests addressed to this machine', async () => {
  const stack = await startBotAndMock();

  const answer = await request(stack.bot.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', host: 'evil.example' },
    body: JSON.stringify(botMessageWebhook.examples.text.value),
  });
  await answer.body.dump();
  await stack.drain();

  expect(answer.statusCode).toBe(421);
  expect(stack.mock.traffic.list().filter((exchange) => exchange.direction === 'from_bot')).toEqual(
    [],
  );
});

it('says a call needs a credential the bot lacks, without trying to send it', async () => {
  const client = new QiscusClient({
    baseUrl: 'http://127.0.0.1:9',
    appCode: 'qiscus-mock-app',
    secretKey: 'mock-secret-key',
  });
  onTestFinished(() => client.close());

  let error: unknown;
  try {
    await client.call(getAppBot, { params: undefined, body: undefined });
  } catch (caught) {
    error = caught;
  }

  expect(error).toBeInstanceOf(BotError);
  expect((error as BotError).code).toBe('BOT_ERR_CONFIG');
  expect((error as BotError).message).toContain('getAppBot needs an admin token');
});

it('refuses webhooks with 503 once too many wait to be handled, and takes them again after', async () => {
  // A Qiscus that holds the first call until told to answer (so the bot's first webhook stays in
  // hand) and drops every later one at once.
  const held: ServerResponse[] = [];
  let firstArrived: () => void = () => undefined;
  const arrived = new Promise<void>((resolve) => {
    firstArrived = resolve;
  });
  const qiscus = createServer((_request, response) => {
    if (held.length > 0) {
      response.destroy();
      return;
    }
    held.push(response);
    firstArrived();
  });
  qiscus.listen(0, '127.0.0.1');
  await once(qiscus, 'listening');
  onTestFinished(() => {
    qiscus.close();
  });
  const address = qiscus.address();
  if (address === null || typeof address === 'string') throw new Error('no TCP address');
  const client = new QiscusClient({
    baseUrl: `http://127.0.0.1:${address.port}`,
    appCode: 'qiscus-mock-app',
    secretKey: 'mock-secret-key',
  });
  onTestFinished(() => client.close());
  const bot = buildReferenceBotApp({ client, maxInFlight: 1 });
  const url = await bot.app.listen({ port: 0, host: '127.0.0.1' });
  onTestFinished(() => bot.app.close());
  // Each webhook a message of its own: the bot answers a message id once.
  let messageId = 0;
  const post = async () => {
    const webhook = structuredClone(botMessageWebhook.examples.text.value);
    messageId += 1;
    webhook.payload.message.id = messageId;
    const answer = await request(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(webhook),
    });
    await answer.body.dump();
    return [answer.statusCode, answer.headers['retry-after'] ?? null];
  };

  expect(await post()).toEqual([200, null]);
  await arrived;
  expect(await post()).toEqual([503, '1']);

  held[0]?.destroy();
  await bot.drain();
  expect(await post()).toEqual([200, null]);
  await bot.drain();
  expect(bot.failures().map((failure) => failure.code)).toEqual([
    'BOT_ERR_UNREACHABLE',
    'BOT_ERR_UNREACHABLE',
  ]);
});

it('leaves to the agent what the customer wrote before its handover took effect', async () => {
  const stack = await startBotAndMock();
  const customer = { id: '6281234567890', name: 'Budi' };
  // Both webhooks go out before the bot has handled the first, as when a customer types fast.
  const first = await stack.mock.customer.say({
    channel: 'wa',
    customer,
    text: 'I want to talk to a human',
  });
  const second = await stack.mock.customer.say({ channel: 'wa', customer, text: 'hello??' });
  expect(second.room_id).toBe(first.room_id);
  await stack.drain();

  const fromBot = stack.mock.traffic.list().filter((exchange) => exchange.direction === 'from_bot');
  expect(fromBot.map((exchange) => [exchange.operation_id, exchange.flags])).toEqual([
    ['postBotMessage', []],
    ['handOver', []],
  ]);
  expect(stack.mock.rooms.get(first.room_id)?.room).toMatchObject({
    bot_active: false,
    handover: { status: 'pending' },
  });
  expect(stack.bot.failures()).toEqual([]);

  // Resolved, the room is the bot's again, and the bot answers it.
  const resolved = await request(`${stack.mock.url}/_mock/rooms/${first.room_id}/resolve`, {
    method: 'POST',
  });
  expect(resolved.statusCode).toBe(200);
  await resolved.body.dump();
  await stack.mock.customer.say({ channel: 'wa', customer, text: 'hi' }, { wait: true });
  await stack.drain();
  const later = stack.mock.traffic.list().filter((exchange) => exchange.direction === 'from_bot');
  const answers = later.slice(2).map((exchange) => [exchange.operation_id, exchange.status]);
  expect(answers.length).toBeGreaterThan(0);
  expect(answers).toEqual(answers.map(() => ['postBotMessage', 200]));
});

it.each(['legacy', 'unknown_fields'] as const)(
  'answers a greeting whose webhook comes as %s, as it answers the documented one',
  async (variant) => {
    const stack = await startBotAndMock();
    const { room_id, delivery } = await stack.mock.customer.say(
      { channel: 'wa', customer: { id: '6281234567890' }, text: 'Hi', webhook_variant: variant },
      { wait: true },
    );
    await stack.drain();

    expect(delivery).toMatchObject({
      webhook: variant === 'legacy' ? 'legacyBotMessage' : 'botMessage',
      status: 'delivered',
      attempts: [expect.objectContaining({ status_code: 200 })],
    });
    // The greeting, and the menu as text (WhatsApp takes no buttons): the channel was read.
    expect(botMessages(stack, room_id)).toEqual(['text', 'text']);
    expect(stack.bot.failures()).toEqual([]);
  },
);
