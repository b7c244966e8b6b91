import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, it, onTestFinished } from 'vitest';
import { runConversations } from '#harness';
import { createMockServer } from '#mock-server';
import { startReferenceBot } from '#reference-bot';
import { parseScriptText } from '../src/script/parse-script-text.js';
import { useHeadlessChromium } from './support/headless-chromium.js';

const browser = useHeadlessChromium();

it('a conversation clicked through in the dashboard downloads with "Save as script" as YAML that parses as a script and runs green against the reference bot', async (context) => {
  const mock = await createMockServer();
  const bot = await startReferenceBot({
    baseUrl: mock.url,
    appCode: mock.appCode,
    secretKey: mock.secretKey,
  });
  onTestFinished(async () => {
    mock.configure({ bot_enabled: false });
    await mock.drain();
    await bot.drain();
    await bot.close();
    await mock.close();
  });
  mock.configure({ bot_url: bot.url });

  const session = await browser.get(context).newContext({ acceptDownloads: true });
  onTestFinished(() => session.close());
  session.setDefaultTimeout(8_000);
  const page = await session.newPage();
  await page.goto(`${mock.url}/`);
  await page.locator('[data-testid=connection][data-state=live]').waitFor();

  const widget = mock.settings().channels.find((channel) => channel.source === 'qiscus');
  await page.getByTestId('new-room-channel').selectOption(String(widget?.id));
  await page.getByTestId('new-room-name').fill('Siti Rahma');
  await page.getByTestId('new-room-text').fill('Hi');
  await page.locator('[data-testid=new-room] button[type=submit]').click();
  const timeline = page.getByTestId('timeline');
  await timeline.locator('[data-postback="Opening hours"]').click();
  await timeline.getByText('We are open', { exact: false }).waitFor();
  await mock.drain();
  await bot.drain();

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('save-script').click(),
  ]);
  const [room] = mock.rooms.list();
  expect(download.suggestedFilename()).toBe(`room-${room?.room_id ?? ''}.yaml`);
  const yaml = readFileSync(await download.path(), 'utf8');

  const parsed = parseScriptText('saved.yaml', yaml, false);
  if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
  expect(parsed.script.channel).toBe('qiscus');
  expect(parsed.script.steps.map((step) => step.kind)).toEqual([
    'customer',
    'bot',
    'bot',
    'customer',
    'bot',
  ]);

  const dir = mkdtempSync(path.join(tmpdir(), 'qiscus-mock-saved-script-'));
  writeFileSync(path.join(dir, 'saved.yaml'), yaml);
  const result = await runConversations({ paths: [dir], cwd: dir });
  expect(result.scripts.map((script) => [script.status, script.error])).toEqual([['passed', null]]);
}, 60_000);
