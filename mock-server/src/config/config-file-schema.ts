import {
  AppCodeSchema,
  BudgetSettingsSchema,
  ChannelRuleSchema,
  ChannelSourceSchema,
  DeliveryModeSchema,
  FaultRuleSchema,
  NumericIdSchema,
  z,
} from '#contracts';

const divisionName = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[^A-Z]*$/, 'division names are lower case, as hand_over_to_role sends them');

const clockTime = z
  .string()
  .regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/, 'a time of day as HH:MM, e.g. "08:00"');

/** One of the other webhooks: where it goes; on unless `enabled: false`. */
const appWebhook = z.strictObject({
  url: z.string().nullable(),
  enabled: z.boolean().optional(),
});

/**
 * The config file (JSON or YAML): the app, its switches, channels, divisions and agents. Every
 * key is optional; what is left out keeps its default. Unknown keys are refused, so a typo is
 * caught instead of ignored.
 */
export const ConfigFileSchema = z.strictObject({
  app_code: AppCodeSchema.optional(),
  secret_key: z.string().min(8).max(200).optional(),
  admin_token: z.string().min(8).max(200).optional(),
  admin_email: z.email().optional(),
  admin_password: z.string().min(8).max(200).optional(),
  office_hours: z
    .strictObject({
      timezone: z.string().regex(/^[+-](0[0-9]|1[0-4]):[0-5][0-9]$/, 'an offset such as "+07:00"'),
      days: z
        .array(
          z.strictObject({
            day: z.number().int().min(1).max(7).describe('1 is Monday, 7 Sunday'),
            start: clockTime,
            end: clockTime,
          }),
        )
        .max(7),
    })
    .optional(),
  webhooks: z
    .strictObject({
      new_session: appWebhook.optional(),
      agent_allocation: appWebhook.optional(),
      mark_as_resolved: appWebhook.optional(),
    })
    .optional(),
  bot_url: z.string().nullable().optional(),
  bot_enabled: z.boolean().optional(),
  auto_agent_allocation: z.boolean().optional(),
  delivery: DeliveryModeSchema.optional(),
  allow_remote_webhook: z.boolean().optional(),
  seed: z.number().int().nonnegative().optional(),
  channels: z
    .array(
      z.strictObject({
        source: ChannelSourceSchema,
        id: NumericIdSchema.optional(),
        name: z.string().min(1).max(191).optional(),
        phone: z.string().optional(),
        is_on_cloud: z.boolean().optional(),
      }),
    )
    .min(1)
    .optional(),
  channel_rules: z.partialRecord(ChannelSourceSchema, ChannelRuleSchema).optional(),
  faults: z.array(FaultRuleSchema).max(50).optional(),
  // The memory budgets and the retry window (docs/reliability.md), as serve's flags give them.
  ...BudgetSettingsSchema.shape,
  divisions: z.array(divisionName).min(1).optional(),
  agents_per_division: z.number().int().min(1).max(50).optional(),
  agents: z
    .array(
      z.strictObject({
        name: z.string().min(1).max(191),
        email: z.email().optional(),
        divisions: z.array(divisionName).min(1),
        online: z.boolean().optional(),
      }),
    )
    .optional(),
});
export type ConfigFile = z.infer<typeof ConfigFileSchema>;
