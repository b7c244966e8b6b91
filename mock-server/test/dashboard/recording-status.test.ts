import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, it, onTestFinished } from 'vitest';
import { createMockServer } from '#mock-server';
import { openDashboard, useBrowser } from './support/browser.js';

const browser = useBrowser();

it('shows where the mock records while it does', async (context) => {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'qiscus-mock-dash-')), 'r.jsonl');
  const mock = await createMockServer({ deterministic: true, record: file });
  onTestFinished(() => mock.close());
  const { page, problems } = await openDashboard(browser.get(context), mock.url);
  const status = page.locator('[data-testid=recording][data-state=recording]');
  await status.waitFor();
  expect(await status.textContent()).toBe(`● recording to ${file}`);
  expect(problems).toEqual([]);
});

it('says so loudly when recording has stopped (a full disk)', async (context) => {
  const mock = await createMockServer({ deterministic: true, record: '/dev/full' });
  onTestFinished(() => mock.close());
  const { page, problems } = await openDashboard(browser.get(context), mock.url);
  const status = page.locator('[data-testid=recording][data-state=stopped]');
  await status.waitFor();
  expect(await status.textContent()).toBe(
    'recording stopped: the disk is full (after 0 lines) (/dev/full)',
  );
  expect(problems).toEqual([]);
});

it('shows nothing about recording when the mock does not record', async (context) => {
  const mock = await createMockServer({ deterministic: true });
  onTestFinished(() => mock.close());
  const { page } = await openDashboard(browser.get(context), mock.url);
  expect(await page.getByTestId('recording').isHidden()).toBe(true);
});
