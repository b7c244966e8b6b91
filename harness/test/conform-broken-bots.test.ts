import { expect, it } from 'vitest';
import type { ConformFlaw } from './support/conform-bot.js';
import { failedConformChecks } from './support/failed-conform-checks.js';

const cases: readonly (readonly [ConformFlaw, readonly string[]])[] = [
  ['none', []],
  ['5xx-on-location', ['webhook.message-types', 'webhook.never-5xx']],
  ['buttons-on-whatsapp', ['channels.fit-whatsapp']],
  ['options-as-object', ['channels.options-json-string']],
  ['wrong-auth', ['auth.calls-accepted']],
  ['room-id-number', ['auth.calls-accepted']],
  ['no-handover', ['handover.on-request', 'handover.silent-after']],
  ['talks-after-handover', ['handover.on-request', 'handover.silent-after']],
  ['answers-while-off', ['bot-switch.room', 'bot-switch.app']],
  ['no-fresh-greeting', ['sessions.fresh-after-resolve']],
  ['answers-duplicates', ['duplicates.answered-once']],
  ['mixes-rooms', ['duplicates.rooms-apart']],
  ['no-retry', ['resilience.retries-429', 'resilience.retries-503']],
  ['crashes-on-postback', ['webhook.postback', 'webhook.never-5xx']],
  ['rejects-unknown-fields', ['webhook.unknown-fields', 'webhook.never-5xx']],
  ['rejects-old-shape', ['webhook.old-shape']],
  ['retries-role-handover', ['handover.role-refusal-not-retried']],
];

// The runs mostly wait on silences, so they share the time; the slow bot runs on its own below.
it.concurrent.for(cases)(
  'a bot with the flaw %s fails exactly its checks: %j',
  { timeout: 120_000 },
  async ([flaw, expected], context) => {
    const failed = await failedConformChecks(flaw, context);
    expect(failed.ids, failed.reasons.join('\n')).toEqual(expected);
  },
);
