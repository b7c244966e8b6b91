import type { TestContext } from 'vitest';
import { resolveConformConfig } from '../../src/conform/conform-config.js';
import { runConformance } from '../../src/conform/run-conformance.js';
import { startConformBot, type ConformFlaw } from './conform-bot.js';

/**
 * Runs the conformance battery against the test bot with one flaw and gives the ids of the
 * checks that failed, with their reasons for a failing test's message. The bot is closed when
 * the test of `context` finishes: tests that run concurrently must each pass their own context,
 * since vitest's global `onTestFinished` cannot tell them apart.
 */
export async function failedConformChecks(
  flaw: ConformFlaw,
  context: Pick<TestContext, 'onTestFinished'>,
): Promise<{ readonly ids: string[]; readonly reasons: string[] }> {
  const bot = await startConformBot(flaw);
  context.onTestFinished(() => bot.close());
  const result = await runConformance({
    cwd: process.cwd(),
    botUrl: bot.url,
    config: resolveConformConfig(),
    onProgress: (event) => {
      // The bot learns the mock's URL once each run has started its mock.
      if (event.type === 'bot-ready') bot.mockUrl = event.mockUrl;
    },
  });
  const failed = result.checks.filter((check) => check.status === 'failed');
  return {
    ids: failed.map((check) => check.id),
    reasons: failed.map((check) => `${check.id}: ${check.reason ?? ''}`),
  };
}
