import { existsSync } from 'node:fs';
import { afterAll, beforeAll, onTestFinished, vi, type TestContext } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Debian's Chromium, which `.ci/run` installs when it is missing. */
export const chromiumPath = '/usr/bin/chromium';

const install = `apt-get update && apt-get install -y --no-install-recommends chromium`;
const missing = !existsSync(chromiumPath);
// On CI a missing browser must fail the run; on a laptop the rest of the suite still runs.
const onCi = Boolean(process.env.CI);
const skipNote = `Chromium is not installed at ${chromiumPath}: the dashboard's browser tests are skipped. Install it to run them: ${install}`;
if (missing && !onCi) process.stderr.write(`\n${skipNote}\n`);

/**
 * One headless Chromium for the test file, started before its first test and closed after the
 * last; each test gets a fresh context from `openDashboard`. Without Chromium the tests are
 * skipped, or fail on CI, saying how to install it.
 */
export function useBrowser(): { readonly get: (context: TestContext) => Browser } {
  // A browser test takes a few steps of up to 8 s each (Playwright's wait, which names what it
  // waited for); vitest's own limit must not cut it short first.
  vi.setConfig({ testTimeout: 30_000 });
  let browser: Browser | undefined;
  beforeAll(async () => {
    if (missing && onCi) {
      throw new Error(`Chromium is not installed at ${chromiumPath}; install it with: ${install}`);
    }
    if (missing) return;
    browser = await chromium.launch({
      executablePath: chromiumPath,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        // Every frame fully drawn before it is shown: the same run makes the same screenshots.
        '--run-all-compositor-stages-before-draw',
        '--disable-partial-raster',
      ],
    });
  });
  afterAll(async () => {
    await browser?.close();
  });
  return {
    get(context) {
      if (!browser) context.skip(skipNote);
      return browser as Browser;
    },
  };
}

/** The page, and what went wrong on it (uncaught errors, console errors). */
export interface DashboardPage {
  readonly page: Page;
  readonly problems: string[];
}

/**
 * Opens the mock's dashboard in a fresh browser context (UTC, a fixed viewport, nothing from
 * other tests). Requests that leave this machine (the pictures a bot links to) are refused, as
 * they would fail offline anyway. Closed when the test finishes.
 */
export async function openDashboard(browser: Browser, mockUrl: string): Promise<DashboardPage> {
  const context = await browser.newContext({
    viewport: { width: 1360, height: 820 },
    timezoneId: 'UTC',
    locale: 'en-GB',
  });
  onTestFinished(() => context.close());
  context.setDefaultTimeout(8_000);
  await context.route(
    (url) => url.hostname !== '127.0.0.1',
    (route) => route.abort('internetdisconnected'),
  );
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    // A picture the bot links to cannot load offline; the page shows a stand-in for it.
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
      problems.push(`console: ${message.text()}`);
    }
  });
  await page.goto(`${mockUrl}/`);
  await page.locator('[data-testid=connection][data-state=live]').waitFor();
  return { page, problems };
}

/** Saves a screenshot of the page for the README (`docs/screenshots/NAME.png`). */
export async function saveScreenshot(page: Page, name: string): Promise<void> {
  // No focus ring, caret or hover that depends on timing: the same run makes the same picture.
  await page.evaluate('document.activeElement?.blur()');
  await page.mouse.move(0, 0);
  await page.evaluate(
    'new Promise((painted) => requestAnimationFrame(() => requestAnimationFrame(painted)))',
  );
  await page.screenshot({
    animations: 'disabled',
    caret: 'hide',
    path: new URL(`../../../../docs/screenshots/${name}.png`, import.meta.url).pathname,
  });
}
