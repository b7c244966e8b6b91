import { expect, it, onTestFinished } from 'vitest';
import type { APIResponse, Route } from 'playwright-core';
import { messageExamples, type MockEvent } from '#contracts';
import { createMockServer, createSteppingClock, type MockServer } from '#mock-server';
import { botSends, messagesFrom, roomEntry } from './support/act.js';
import { openDashboard, useBrowser } from './support/browser.js';
import { startStack } from './support/start-stack.js';

const browser = useBrowser();

/** A mock with no bot whose clock stands still: every timestamp falls in the same second. */
async function startStillMock(port = 0): Promise<MockServer> {
  const mock = await createMockServer({
    port,
    deterministic: true,
    clock: createSteppingClock(Date.UTC(2026, 10, 24, 9, 30), 0),
  });
  onTestFinished(() => mock.close());
  return mock;
}

it('puts a refused bot request after the message it answered and before the bot’s next one, also in a fetched history', async (context) => {
  const mock = await startStillMock();
  const { room_id } = await mock.customer.say({
    channel: 'wa',
    customer: { id: '6281298765432', name: 'Agus' },
    text: 'Promo?',
  });
  expect(await botSends(mock, room_id, messageExamples.carousel)).toBe(400);
  expect(await botSends(mock, room_id, messageExamples.text)).toBe(200);

  const { page, problems } = await openDashboard(browser.get(context), mock.url);
  await roomEntry(page, room_id).click();
  const items = page.locator('[data-testid=timeline] .message');
  await page.getByTestId('refusal').waitFor();
  await messagesFrom(page, 'bot').waitFor();
  const order = async () =>
    Promise.all(
      (await items.all()).map(
        async (item) => (await item.getAttribute('data-sender')) ?? 'refusal',
      ),
    );
  expect(await order()).toEqual(['customer', 'refusal', 'bot']);

  // The same again, live.
  await mock.customer.say({ room_id, text: 'And now?' });
  expect(await botSends(mock, room_id, messageExamples.carousel)).toBe(400);
  expect(await botSends(mock, room_id, messageExamples.text)).toBe(200);
  await messagesFrom(page, 'bot').nth(1).waitFor();
  expect(await order()).toEqual(['customer', 'refusal', 'bot', 'customer', 'refusal', 'bot']);
  expect(problems).toEqual([]);
});

it('drops what a room fetch begun before a reset brings back after it', async (context) => {
  const mock = await startStillMock();
  const { room_id } = await mock.customer.say({ channel: 'qiscus', text: 'Hi' });
  const { page, problems } = await openDashboard(browser.get(context), mock.url);
  // The room's history is read before the reset, and reaches the page after it.
  const held = new Promise<{ route: Route; response: APIResponse }>((resolve) => {
    void page.route(`**/_mock/rooms/${room_id}`, async (route) => {
      resolve({ route, response: await route.fetch() });
    });
  });
  await roomEntry(page, room_id).click();
  const { route, response } = await held;
  mock.reset();
  await page.getByText('No rooms yet').waitFor();
  const answered = page.waitForResponse(`**/_mock/rooms/${room_id}`);
  await route.fulfill({ response });
  await answered;

  const next = await mock.customer.say({ channel: 'qiscus', text: 'Hello again' });
  await roomEntry(page, next.room_id).waitFor();
  expect(await page.locator('[data-testid=rooms] .room').count()).toBe(1);
  expect(await page.getByRole('alert').isVisible()).toBe(false);
  expect(problems).toEqual([]);
});

it('shows that the mock stopped, and after it restarts starts again from its snapshot', async (context) => {
  const first = await startStillMock();
  const { room_id } = await first.customer.say({ channel: 'qiscus', text: 'Hi' });
  const { page, problems } = await openDashboard(browser.get(context), first.url);
  await roomEntry(page, room_id).click();
  await first.close();
  const connection = page.getByTestId('connection');
  await page.locator('[data-testid=connection][data-state=offline]').waitFor();
  expect(await connection.textContent()).toBe('offline: reconnecting…');

  const second = await startStillMock(Number(new URL(first.url).port));
  const fresh = await second.customer.say({ channel: 'wa', text: 'Halo' });
  await page.locator('[data-testid=connection][data-state=live]').waitFor();
  await roomEntry(page, fresh.room_id).waitFor();
  // The old room went with the old mock (the new one numbers rooms the same way: it was replaced).
  expect(await page.locator('[data-testid=rooms] .room').count()).toBe(1);
  expect(
    await roomEntry(page, fresh.room_id).locator('[data-channel]').getAttribute('data-channel'),
  ).toBe('wa');
  // Chromium logs each try that found the mock still stopped; nothing else went wrong.
  expect(problems.filter((problem) => !problem.includes('ERR_CONNECTION_REFUSED'))).toEqual([]);
});

it('stays small on a page left open: the latest 1,000 deliveries, and timelines only for the room on screen', async (context) => {
  const mock = await startStillMock();
  const said = await mock.customer.say({ channel: 'qiscus', text: 'Hi' }, { wait: true });
  const room = mock.rooms.get(said.room_id);
  const delivery = mock.deliveries.list()[0];
  const { page } = await openDashboard(browser.get(context), mock.url);
  const events: MockEvent[] = [];
  for (let n = 1; n <= 1500; n += 1) {
    if (!delivery || !room?.messages[0]) throw new Error('the room has no message or delivery');
    events.push({ type: 'delivery', seq: n, delivery: { ...delivery, id: `dlv_${n + 10}` } });
    events.push({
      type: 'message',
      seq: n,
      room_id: said.room_id,
      message: { ...room.messages[0], id: room.messages[0].id + n },
    });
  }
  // The page's own store module, fed the events as the stream would; the page's state is not
  // touched. (A string, so the test runner leaves its import alone.)
  await page.evaluate((given) => Object.assign(globalThis, { given }), {
    events,
    settings: mock.settings(),
  });
  const kept = await page.evaluate(`(async () => {
    const { createStore } = await import('/dashboard/store.js');
    const store = createStore();
    store.apply({ type: 'ready', seq: 0, settings: given.settings, rooms: [] });
    for (const event of given.events) store.apply(event);
    return { deliveries: store.state.deliveries.size, timelines: store.state.timelines.size };
  })()`);
  expect(kept).toEqual({ deliveries: 1000, timelines: 0 });
});

it('shows the latest message when the user presses a button, even if scrolled up to read', async (context) => {
  const { mock, bot } = await startStack();
  const { room_id } = await mock.customer.say(
    { channel: 'qiscus', customer: { id: 'siti@example.com', name: 'Siti' }, text: 'Hi' },
    { wait: true },
  );
  for (const text of ['When are you open?', 'Do you deliver?', 'Can I return it?', 'Thanks']) {
    await mock.customer.say({ room_id, text }, { wait: true });
  }
  await bot.drain();
  const { page, problems } = await openDashboard(browser.get(context), mock.url);
  await page.setViewportSize({ width: 1360, height: 560 });
  await roomEntry(page, room_id).click();
  await messagesFrom(page, 'customer').filter({ hasText: 'Thanks' }).waitFor();
  // Pressing the menu's button scrolls the timeline up to it.
  await page.locator('[data-testid=timeline] [data-postback="Promotions"]').click();
  await page.getByTestId('carousel').waitFor();
  await page.waitForFunction(
    "(() => { const t = document.querySelector('[data-testid=timeline]'); return t.scrollHeight - t.scrollTop - t.clientHeight < 2; })()",
  );
  expect(problems).toEqual([]);
});
