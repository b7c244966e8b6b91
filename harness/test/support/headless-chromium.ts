import { existsSync } from 'node:fs';
import { afterAll, beforeAll, type TestContext } from 'vitest';
import { chromium, type Browser } from 'playwright-core';

const chromiumPath = '/usr/bin/chromium';
const install = 'apt-get update && apt-get install -y --no-install-recommends chromium';
const missing = !existsSync(chromiumPath);

/**
 * One headless Chromium for the test file (Debian's, as the dashboard's tests use). Without it a
 * test is skipped saying how to install it, except on CI, where the file fails.
 */
export function useHeadlessChromium(): { readonly get: (context: TestContext) => Browser } {
  let browser: Browser | undefined;
  beforeAll(async () => {
    if (missing && process.env.CI) {
      throw new Error(`Chromium is not installed at ${chromiumPath}; install it with: ${install}`);
    }
    if (missing) return;
    browser = await chromium.launch({
      executablePath: chromiumPath,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'],
    });
  });
  afterAll(async () => {
    await browser?.close();
  });
  return {
    get(context) {
      if (!browser) context.skip(`Chromium is not installed at ${chromiumPath}: ${install}`);
      return browser as Browser;
    },
  };
}
