import { resolveConformConfig } from '../../src/conform/conform-config.js';
import { runConformance } from '../../src/conform/run-conformance.js';
import { startConformBot, type ConformFlaw } from './conform-bot.js';

/**
 * Runs the conformance battery against the test bot with one flaw and gives the ids of the
 * checks that failed, with their reasons for a failing test's message.
 */
export async function failedConformChecks(
  flaw: ConformFlaw,
): Promise<{ readonly ids: string[]; readonly reasons: string[] }> {
  const bot = await startConformBot(flaw);
  // Closed here rather than with onTestFinished: in concurrent tests that hook may belong to
  // another test, which would close this bot while its run goes on.
  const result = await runConformance({
    cwd: process.cwd(),
    botUrl: bot.url,
    config: resolveConformConfig(),
    onProgress: (event) => {
      // The bot learns the mock's URL once each run has started its mock.
      if (event.type === 'bot-ready') bot.mockUrl = event.mockUrl;
    },
  }).finally(() => bot.close());
  const failed = result.checks.filter((check) => check.status === 'failed');
  return {
    ids: failed.map((check) => check.id),
    reasons: failed.map((check) => `${check.id}: ${check.reason ?? ''}`),
  };
}
