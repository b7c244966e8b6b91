import { AppWebhookNameSchema, type MockSettingsPatch } from '#contracts';
import type { Switches } from '../conversation/conversation-service.js';
import { mockError } from '../errors.js';
import type { FaultInjector } from '../faults/fault-injector.js';
import { checkWebhookTarget } from '../webhooks/webhook-target.js';

const appWebhookNames = AppWebhookNameSchema.options;

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
  const checkUrl = (url: string | null | undefined, path: string) => {
    if (url === undefined || url === null) return url;
    const target = checkWebhookTarget(url, allowRemoteWebhook);
    if (!target.ok) {
      throw mockError('MOCK_ERR_WEBHOOK_TARGET', `${path} ${target.message}.`, {
        errors: [{ path, message: target.message }],
      });
    }
    return target.url.href;
  };
  const botUrl = checkUrl(patch.bot_url, 'bot_url');
  const webhooks = { ...switches.webhooks };
  for (const name of appWebhookNames) {
    const change = patch.webhooks?.[name];
    if (!change) continue;
    const url = checkUrl(change.url, `webhooks.${name}.url`);
    const current = webhooks[name];
    const next = url === undefined ? current.url : url;
    // A URL given alone switches the webhook on; unsetting it switches it off.
    const enabled = change.enabled ?? (url === undefined ? current.enabled : url !== null);
    webhooks[name] = { url: next, enabled: enabled && next !== null };
  }
  if (botUrl !== undefined) switches.botUrl = botUrl;
  switches.webhooks = webhooks;
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
