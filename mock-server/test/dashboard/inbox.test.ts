import { request } from 'undici';
import { expect, it } from 'vitest';
import { MockRoomDetailSchema } from '#contracts';
import { actAndAwaitAnswer, messagesFrom, roomEntry } from './support/act.js';
import { openDashboard, saveScreenshot, useBrowser } from './support/browser.js';
import { startStack } from './support/start-stack.js';

const browser = useBrowser();

it('shows a customer message live, whether sent through the API or written in the inbox', async (context) => {
  const { mock } = await startStack();
  const { page, problems } = await openDashboard(browser.get(context), mock.url);

  const said = await mock.customer.say({
    channel: 'wa',
    customer: { id: '6281234567890', name: 'Budi Santoso' },
    text: 'Hi',
  });
  const entry = roomEntry(page, said.room_id);
  await entry.getByText('Budi Santoso').waitFor();
  expect(await entry.locator('[data-channel]').getAttribute('data-channel')).toBe('wa');
  await entry.click();
  await messagesFrom(page, 'customer').filter({ hasText: 'Hi' }).waitFor();
  await page.locator('[data-testid=delivery-status][data-status=delivered]').first().waitFor();
  // The reference bot greets Budi by name; WhatsApp gets the menu as a numbered text.
  await messagesFrom(page, 'bot').filter({ hasText: 'Reply with a number' }).waitFor();

  await actAndAwaitAnswer(page, 'POST', '/_mock/messages', async () => {
    await page.getByTestId('composer-text').fill('What are your opening hours?');
    await page.getByTestId('composer-text').press('Enter');
  });
  await messagesFrom(page, 'customer')
    .filter({ hasText: 'What are your opening hours?' })
    .waitFor();
  const detail = mock.rooms.get(said.room_id);
  expect(
    detail?.messages.filter((message) => message.sender === 'customer').map((m) => m.text),
  ).toEqual(['Hi', 'What are your opening hours?']);

  // A new customer on another channel, from the form above the rooms.
  await page
    .getByTestId('new-room-channel')
    .selectOption({ label: 'Telegram · Qiscus Mock Telegram' });
  await page.getByTestId('new-room-name').fill('Rina');
  await page.getByTestId('new-room-text').fill('Halo');
  const started = (await actAndAwaitAnswer(page, 'POST', '/_mock/messages', () =>
    page.getByTestId('new-room-text').press('Enter'),
  )) as { room_id: string; room_created: boolean };
  expect(started.room_created).toBe(true);
  await page.getByTestId('conversation-header').getByText('Rina').waitFor();
  expect(await roomEntry(page, started.room_id).getAttribute('class')).toContain('selected');
  expect(mock.rooms.get(started.room_id)?.room.channel.source).toBe('telegram');
  expect(problems).toEqual([]);
});

it('renders the bot’s buttons, and a postback press reaches the bot, whose carousel renders', async (context) => {
  const { mock, bot } = await startStack();
  const { page, problems } = await openDashboard(browser.get(context), mock.url);

  await page.getByTestId('new-room-channel').selectOption({ index: 0 });
  await page.getByTestId('new-room-name').fill('Siti Rahma');
  await page.getByTestId('new-room-text').fill('Hi');
  await page.getByTestId('new-room-text').press('Enter');
  const promotions = page.locator('[data-testid=timeline] [data-postback="Promotions"]');
  await promotions.waitFor();
  const buttons = messagesFrom(page, 'bot')
    .filter({ has: page.locator('[data-postback="Promotions"]') })
    .locator('.chat-button');
  expect(await buttons.allTextContents()).toEqual([
    'Billing',
    'Promotions',
    'Opening hours',
    'Talk to a human',
    'Help centre ↗',
  ]);
  expect(await buttons.last().getAttribute('href')).toBe('https://help.example.com/');

  await actAndAwaitAnswer(page, 'POST', '/_mock/messages', () => promotions.click());
  const carousel = page.locator('[data-testid=carousel]');
  await carousel.waitFor();
  expect(await carousel.locator('.card-title').allTextContents()).toEqual([
    'Basic plan',
    'Pro plan',
    'Family plan',
  ]);
  await mock.drain();
  await bot.drain();
  const pressed = mock.traffic
    .list()
    .filter((exchange) => exchange.direction === 'to_bot')
    .map(
      (exchange) =>
        (exchange.request.body as { payload: { message: { text: string } } }).payload.message.text,
    );
  expect(pressed).toEqual(['Hi', 'Show me the promotions']);
  await messagesFrom(page, 'customer').filter({ hasText: 'Show me the promotions' }).waitFor();
  await saveScreenshot(page, 'inbox');
  expect(problems).toEqual([]);
});

it('shows a carousel refused on WhatsApp inline, in red, with the mock’s error, also after a reload', async (context) => {
  const { mock } = await startStack();
  const { room_id } = await mock.customer.say(
    { channel: 'wa', customer: { id: '6281298765432', name: 'Agus Wijaya' }, text: 'Promo?' },
    { wait: true },
  );
  const { page, problems } = await openDashboard(browser.get(context), mock.url);
  await roomEntry(page, room_id).click();
  await messagesFrom(page, 'customer').filter({ hasText: 'Promo?' }).waitFor();

  const refused = await request(`${mock.url}/${mock.appCode}/bot`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', qiscus_sdk_secret: mock.secretKey },
    body: JSON.stringify({
      sender_email: mock.botEmail,
      type: 'carousel',
      room_id,
      payload: {
        cards: [
          {
            image: 'https://shop.example.com/img/plan-basic.jpg',
            title: 'Basic plan',
            buttons: [],
          },
        ],
      },
    }),
  });
  expect(refused.statusCode).toBe(400);
  await refused.body.dump();

  const refusal = page.getByTestId('refusal');
  await refusal.waitFor();
  expect(await refusal.getAttribute('data-code')).toBe('MESSAGE_TYPE_NOT_SUPPORTED');
  expect(await refusal.locator('.refusal-code').textContent()).toBe(
    '400 MESSAGE_TYPE_NOT_SUPPORTED',
  );
  expect(await refusal.textContent()).toContain(
    'carousel messages are not supported in WhatsApp rooms',
  );
  // The page's own style sheet makes it red.
  expect(
    await page.evaluate(
      "getComputedStyle(document.querySelector('[data-testid=refusal] .bubble')).color",
    ),
  ).toBe('rgb(198, 40, 40)');
  await saveScreenshot(page, 'refused-carousel');

  // After a reload the refusal comes from the traffic log rather than the live event.
  await page.reload();
  await page.locator('[data-testid=connection][data-state=live]').waitFor();
  await roomEntry(page, room_id).click();
  await page.getByTestId('refusal').waitFor();
  expect(await page.getByTestId('timeline').locator('.message').count()).toBe(
    MockRoomDetailSchema.parse(mock.rooms.get(room_id)).messages.length + 1,
  );
  expect(problems).toEqual([]);
});
