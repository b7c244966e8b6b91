import { expect, it } from 'vitest';
import { messageExamples } from '#contracts';
import { botSends, messagesFrom, roomEntry } from './support/act.js';
import { openDashboard, saveScreenshot, useBrowser } from './support/browser.js';
import { startStack } from './support/start-stack.js';

const browser = useBrowser();

const markup = '<img src=x onerror="document.title=`pwned`">';

it('shows what a customer or a bot writes as text: markup in names, messages and labels stays text', async (context) => {
  const { mock } = await startStack();
  mock.configure({ bot_enabled: false });
  const { page, problems } = await openDashboard(browser.get(context), mock.url);
  const said = await mock.customer.say({
    channel: 'qiscus',
    customer: { id: 'mallory@example.com', name: markup },
    text: `Hello ${markup}`,
  });
  expect(
    await botSends(mock, said.room_id, {
      type: 'buttons',
      payload: {
        text: `Pick ${markup}`,
        buttons: [{ label: markup, type: 'postback', postback_text: 'x' }],
      },
    }),
  ).toBe(200);

  const entry = roomEntry(page, said.room_id);
  await entry.getByText(`Bot: Pick ${markup} [1 button]`).waitFor();
  expect(await entry.locator('.room-name').textContent()).toBe(markup);
  await entry.click();
  await messagesFrom(page, 'bot').getByText(`Pick ${markup}`).waitFor();
  await messagesFrom(page, 'customer').getByText(`Hello ${markup}`).waitFor();
  await page.getByTestId('conversation-header').getByText(markup).waitFor();
  expect(await page.locator(`[data-postback='${markup}']`).textContent()).toBe(markup);
  // Nothing became an element: no picture, no handler, and the page's title is its own.
  expect(await page.locator('img, [onerror]').count()).toBe(0);
  expect(await page.title()).toBe('qiscus-mock inbox');
  expect(problems).toEqual([]);
});

it('renders every message type as a chat app does, with stand-ins for pictures it cannot load', async (context) => {
  const { mock } = await startStack();
  mock.configure({ bot_enabled: false });
  const { page, problems } = await openDashboard(browser.get(context), mock.url);
  const { room_id } = await mock.customer.say({
    channel: 'qiscus',
    customer: { id: 'siti@example.com', name: 'Siti Rahma' },
    text: 'Where is your office? See https://example.com/help.',
  });
  // A phone shares only the point: the inbox makes the map link.
  await mock.customer.say({
    room_id,
    type: 'location',
    payload: { latitude: -6.2, longitude: 106.8 },
  });
  for (const message of [
    { type: 'file_attachment', payload: { url: 'https://files.example.com/receipt.png' } },
    messageExamples.fileAttachment,
    messageExamples.card,
    messageExamples.location,
    messageExamples.custom,
  ]) {
    expect(await botSends(mock, room_id, message)).toBe(200);
  }
  await roomEntry(page, room_id).click();
  const timeline = page.getByTestId('timeline');
  await timeline.locator('.message[data-type=custom]').waitFor();

  // The customer's web address is a link; the shared point gets a map link made of it.
  expect(
    await messagesFrom(page, 'customer')
      .getByRole('link', { name: 'https://example.com/help' })
      .getAttribute('href'),
  ).toBe('https://example.com/help');
  expect(await messagesFrom(page, 'customer').getByTestId('map-link').getAttribute('href')).toBe(
    'https://www.openstreetmap.org/?mlat=-6.2&mlon=106.8#map=16/-6.2/106.8',
  );
  expect(await messagesFrom(page, 'bot').getByTestId('map-link').getAttribute('href')).toBe(
    messageExamples.location.payload.map_url,
  );
  // Pictures cannot load offline: each shows its file name, never a broken picture.
  await timeline.locator('.picture-missing', { hasText: 'receipt.png' }).waitFor();
  await timeline.locator('.picture-missing', { hasText: 'router.jpg' }).waitFor();
  await page.locator('[data-testid=timeline] img').waitFor({ state: 'detached' });
  const pdf = timeline.getByTestId('file');
  expect(await pdf.getByRole('link').textContent()).toBe('INV-2041.pdf');
  expect(await pdf.textContent()).toContain('47.1 KB · 2 pages');
  // Icons are drawn, not emoji a machine may have no font for.
  expect(await timeline.locator('svg.file-icon, svg.location-pin').count()).toBe(3);
  expect(await timeline.getByTestId('card').locator('.card-title').textContent()).toBe(
    messageExamples.card.payload.title,
  );
  expect(await timeline.locator('.message[data-type=custom] .json').textContent()).toBe(
    JSON.stringify(messageExamples.custom.payload.content, null, 2),
  );
  // The room's own switch is on, but the bot is off for the whole app: no webhook, and it says so.
  expect(await roomEntry(page, room_id).getByTestId('bot-tag').textContent()).toBe('bot off (app)');
  await page.setViewportSize({ width: 1360, height: 1180 });
  await saveScreenshot(page, 'message-types');
  expect(problems).toEqual([]);
});

it('fits an 800 px wide window: nothing spills sideways, the log and settings open from the top bar', async (context) => {
  const { mock } = await startStack();
  const { page, problems } = await openDashboard(browser.get(context), mock.url);
  await page.setViewportSize({ width: 800, height: 720 });
  const { room_id } = await mock.customer.say(
    { channel: 'qiscus', customer: { id: 'siti@example.com', name: 'Siti Rahma' }, text: 'Hi' },
    { wait: true },
  );
  await roomEntry(page, room_id).click();
  await page.locator('[data-testid=timeline] [data-postback="Promotions"]').click();
  await page.getByTestId('carousel').waitFor();
  expect(await page.evaluate('document.documentElement.scrollWidth')).toBe(800);
  expect(await page.getByTestId('deliveries').isVisible()).toBe(false);

  const toggle = page.getByRole('button', { name: 'Deliveries & settings' });
  await toggle.click();
  await page.getByTestId('deliveries').getByText('dlv_2').waitFor();
  expect(await toggle.getAttribute('aria-expanded')).toBe('true');
  await saveScreenshot(page, 'narrow');
  await page.keyboard.press('Escape');
  await page.getByTestId('deliveries').waitFor({ state: 'hidden' });
  expect(problems).toEqual([]);
});
