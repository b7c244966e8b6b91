import { once } from 'node:events';
import { connect } from 'node:net';
import { expect, it, onTestFinished } from 'vitest';
import WebSocket from 'ws';
import { postBotMessage, type MockEvent } from '#contracts';
import { callQiscus } from './support/call-qiscus.js';
import { followEvents, refusedUpgrade } from './support/follow-events.js';
import { startBot } from './support/start-bot.js';
import { startMock } from './support/start-mock.js';

type EventOf<T extends MockEvent['type']> = Extract<MockEvent, { type: T }>;
const is =
  <T extends MockEvent['type']>(type: T, where: (event: EventOf<T>) => boolean = () => true) =>
  (event: MockEvent): event is EventOf<T> =>
    event.type === type && where(event as EventOf<T>);

it('sends a ready snapshot, then the customer’s message, its webhook and the bot’s answer as they happen', async () => {
  const bot = await startBot();
  const server = await startMock({ botUrl: bot.url });
  const earlier = await server.customer.say({ channel: 'qiscus', text: 'Before' }, { wait: true });
  const events = await followEvents(server.url);

  const ready = await events.next(is('ready'));
  expect(ready.settings.app_code).toBe(server.appCode);
  expect(ready.rooms.map((room) => room.room_id)).toEqual([earlier.room_id]);

  const said = await server.customer.say(
    { channel: 'wa', customer: { id: '6281234567890', name: 'Budi' }, text: 'Hi' },
    { wait: true },
  );
  const room = await events.next(is('room', (event) => event.room.room_id === said.room_id));
  expect(room.room.channel.source).toBe('wa');
  const message = await events.next(is('message', (event) => event.room_id === said.room_id));
  expect([message.message.sender, message.message.text]).toEqual(['customer', 'Hi']);
  const delivered = await events.next(
    is('delivery', (event) => event.delivery.status === 'delivered'),
  );
  expect(delivered.delivery.room_id).toBe(said.room_id);
  await events.next(is('exchange', (event) => event.exchange.direction === 'to_bot'));

  const answer = await callQiscus(server, postBotMessage, {
    params: { app_code: server.appCode },
    body: { sender_email: server.botEmail, message: 'Hello Budi', room_id: said.room_id },
  });
  expect(answer.status).toBe(200);
  const reply = await events.next(
    is('message', (event) => event.message.sender === 'bot' && event.room_id === said.room_id),
  );
  expect(reply.message.text).toBe('Hello Budi');
  const exchange = await events.next(
    is('exchange', (event) => event.exchange.direction === 'from_bot'),
  );
  expect([exchange.exchange.operation_id, exchange.exchange.status]).toEqual([
    'postBotMessage',
    200,
  ]);

  const seqs = events.received.map((event) => event.seq);
  expect(seqs[0]).toBe(0);
  expect(seqs.slice(1)).toEqual(seqs.slice(1).map((_, index) => index + 1));
});

it('shows a refused bot request with the mock’s error, and settings changes and resets', async () => {
  const server = await startMock();
  const { room_id } = await server.customer.say({ channel: 'wa', text: 'Hi' });
  const events = await followEvents(server.url);
  await events.next(is('ready'));

  const refused = await callQiscus(server, postBotMessage, {
    params: { app_code: server.appCode },
    body: {
      sender_email: server.botEmail,
      type: 'carousel',
      room_id,
      payload: {
        cards: [
          {
            title: 'Basic',
            description: 'Rp 49.000',
            image: 'https://shop.example.com/a.jpg',
            buttons: [],
          },
        ],
      },
    },
  });
  expect(refused.status).toBe(400);
  const exchange = await events.next(is('exchange', (event) => event.exchange.status === 400));
  expect(exchange.exchange.response?.body).toMatchObject({
    errors: { code: 'MESSAGE_TYPE_NOT_SUPPORTED' },
  });

  server.configure({ auto_agent_allocation: false });
  const settings = await events.next(is('settings'));
  expect(settings.settings.auto_agent_allocation).toBe(false);
  server.reset();
  await events.next(is('reset'));
});

it('sends the same events to every follower, and none to one that left', async () => {
  const server = await startMock();
  const first = await followEvents(server.url);
  const second = await followEvents(server.url);
  await first.next(is('ready'));
  await second.next(is('ready'));
  second.close();
  expect(await second.closed).toBe(1005);

  await server.customer.say({ channel: 'qiscus', text: 'Hi' });
  await first.next(is('message'));
  expect(second.received.map((event) => event.type)).toEqual(['ready']);
});

it('answers only /_mock/events, only for this machine’s Host, and closes the stream when the mock stops', async () => {
  const server = await startMock();

  const elsewhere = await refusedUpgrade(server.url, '/_mock/nope');
  expect(elsewhere.status).toBe(404);
  expect(JSON.parse(elsewhere.body)).toMatchObject({ code: 'MOCK_ERR_ROUTE_NOT_FOUND' });
  const rebound = await refusedUpgrade(server.url, '/_mock/events', { host: 'evil.example' });
  expect(rebound.status).toBe(421);
  expect(JSON.parse(rebound.body)).toMatchObject({ code: 'MOCK_ERR_HOST_NOT_ALLOWED' });

  const events = await followEvents(server.url);
  await events.next(is('ready'));
  await server.close();
  expect(await events.closed).toBe(1001);
});

it('lets a listener in the same process follow the events, numbered, until it lets go', async () => {
  const server = await startMock();
  const seen: MockEvent[] = [];
  const stop = server.events.subscribe((event) => seen.push(event));

  const said = await server.customer.say({ channel: 'telegram', text: 'Halo' });
  // No bot URL is set, so the delivery is logged as skipped.
  expect(seen.map((event) => event.type)).toEqual(['room', 'delivery', 'message', 'exchange']);
  expect(seen.map((event) => event.seq)).toEqual([1, 2, 3, 4]);
  expect(seen[2]).toMatchObject({ room_id: said.room_id, message: { text: 'Halo' } });

  stop();
  await server.customer.say({ channel: 'telegram', text: 'Again' });
  expect(seen).toHaveLength(4);
});

it('refuses the event stream to a page of another origin, and follows the dashboard’s own', async () => {
  const server = await startMock();
  const host = new URL(server.url).host;

  const crossSite = await refusedUpgrade(server.url, '/_mock/events', {
    origin: 'https://evil.example',
  });
  expect(crossSite.status).toBe(403);
  expect(JSON.parse(crossSite.body)).toMatchObject({ code: 'MOCK_ERR_ORIGIN_NOT_ALLOWED' });

  const events = await followEvents(server.url, { origin: `http://${host}` });
  expect((await events.next(is('ready'))).type).toBe('ready');
});

it('refuses an upgrade elsewhere in a whole problem+json answer, naming the path without its query', async () => {
  const server = await startMock();
  const { hostname, port } = new URL(server.url);
  const socket = connect(Number(port), hostname);
  await once(socket, 'connect');
  let text = '';
  socket.on('data', (chunk: Buffer) => (text += chunk.toString()));
  socket.write(
    'GET /_mock/nope?since=1 HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n',
  );
  await once(socket, 'close');
  const end = text.indexOf('\r\n\r\n');
  const body = text.slice(end + 4);
  expect(text.slice(0, end).split('\r\n')).toEqual([
    'HTTP/1.1 404 Not Found',
    'Content-Type: application/problem+json; charset=utf-8',
    `Content-Length: ${Buffer.byteLength(body)}`,
    'Connection: close',
  ]);
  expect(JSON.parse(body)).toMatchObject({
    status: 404,
    code: 'MOCK_ERR_ROUTE_NOT_FOUND',
    detail: 'Only /_mock/events takes a WebSocket here, not /_mock/nope.',
  });
});

it('follows /_mock/events asked with a query, and lets go of a client that sends a frame over 64 KiB', async () => {
  const server = await startMock();
  const ws = new WebSocket(`${server.url.replace(/^http/, 'ws')}/_mock/events?since=0`);
  onTestFinished(() => {
    ws.terminate();
  });
  const [ready] = (await once(ws, 'message')) as [Buffer];
  expect((JSON.parse(ready.toString('utf8')) as MockEvent).type).toBe('ready');

  const closed = once(ws, 'close') as Promise<[number]>;
  ws.send('x'.repeat(64 * 1024 + 1));
  expect((await closed)[0]).toBe(1009);
});

it('tells each follower the mock is stopping when it closes', async () => {
  const server = await startMock();
  const ws = new WebSocket(`${server.url.replace(/^http/, 'ws')}/_mock/events`);
  onTestFinished(() => {
    ws.terminate();
  });
  await once(ws, 'message');
  const closed = once(ws, 'close') as Promise<[number, Buffer]>;
  await server.close();
  const [code, reason] = await closed;
  expect([code, reason.toString('utf8')]).toEqual([1001, 'the mock is stopping']);
});
