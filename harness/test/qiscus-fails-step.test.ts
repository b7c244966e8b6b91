import { fileURLToPath } from 'node:url';
import { expect, it, onTestFinished } from 'vitest';
import { runConversations, type RunResult } from '#harness';
import { formatJsonReport } from '../src/report/format-json-report.js';
import { formatJunitReport } from '../src/report/format-junit-report.js';
import { formatPrettyReport } from '../src/report/format-pretty-report.js';
import { StepSchema } from '../src/script/step-schema.js';
import { startConformBot } from './support/conform-bot.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const paths = ['harness/test/fixtures/qiscus-fails'];

function injectedLines(result: RunResult): string[] {
  return result.scripts.flatMap((script) =>
    script.steps.flatMap((step) =>
      step.violations
        .filter((violation) => violation.code === 'INJECTED')
        .map((violation) => `${violation.severity} ${violation.operation_id}`),
    ),
  );
}

it('passes against a bot that retries, showing the refusals injected on purpose in every report', async () => {
  const result = await runConversations({ paths, cwd: root, mock: { deterministic: true } });

  expect(result.scripts.map((script) => [script.status, script.error])).toEqual([['passed', null]]);
  expect(injectedLines(result)).toEqual(['warning postBotMessage', 'warning postBotMessage']);
  expect(formatPrettyReport(result, { color: false })).toContain('(fault injection)');
  expect(formatJsonReport(result)).toContain('"INJECTED"');
  expect(formatJunitReport(result)).not.toContain('<failure');
}, 60_000);

it('fails against a bot that does not retry', async () => {
  const bot = await startConformBot('no-retry');
  onTestFinished(() => bot.close());
  const result = await runConversations({
    paths,
    cwd: root,
    botUrl: bot.url,
    mock: { deterministic: true },
    onProgress: (event) => {
      if (event.type === 'bot-ready') bot.mockUrl = event.mockUrl;
    },
  });

  expect(result.scripts.map((script) => script.status)).toEqual(['failed']);
  const failed = result.scripts[0]?.steps.find((step) => step.status === 'failed');
  expect(failed?.index).toBe(5);
}, 60_000);

it('refuses a mistyped qiscus_fails with the field and a hint', () => {
  const typo = StepSchema.safeParse({ qiscus_fails: { stauts: 503 } });
  expect(typo.success).toBe(false);
  expect(JSON.stringify(typo.error?.issues)).toContain('stauts');
  const wrong = StepSchema.safeParse({ qiscus_fails: { status: 503, operation: 'postBotMesage' } });
  expect(JSON.stringify(wrong.error?.issues)).toContain('postBotMessage');
  const retry = StepSchema.safeParse({ qiscus_fails: { status: 503, retry_after: 2 } });
  expect(JSON.stringify(retry.error?.issues)).toContain('retry_after goes only with status 429');
  expect(StepSchema.parse({ qiscus_fails: { latency: '2s' } })).toEqual({
    kind: 'qiscus_fails',
    fault: { times: 1, latency: 2000 },
  });
});
