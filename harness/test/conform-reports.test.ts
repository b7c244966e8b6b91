import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, it, onTestFinished } from 'vitest';
import { useHeadlessChromium } from './support/headless-chromium.js';
import { battery } from '../src/conform/battery.js';
import { resolveConformConfig } from '../src/conform/conform-config.js';
import { ConformResultSchema } from '../src/conform/conform-result.js';
import { formatConformBadge } from '../src/conform/report/format-conform-badge.js';
import { formatConformHtml } from '../src/conform/report/format-conform-html.js';
import { formatConformJson } from '../src/conform/report/format-conform-json.js';
import { formatConformJunit } from '../src/conform/report/format-conform-junit.js';
import { formatConformPretty } from '../src/conform/report/format-conform-pretty.js';
import { runConformance } from '../src/conform/run-conformance.js';
import { startConformBot } from './support/conform-bot.js';
import { parseXml } from './support/parse-xml.js';

const browser = useHeadlessChromium();

/** The channel checks only, against the test bot that sends buttons on WhatsApp. */
async function runChannelChecksAgainstButtonsBot() {
  const bot = await startConformBot('buttons-on-whatsapp');
  onTestFinished(() => bot.close());
  return runConformance({
    cwd: process.cwd(),
    botUrl: bot.url,
    config: resolveConformConfig({ channels: ['qiscus', 'wa'] }),
    checks: battery.filter((check) => check.area === 'channels'),
    onProgress: (event) => {
      if (event.type === 'bot-ready') bot.mockUrl = event.mockUrl;
    },
  });
}

it('scores the reference bot 100 %: every must-check that runs passes, and the JSON report parses by its schema', async () => {
  const result = await runConformance({ cwd: process.cwd(), config: resolveConformConfig() });

  expect(result.score).toBe(100);
  expect(
    result.checks.filter((check) => check.status !== 'passed').map((c) => [c.id, c.status]),
  ).toEqual([]);
  const json: unknown = JSON.parse(formatConformJson(result));
  expect(ConformResultSchema.parse(json).summary).toEqual(result.summary);
  expect(formatConformPretty(result, { color: false })).toContain('Score 100% (');
}, 90_000);

it('skips, with the reason, a check the bot shows does not apply to it: no button to press, no hand-over to a role to refuse', async () => {
  // On WhatsApp the test bot sends no buttons, and it answers this phrase with a text.
  const bot = await startConformBot('none');
  onTestFinished(() => bot.close());
  const result = await runConformance({
    cwd: process.cwd(),
    botUrl: bot.url,
    config: resolveConformConfig({
      channels: ['wa'],
      role_handover_phrases: ['what are your opening hours'],
    }),
    checks: battery.filter((check) =>
      ['webhook.postback', 'handover.role-refusal-not-retried'].includes(check.id),
    ),
    onProgress: (event) => {
      if (event.type === 'bot-ready') bot.mockUrl = event.mockUrl;
    },
  });

  expect(result.checks.map((check) => [check.id, check.status, check.reason])).toEqual([
    [
      'webhook.postback',
      'skipped',
      'the bot sent no postback button in answer to "Hi" on wa, so there was none to press (a bot that sends none never gets a press)',
    ],
    [
      'handover.role-refusal-not-retried',
      'skipped',
      'the bot did not hand the room to a division (hand_over_to_role) when the customer wrote "what are your opening hours": nothing to refuse; name what makes it do so with role_handover_phrases in conform.yaml',
    ],
  ]);
  expect(result.summary).toMatchObject({ skipped: 2, must: { passed: 0, failed: 0 } });
}, 60_000);

it('reports a failed check with its reason, fix and traffic in pretty and JUnit, skipped checks apart', async () => {
  const result = await runChannelChecksAgainstButtonsBot();

  expect(result.checks.map((check) => [check.id, check.status])).toEqual([
    ['channels.fit-whatsapp', 'failed'],
    ['channels.fit-instagram', 'skipped'],
    ['channels.fit-telegram', 'skipped'],
    ['channels.options-json-string', 'skipped'],
  ]);
  expect(result.score).toBe(0);
  const pretty = formatConformPretty(result, { color: false });
  expect(pretty).toContain('✗ must   channels.fit-whatsapp');
  expect(pretty).toContain('MESSAGE_TYPE_NOT_SUPPORTED');
  expect(pretty).toContain('skipped: the bot is not deployed on Instagram');
  expect(pretty).toContain('← POST /qiscus-mock-app/bot 400');

  const junit = parseXml(formatConformJunit(result));
  if (!junit.ok) throw new Error(junit.error);
  const suite = junit.root.children.find((child) => typeof child !== 'string');
  expect(typeof suite === 'object' && suite.attributes).toMatchObject({
    name: 'conform channels',
    tests: '4',
    failures: '1',
    skipped: '3',
  });
}, 60_000);

it('writes an HTML report that opens offline in Chromium without errors, showing the score, the badge and the failed conversation', async (context) => {
  const result = await runChannelChecksAgainstButtonsBot();
  const folder = await mkdtemp(join(tmpdir(), 'conform-html-'));
  onTestFinished(() => rm(folder, { recursive: true, force: true }));
  const file = join(folder, 'conform.html');
  await writeFile(file, formatConformHtml(result));

  const page = await (await browser.get(context).newContext()).newPage();
  onTestFinished(() => page.context().close());
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  // Nothing may be fetched: the file is read offline.
  await page
    .context()
    .route('**/*', (route) =>
      route.request().url().startsWith('file:') ? route.continue() : route.abort(),
    );
  await page.goto(pathToFileURL(file).href);

  expect(await page.locator('#score').textContent()).toBe('0%');
  expect(await page.locator('.badge svg title').textContent()).toBe('qiscus conform: 0%');
  const failed = page.locator('[data-check="channels.fit-whatsapp"]');
  expect(await failed.locator('.status').first().textContent()).toBe('failed');
  await failed.locator('.msg.customer').first().waitFor();
  expect(await failed.locator('.msg.bot.refused').count()).toBeGreaterThan(0);
  expect(problems).toEqual([]);
  expect(parseXml(formatConformBadge(result)).ok).toBe(true);
}, 60_000);
