import { expect, it } from 'vitest';
import { startBot } from '../support/start-bot.js';
import { roomEntry } from './support/act.js';
import { openDashboard, saveScreenshot, useBrowser } from './support/browser.js';
import { startStack } from './support/start-stack.js';

const browser = useBrowser();

it('shows the room’s agent, tags and customer info as the bot writes them, and which webhook each delivery was', async (context) => {
  const { mock } = await startStack();
  const receiver = await startBot();
  mock.configure({
    webhooks: { new_session: { url: receiver.url }, mark_as_resolved: { url: receiver.url } },
  });
  const { page, problems } = await openDashboard(browser.get(context), mock.url);
  const { room_id } = await mock.customer.say(
    {
      channel: 'wa',
      customer: { id: '6281234500042', name: 'Budi Santoso' },
      text: 'Where is my order INV-2041?',
    },
    { wait: true },
  );
  await roomEntry(page, room_id).click();
  const details = page.getByTestId('room-details');

  await details.locator('[data-tag=order]').waitFor();
  expect(await details.getByTestId('room-user-info').textContent()).toBe('Order ID: INV-2041');
  expect(await details.getByTestId('room-agent').textContent()).toBe('none');

  await mock.customer.say({ room_id, text: 'Done, thanks' }, { wait: true });
  await details.locator('[data-tag=resolved-by-bot]').waitFor();
  await details.locator('[data-key="Closed by"]').waitFor();
  await mock.customer.say({ room_id, text: 'This is urgent, please' }, { wait: true });
  const agent = page.getByTestId('room-agent');
  await agent.filter({ hasText: /^agent \d+ · / }).waitFor();
  await mock.drain();
  const assigned = mock.rooms.get(room_id)?.room.agent;
  expect(await agent.textContent()).toBe(`agent ${assigned?.id} · ${assigned?.email}`);
  await page
    .getByTestId('conversation-header')
    .getByText(assigned?.name ?? '-')
    .waitFor();

  const labels = page.locator('[data-testid=delivery-webhook]');
  await labels.filter({ hasText: 'resolved' }).waitFor();
  const shown = await labels.allTextContents();
  expect(new Set(shown)).toEqual(new Set(['bot', 'new session', 'resolved']));
  expect(shown.filter((label) => label === 'new session')).toHaveLength(2);
  await saveScreenshot(page, 'room-details');
  expect(problems).toEqual([]);
});
