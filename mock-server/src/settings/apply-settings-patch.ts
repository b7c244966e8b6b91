import type { MockSettingsPatch } from '#contracts';
import type { Switches } from '../conversation/conversation-service.js';
import { mockError } from '../errors.js';
import type { FaultInjector } from '../faults/fault-injector.js';
import { checkWebhookTarget } from '../webhooks/webhook-target.js';

/**
 * Changes the switches as `PATCH /_mock/config` asks: every field is checked before any is
 * changed, so a refused patch changes nothing. A bot URL must pass the webhook-target check.
 */
export function applySettingsPatch(
  switches: Switches,
  patch: MockSettingsPatch,
  allowRemoteWebhook: boolean,
  faults?: FaultInjector,
): void {
  let botUrl = switches.botUrl;
  if (patch.bot_url !== undefined && patch.bot_url !== null) {
    const target = checkWebhookTarget(patch.bot_url, allowRemoteWebhook);
    if (!target.ok) {
      throw mockError('MOCK_ERR_WEBHOOK_TARGET', `bot_url ${target.message}.`, {
        errors: [{ path: 'bot_url', message: target.message }],
      });
    }
    botUrl = target.url.href;
  } else if (patch.bot_url === null) {
    botUrl = null;
  }
  switches.botUrl = botUrl;
  if (patch.bot_enabled !== undefined) switches.botEnabled = patch.bot_enabled;
  if (patch.auto_agent_allocation !== undefined) {
    switches.autoAgentAllocation = patch.auto_agent_allocation;
  }
  if (patch.delivery !== undefined) switches.delivery = patch.delivery;
  if (patch.channel_rules !== undefined) {
    switches.channelRules = { ...switches.channelRules, ...patch.channel_rules };
  }
  if (patch.faults !== undefined) faults?.replace(patch.faults);
}
