import { request } from 'undici';
import { expect, it } from 'vitest';
import { getTraffic, type MockEvent } from '#contracts';
import { callControl } from './support/call-control.js';
import { startBot } from './support/start-bot.js';
import { startMock } from './support/start-mock.js';

/** A body the contract refuses (no sender, no type), with the right secret, so it is read. */
async function postRefused(
  server: { readonly url: string; readonly appCode: string; readonly secretKey: string },
  size: number,
): Promise<void> {
  const answer = await request(`${server.url}/${server.appCode}/bot`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', QISCUS_SDK_SECRET: server.secretKey },
    body: JSON.stringify({ message: 'x'.repeat(size), room_id: '1' }),
  });
  await answer.body.dump();
}

it('keeps the traffic log within its byte budget, long bodies cut short with a marker', async () => {
  const server = await startMock({ trafficMaxBytes: 64 * 1024, storedBodyMaxBytes: 4096 });
  for (let i = 0; i < 40; i += 1) await postRefused(server, 100_000);
  const answer = await callControl(server, getTraffic);
  if (!answer.ok) throw new Error(answer.body.detail);
  const { exchanges, dropped } = answer.body;
  expect(exchanges.length).toBeLessThan(20);
  expect(dropped).toBe(40 - exchanges.length);
  const body = String(exchanges[0]?.request.body);
  expect(body.length).toBeLessThan(4200);
  expect(body).toMatch(/…\[truncated: 1000\d\d characters in all, the first 4096 kept\]$/);
});

it('reads the traffic log a page at a time, each page saying where the next starts', async () => {
  const server = await startMock();
  for (let i = 0; i < 12; i += 1) await postRefused(server, 10);
  const seen: number[] = [];
  let after = '0';
  for (let pages = 0; pages < 10; pages += 1) {
    const answer = await callControl(server, getTraffic, { query: { after, page_size: '5' } });
    if (!answer.ok) throw new Error(answer.body.detail);
    seen.push(...answer.body.exchanges.map((exchange) => exchange.seq));
    if (answer.body.next_after === null) break;
    expect(answer.body.exchanges).toHaveLength(5);
    after = String(answer.body.next_after);
  }
  expect(seen).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
});

it('lets the oldest rooms go beyond the room budget, and says so on the event stream', async () => {
  const server = await startMock({ maxRooms: 3 });
  const events: MockEvent[] = [];
  server.events.subscribe((event) => events.push(event));
  const ids: string[] = [];
  for (let i = 0; i < 5; i += 1) {
    ids.push(
      (await server.customer.say({ channel: 'qiscus', customer: { id: `c${i}` }, text: 'Hi' }))
        .room_id,
    );
  }
  expect(
    server.rooms
      .list()
      .map((room) => room.room_id)
      .sort(),
  ).toEqual(ids.slice(2).sort());
  const dropped = events.filter((event) => event.type === 'rooms_dropped');
  expect(dropped.flatMap((event) => event.room_ids)).toEqual(ids.slice(0, 2));
  expect(dropped[0]?.reason).toContain('let go to stay within the rooms budget (3 rooms, 16 MB)');
  // It names flags that exist: serve takes them (budget-flags.test.ts).
  expect(dropped[0]?.reason).toContain("serve's --max-rooms N or --rooms-budget SIZE");
});

it('lets rooms go when their messages pass the byte budget, keeping the room written to', async () => {
  const server = await startMock({ roomsMaxBytes: 30_000 });
  const first = await server.customer.say({ channel: 'qiscus', customer: { id: 'a' }, text: 'Hi' });
  for (let i = 0; i < 8; i += 1) {
    await server.customer.say({
      channel: 'qiscus',
      customer: { id: 'b' },
      text: 'y'.repeat(3999),
    });
  }
  const rooms = server.rooms.list();
  expect(rooms.map((room) => room.room_id)).not.toContain(first.room_id);
  expect(rooms).toHaveLength(1);
  expect(server.rooms.get(rooms[0]?.room_id ?? '')?.messages.length).toBeLessThan(8);
});

it('keeps the delivery log within its byte budget, and its count limit as before', async () => {
  const bot = await startBot();
  const server = await startMock({ botUrl: bot.url, deliveryMaxBytes: 20_000, deliveryLimit: 50 });
  for (let i = 0; i < 10; i += 1) {
    await server.customer.say({ channel: 'qiscus', text: 'z'.repeat(3999) }, { wait: true });
  }
  expect(server.deliveries.list().length).toBeLessThan(5);
  const counted = await startMock({ botUrl: bot.url, deliveryLimit: 3 });
  for (let i = 0; i < 5; i += 1) await counted.customer.say('Hi', { wait: true });
  expect(counted.deliveries.list()).toHaveLength(3);
});
