import type { AppWebhookName, ChannelRules, DeliveryMode } from '#contracts';

/** Where one of the app's other webhooks goes, and whether it is sent. */
export interface WebhookSetting {
  url: string | null;
  enabled: boolean;
}

/** The switches that can change while the mock runs. */
export interface Switches {
  botUrl: string | null;
  botEnabled: boolean;
  autoAgentAllocation: boolean;
  delivery: DeliveryMode;
  channelRules: ChannelRules;
  /** New Session, Custom Agent Allocation and Mark-as-Resolved (issue 14). */
  webhooks: Record<AppWebhookName, WebhookSetting>;
}

/** The URL of one of the app's other webhooks when it is to be sent, else null. */
export function webhookUrlOf(switches: Switches, name: AppWebhookName): string | null {
  const setting = switches.webhooks[name];
  return setting.enabled ? setting.url : null;
}
