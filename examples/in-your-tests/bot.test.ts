// The bot's tests, with the mock started from code: a real HTTP round trip, webhook and answer,
// checked against the contract of the Qiscus bot API.
import { createMockServer, type MockServer } from 'qiscus-mock';
import { afterEach, expect, test } from 'vitest';
import { answerTo, startBot } from './bot.js';

const stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(stops.splice(0).map((stop) => stop()));
});

async function startBotAndMock(): Promise<MockServer> {
  const mock = await createMockServer({ deterministic: true });
  stops.push(() => mock.close());
  const bot = await startBot({
    baseUrl: mock.url,
    appCode: mock.appCode,
    secretKey: mock.secretKey,
    botEmail: mock.botEmail,
  });
  stops.push(() => bot.close());
  mock.configure({ bot_url: bot.url });
  return mock;
}

test('answers a greeting', () => {
  expect(answerTo('Hi there')).toBe('Hello! How can I help you today?');
});

test('answers a customer on WhatsApp through the bot API, in the same room', async () => {
  const mock = await startBotAndMock();
  const { room_id } = await mock.customer.say({ channel: 'wa', text: 'Halo' }, { wait: true });
  await mock.drain();
  const messages = mock.rooms.get(room_id)?.messages ?? [];
  expect(messages.map(({ sender, text }) => [sender, text])).toEqual([
    ['customer', 'Halo'],
    ['bot', 'Hello! How can I help you today?'],
  ]);
});

test('sends nothing the contract refuses', async () => {
  const mock = await startBotAndMock();
  await mock.customer.say({ channel: 'qiscus', text: 'what?' }, { wait: true });
  await mock.drain();
  const refused = mock.traffic.list().filter((exchange) => (exchange.status ?? 0) >= 400);
  expect(refused).toEqual([]);
});
