import { expect, it } from 'vitest';
import { failedConformChecks } from './support/failed-conform-checks.js';

// On its own: its timing is the finding, and other runs in the same process would blur it.
it('a bot that answers the webhook after its work, 1.2 s late, fails only the checks that time its answer', async (context) => {
  const failed = await failedConformChecks('slow-webhook', context);
  expect(failed.ids, failed.reasons.join('\n')).toEqual([
    'webhook.answered-fast',
    'webhook.postback',
    'webhook.unknown-fields',
    'webhook.old-shape',
  ]);
}, 120_000);
