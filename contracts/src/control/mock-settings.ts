import { AgentSchema, DivisionRefSchema } from '../agent.js';
import { AppCodeSchema } from '../ids.js';
import {
  ChannelRuleSchema,
  ChannelRulesSchema,
  ChannelSourceSchema,
  defaultChannelRules,
} from '../channels.js';
import { RecordingStatusSchema } from '../recording/recording-line.js';
import { z } from '../zod.js';
import { ChannelSchema } from './channel.js';
import { FaultRuleSchema } from './fault-rule.js';

/** How the mock sends webhooks: one try, retries with backoff, or deliberate disorder. */
export const DeliveryModeSchema = z.enum(['once', 'reliable', 'chaos']).openapi('DeliveryMode', {
  example: 'once',
  description:
    'once: one try, as Qiscus may do. reliable: retries with backoff, in order per room. chaos: duplicates, delays and reordering across rooms.',
});
export type DeliveryMode = z.infer<typeof DeliveryModeSchema>;

/** The nullable webhook URL of the bot, as the switches show it. */
const botUrl = z.string().nullable();

/** The app's webhooks besides the bot's, by their key in the settings and the config file. */
export const AppWebhookNameSchema = z
  .enum(['new_session', 'agent_allocation', 'mark_as_resolved'])
  .openapi('AppWebhookName', {
    example: 'mark_as_resolved',
    description:
      'new_session: the New Session webhook. agent_allocation: Custom Agent Allocation. mark_as_resolved: the Mark-as-Resolved webhook.',
  });
export type AppWebhookName = z.infer<typeof AppWebhookNameSchema>;

/** Where one of the app's other webhooks goes, and whether it is sent. */
export const AppWebhookSettingSchema = z
  .strictObject({
    url: z.string().nullable().describe('null while none is set.'),
    enabled: z.boolean().describe('Sent only when on and a URL is set.'),
  })
  .openapi('AppWebhookSetting', {
    example: { url: 'http://127.0.0.1:4000/resolved', enabled: true },
  });
export type AppWebhookSetting = z.infer<typeof AppWebhookSettingSchema>;

/** A change to one of those webhooks; a URL given alone also switches it on, null switches it off. */
export const AppWebhookPatchSchema = z
  .strictObject({
    url: z.string().nullable().optional().describe('An http(s) URL, or null to unset.'),
    enabled: z.boolean().optional(),
  })
  .openapi('AppWebhookPatch', { example: { url: 'http://127.0.0.1:4000/resolved' } });
export type AppWebhookPatch = z.infer<typeof AppWebhookPatchSchema>;

const noWebhook = { url: null, enabled: false };

const settingsExample = {
  app_code: 'qiscus-mock-app',
  bot_email: 'qiscus-mock-app_admin@qismo.com',
  bot_url: 'http://127.0.0.1:3738/',
  bot_enabled: true,
  auto_agent_allocation: true,
  delivery: 'once',
  allow_remote_webhook: false,
  channel_rules: defaultChannelRules,
  webhooks: { new_session: noWebhook, agent_allocation: noWebhook, mark_as_resolved: noWebhook },
  channels: [{ id: 963, source: 'wa', name: 'Qiscus Mock WhatsApp', phone: '+6281100000001' }],
  divisions: [{ id: 1, name: 'customer service' }],
  agents: [],
  faults: [{ status: 503, rate: 1, times: 2, room_id: '20001', retry_after: 1, latency_ms: 0 }],
  budgets: {
    max_rooms: 20_000,
    rooms_budget: 33_554_432,
    traffic_budget: 25_165_824,
    deliveries_budget: 16_777_216,
    stored_body_limit: 16_384,
    retry_for_ms: 120_000,
  },
};

/** A limit in force; null where the mock was started without one. */
const limit = z.number().int().nonnegative().nullable();

/** The memory budgets and the retry window in force (docs/reliability.md), in bytes and ms. */
const BudgetsInForceSchema = z
  .strictObject({
    max_rooms: limit,
    rooms_budget: limit.describe('Bytes of rooms and messages kept.'),
    traffic_budget: limit.describe('Bytes of the traffic log.'),
    deliveries_budget: limit.describe('Bytes of webhook bodies in the delivery log.'),
    stored_body_limit: limit.describe('A body longer than this is kept cut short in the logs.'),
    retry_for_ms: limit.describe('How long reliable delivery retries.'),
  })
  .describe(
    'Set with serve --max-rooms, --rooms-budget, --traffic-budget, --deliveries-budget, --stored-body-limit and --retry-for, or the config file.',
  );

/** `GET /_mock/config`: the app, its switches, channels, divisions and agents. Secrets are left out. */
export const MockSettingsSchema = z
  .strictObject({
    app_code: AppCodeSchema,
    bot_email: z.email(),
    bot_url: botUrl,
    bot_enabled: z.boolean(),
    auto_agent_allocation: z.boolean(),
    delivery: DeliveryModeSchema,
    allow_remote_webhook: z.boolean(),
    channel_rules: ChannelRulesSchema,
    webhooks: z
      .strictObject({
        new_session: AppWebhookSettingSchema,
        agent_allocation: AppWebhookSettingSchema,
        mark_as_resolved: AppWebhookSettingSchema,
      })
      .describe('The New Session, Custom Agent Allocation and Mark-as-Resolved webhooks.'),
    channels: z.array(ChannelSchema),
    divisions: z.array(DivisionRefSchema),
    agents: z.array(AgentSchema),
    faults: z
      .array(FaultRuleSchema)
      .describe(
        'The faults armed now, first match first; `times` is how many matching calls each still hits (left out: no end).',
      ),
    budgets: BudgetsInForceSchema,
    recording: RecordingStatusSchema.optional().describe(
      'Present while the mock records (serve --record): where to, and whether it stopped.',
    ),
  })
  .openapi('MockSettings', { example: settingsExample });
export type MockSettings = z.infer<typeof MockSettingsSchema>;

/** `PATCH /_mock/config`: change any of the switches; what is left out stays. */
export const MockSettingsPatchSchema = z
  .strictObject({
    bot_url: botUrl.optional().describe('An http(s) URL, or null to unset.'),
    bot_enabled: z.boolean().optional(),
    auto_agent_allocation: z.boolean().optional(),
    delivery: DeliveryModeSchema.optional(),
    channel_rules: z
      .partialRecord(ChannelSourceSchema, ChannelRuleSchema)
      .optional()
      .describe('Per channel kind; the kinds left out keep their rule.'),
    webhooks: z
      .partialRecord(AppWebhookNameSchema, AppWebhookPatchSchema)
      .optional()
      .describe('The other webhooks; the ones left out stay as they are.'),
    faults: z
      .array(FaultRuleSchema)
      .max(50)
      .optional()
      .describe(
        'Faults injected on the Qiscus routes the bot calls; replaces the list ([] turns them off).',
      ),
  })
  .openapi('MockSettingsPatch', {
    example: { bot_url: 'http://127.0.0.1:3738/', auto_agent_allocation: false },
  });
export type MockSettingsPatch = z.infer<typeof MockSettingsPatchSchema>;
