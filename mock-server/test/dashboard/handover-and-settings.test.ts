import { request } from 'undici';
import { expect, it } from 'vitest';
import { MockSettingsSchema, type MockSettings } from '#contracts';
import { actAndAwaitAnswer, messagesFrom, roomEntry } from './support/act.js';
import { openDashboard, saveScreenshot, useBrowser } from './support/browser.js';
import { startStack } from './support/start-stack.js';

const browser = useBrowser();

/** `GET /_mock/config`, over HTTP as any client would read it. */
async function configOf(url: string): Promise<MockSettings> {
  const answer = await request(`${url}/_mock/config`);
  return MockSettingsSchema.parse(await answer.body.json());
}

it('pops up the handover request; Accept gives the room to an agent, who writes; Resolve closes it', async (context) => {
  const { mock } = await startStack();
  const { room_id } = await mock.customer.say(
    { channel: 'qiscus', customer: { id: 'siti@example.com', name: 'Siti Rahma' }, text: 'Hi' },
    { wait: true },
  );
  const { page, problems } = await openDashboard(browser.get(context), mock.url);
  await roomEntry(page, room_id).click();

  await page.locator('[data-testid=timeline] [data-postback="Talk to a human"]').click();
  const popup = page.locator(`[data-testid=handover-popup][data-room-id="${room_id}"]`);
  await popup.waitFor();
  expect(await popup.textContent()).toContain('The bot asks for a human agent for Siti Rahma');
  await roomEntry(page, room_id).getByTestId('handover-pending').waitFor();
  await saveScreenshot(page, 'handover-popup');

  await actAndAwaitAnswer(page, 'POST', `/_mock/rooms/${room_id}/handover/accept`, () =>
    popup.getByTestId('handover-accept').click(),
  );
  await popup.waitFor({ state: 'detached' });
  const accepted = mock.rooms.get(room_id)?.room;
  expect(accepted?.handover.status).toBe('accepted');
  expect(accepted?.bot_active).toBe(false);
  const agent = accepted?.agent;
  expect(agent).toBeTruthy();
  await page
    .getByTestId('conversation-header')
    .getByText(agent?.name ?? '-')
    .waitFor();

  await page.getByLabel('as an agent').check();
  await actAndAwaitAnswer(page, 'POST', `/_mock/rooms/${room_id}/agent-messages`, async () => {
    await page.getByTestId('composer-text').fill('Hi Siti, I am here to help.');
    await page.getByTestId('composer-send').click();
  });
  await messagesFrom(page, 'agent').filter({ hasText: 'Hi Siti, I am here to help.' }).waitFor();
  expect(mock.rooms.get(room_id)?.messages.at(-1)).toMatchObject({
    sender: 'agent',
    sender_name: agent?.name,
  });

  await actAndAwaitAnswer(page, 'POST', `/_mock/rooms/${room_id}/resolve`, () =>
    page.getByTestId('resolve').click(),
  );
  await roomEntry(page, room_id).getByText('resolved').waitFor();
  expect(mock.rooms.get(room_id)?.room.resolved).toBe(true);
  expect(problems).toEqual([]);
});

it('hides handover pop-ups when the setting says so; Decline gives the room back to the bot', async (context) => {
  const { mock, bot } = await startStack();
  const { page, problems } = await openDashboard(browser.get(context), mock.url);
  await page.getByRole('tab', { name: 'Settings' }).click();
  await page.getByTestId('setting-handover-popups').uncheck();

  const { room_id } = await mock.customer.say(
    {
      channel: 'line',
      customer: { id: 'U4af4980629', name: 'Dewi' },
      text: 'I want to talk to a human',
    },
    { wait: true },
  );
  await bot.drain();
  await roomEntry(page, room_id).getByTestId('handover-pending').waitFor();
  expect(await page.getByTestId('handover-popup').count()).toBe(0);
  expect(await page.evaluate("localStorage.getItem('qiscus-mock:show-handover-popups')")).toBe(
    'false',
  );

  await page.getByTestId('setting-handover-popups').check();
  const popup = page.locator(`[data-testid=handover-popup][data-room-id="${room_id}"]`);
  await actAndAwaitAnswer(page, 'POST', `/_mock/rooms/${room_id}/handover/decline`, () =>
    popup.getByTestId('handover-decline').click(),
  );
  await popup.waitFor({ state: 'detached' });
  expect(mock.rooms.get(room_id)?.room).toMatchObject({
    bot_active: true,
    handover: { status: 'declined' },
  });
  expect(problems).toEqual([]);
});

it('changes the mock’s switches from the settings panel', async (context) => {
  const { mock, bot } = await startStack();
  const { page, problems } = await openDashboard(browser.get(context), mock.url);
  await page.getByRole('tab', { name: 'Settings' }).click();
  const patch = (act: () => Promise<void>) =>
    actAndAwaitAnswer(page, 'PATCH', '/_mock/config', act);

  // A URL the mock refuses: the inbox says why, in the mock's words.
  await page.getByTestId('setting-bot-url').fill('http://example.com/bot');
  await page.getByTestId('setting-bot-url-save').click();
  await page
    .getByRole('alert')
    .getByText('MOCK_ERR_WEBHOOK_TARGET: bot_url example.com is not this machine')
    .waitFor();
  await saveScreenshot(page, 'settings');
  expect((await configOf(mock.url)).bot_url).toBe(bot.url);

  await patch(() => page.getByTestId('setting-auto-agent-allocation').uncheck());
  // The notice goes with the next change that succeeds.
  await page.getByRole('alert').waitFor({ state: 'hidden' });
  await patch(() => page.getByTestId('setting-bot-enabled').uncheck());
  await patch(async () => {
    await page.getByTestId('setting-delivery').selectOption('reliable');
  });
  await patch(async () => {
    await page.getByTestId('setting-bot-url').fill('http://127.0.0.1:9/hook');
    await page.getByTestId('setting-bot-url-save').click();
  });
  expect(await configOf(mock.url)).toMatchObject({
    auto_agent_allocation: false,
    bot_enabled: false,
    delivery: 'reliable',
    bot_url: 'http://127.0.0.1:9/hook',
  });

  await patch(async () => {
    await page.getByTestId('setting-bot-url').fill(bot.url);
    await page.getByTestId('setting-bot-url-save').click();
  });
  await patch(() => page.getByTestId('setting-bot-enabled').check());
  await patch(() => page.getByTestId('setting-auto-agent-allocation').check());
  expect(await configOf(mock.url)).toMatchObject({
    auto_agent_allocation: true,
    bot_enabled: true,
    bot_url: bot.url,
  });
  // A change made elsewhere shows at once.
  mock.configure({ delivery: 'chaos' });
  await page
    .locator('[data-testid=setting-delivery] option[value=chaos]:checked')
    .waitFor({ state: 'attached' });
  expect(problems).toEqual([]);
});

it('switches the bot off for one room, shows the skipped webhook, and redelivers it', async (context) => {
  const { mock, bot } = await startStack();
  const { room_id } = await mock.customer.say(
    { channel: 'ig', customer: { id: '17841400000001', name: 'Putri' }, text: 'Hi' },
    { wait: true },
  );
  await bot.drain();
  const { page, problems } = await openDashboard(browser.get(context), mock.url);
  await roomEntry(page, room_id).click();

  await actAndAwaitAnswer(page, 'POST', `/_mock/rooms/${room_id}/bot`, () =>
    page.getByTestId('room-bot-switch').uncheck(),
  );
  await roomEntry(page, room_id).getByText('bot off').waitFor();
  expect(mock.rooms.get(room_id)?.room.bot_active).toBe(false);

  await page.getByTestId('composer-text').fill('Hello?');
  await page.getByTestId('composer-send').click();
  const message = messagesFrom(page, 'customer').filter({ hasText: 'Hello?' });
  await message.locator('[data-status=skipped]').getByText('BOT_OFF_FOR_ROOM').waitFor();
  const skipped = mock.deliveries.list().at(-1);
  expect(skipped?.skip_reason).toBe('BOT_OFF_FOR_ROOM');

  const entry = page.locator(`[data-testid=deliveries] [data-delivery-id="${skipped?.id}"]`);
  await entry.getByText('Not sent: the bot is off for room').waitFor();
  await actAndAwaitAnswer(page, 'POST', `/_mock/deliveries/${skipped?.id}/redeliver`, () =>
    entry.getByTestId('redeliver').click(),
  );
  const again = page.locator('[data-testid=deliveries] .delivery', {
    hasText: `repeats ${skipped?.id}`,
  });
  await again.locator('[data-status=delivered], .status-pill.status-delivered').first().waitFor();
  // The message now tells the latest delivery of its webhook.
  await message.locator('[data-status=delivered]').waitFor();
  expect(mock.deliveries.list().at(-1)).toMatchObject({
    redelivery_of: skipped?.id,
    status: 'delivered',
  });
  await bot.drain();
  await saveScreenshot(page, 'delivery-log');
  expect(problems).toEqual([]);
});
