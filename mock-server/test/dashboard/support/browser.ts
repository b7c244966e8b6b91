import { existsSync } from 'node:fs';
import { afterAll, beforeAll, onTestFinished, vi, type TestContext } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { findChromium } from './find-chromium.js';

const install = `apt-get update && apt-get install -y --no-install-recommends chromium (or set QISCUS_MOCK_CHROMIUM to a Chromium or Chrome binary)`;
const found = findChromium(process.env, existsSync, () => chromium.executablePath());
const problem =
  found === null
    ? 'Chromium is not installed at /usr/bin/chromium, and playwright has none of its own'
    : 'error' in found
      ? found.error
      : null;
const chromiumPath = found !== null && 'path' in found ? found.path : null;
// On CI a missing browser must fail the run; on a laptop the rest of the suite still runs.
const onCi = Boolean(process.env.CI);
const skipNote = `${problem ?? ''}: the dashboard's browser tests are skipped. Install it to run them: ${install}`;
if (problem !== null && !onCi) process.stderr.write(`\n${skipNote}\n`);
let told = false;

/** Whether the tests write the screenshots of docs/dashboard.md (`npm run screenshots`). */
const writeScreenshots = process.env.QISCUS_MOCK_SCREENSHOTS === '1';

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
    if (problem !== null && onCi) throw new Error(`${problem}; install it with: ${install}`);
    if (chromiumPath === null) return;
    if (!told && found !== null && 'from' in found) {
      process.stderr.write(`Browser tests use ${chromiumPath} (${found.from})\n`);
      told = true;
    }
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

/** Where `saveScreenshot` writes NAME, and whether it does: only for `npm run screenshots`. */
export function screenshotFile(name: string): string | undefined {
  return writeScreenshots
    ? new URL(`../../../../docs/screenshots/${name}.png`, import.meta.url).pathname
    : undefined;
}

/**
 * Takes a screenshot of the page, as docs/dashboard.md shows it; `npm run screenshots` writes it
 * to `docs/screenshots/NAME.png`, a plain test run only takes it (so `npm test` leaves the tree
 * as it was).
 */
export async function saveScreenshot(page: Page, name: string): Promise<void> {
  const file = screenshotFile(name);
  // No focus ring, caret or hover that depends on timing: the same run makes the same picture.
  await page.evaluate('document.activeElement?.blur()');
  await page.mouse.move(0, 0);
  await page.evaluate(
    'new Promise((painted) => requestAnimationFrame(() => requestAnimationFrame(painted)))',
  );
  await page.screenshot({
    animations: 'disabled',
    caret: 'hide',
    ...(file === undefined ? {} : { path: file }),
  });
}
