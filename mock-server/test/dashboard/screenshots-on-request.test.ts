import { stat } from 'node:fs/promises';
import { expect, it } from 'vitest';
import { openDashboard, saveScreenshot, screenshotFile, useBrowser } from './support/browser.js';
import { startStack } from './support/start-stack.js';

const browser = useBrowser();
const committed = new URL('../../../docs/screenshots/inbox.png', import.meta.url);

// `npm run screenshots` is the one run that writes them.
it.skipIf(process.env.QISCUS_MOCK_SCREENSHOTS === '1')(
  'takes a screenshot without writing over the committed one in a plain test run',
  async (context) => {
    const { mock } = await startStack();
    const { page } = await openDashboard(browser.get(context), mock.url);
    const before = await stat(committed);
    await saveScreenshot(page, 'inbox');
    expect(screenshotFile('inbox')).toBeUndefined();
    expect((await stat(committed)).mtimeMs).toBe(before.mtimeMs);
  },
);
