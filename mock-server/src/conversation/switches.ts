import type { ChannelRules, DeliveryMode } from '#contracts';

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
  /** The Mark-as-Resolved webhook (issue 14). */
  resolvedWebhook: WebhookSetting;
}
