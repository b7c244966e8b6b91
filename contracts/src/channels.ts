import { BotMessageTypeSchema, type BotMessageType } from './message-type.js';
import { z } from './zod.js';

/**
 * A channel kind, as Qiscus writes it in a room's `source` and in webhooks' `channel.source`.
 * `wa` and `qiscus` are documented; the others are inferred from the keys of
 * `GET /api/v2/channels` (`telegram_channels`, `ig_channels` …).
 */
export const ChannelSourceSchema = z
  .enum(['qiscus', 'wa', 'ig', 'telegram', 'line', 'fb', 'custom'])
  .openapi('ChannelSource', {
    example: 'wa',
    description:
      'qiscus = web widget (Qiscus Live Chat), wa = WhatsApp (also WhatsApp Cloud API), ig = Instagram, telegram, line, fb = Facebook Messenger, custom = custom channel.',
  });
export type ChannelSource = z.infer<typeof ChannelSourceSchema>;

/** Every channel kind, in display order. */
export const channelSources: readonly ChannelSource[] = ChannelSourceSchema.options;

/** The name a person knows each channel kind by. */
export const channelNames: Readonly<Record<ChannelSource, string>> = {
  qiscus: 'Qiscus Live Chat (web widget)',
  wa: 'WhatsApp',
  ig: 'Instagram',
  telegram: 'Telegram',
  line: 'LINE',
  fb: 'Facebook Messenger',
  custom: 'Custom channel',
};

/**
 * What people call a channel kind where a config or a script wants its `source` (`whatsapp` for
 * `wa`), so a refusal can say which was meant.
 */
export const channelAliases: Readonly<Record<string, ChannelSource>> = {
  whatsapp: 'wa',
  instagram: 'ig',
  facebook: 'fb',
  messenger: 'fb',
  widget: 'qiscus',
  'web widget': 'qiscus',
};

/** A channel kind's name without its gloss, e.g. "Qiscus Live Chat" for `qiscus`. */
export function channelShortName(source: ChannelSource): string {
  return channelNames[source].replace(/ \(.*\)$/, '');
}

/** What one channel kind refuses. */
export const ChannelRuleSchema = z
  .strictObject({
    refuses: z
      .array(BotMessageTypeSchema)
      .describe('Message types a bot may not send into a room of this channel.'),
  })
  .openapi('ChannelRule', { example: { refuses: ['buttons', 'carousel'] } });
export type ChannelRule = z.infer<typeof ChannelRuleSchema>;

const documentedChannelRules = {
  qiscus: { refuses: [] },
  wa: { refuses: ['buttons', 'carousel'] },
  ig: { refuses: ['buttons'] },
  telegram: { refuses: ['carousel'] },
  line: { refuses: [] },
  fb: { refuses: [] },
  custom: { refuses: [] },
};

/** The capability matrix: for every channel kind, the bot message types it refuses. */
export const ChannelRulesSchema = z
  .record(ChannelSourceSchema, ChannelRuleSchema)
  .openapi('ChannelRules', {
    // A record keyed by an enum needs every key; say so in the document too.
    example: documentedChannelRules,
    required: [...ChannelSourceSchema.options],
    additionalProperties: false,
  });
export type ChannelRules = z.infer<typeof ChannelRulesSchema>;

/**
 * The matrix of the product brief (the Qiscus page that states it could not be read in full):
 * buttons are not supported on Instagram and WhatsApp (WhatsApp Cloud API included), carousels
 * not on Telegram and WhatsApp.
 */
export const defaultChannelRules: ChannelRules = ChannelRulesSchema.parse(documentedChannelRules);

/** Whether a channel kind accepts a bot message type under the given rules. */
export function isMessageTypeAllowed(
  rules: ChannelRules,
  source: ChannelSource,
  type: BotMessageType,
): boolean {
  return !rules[source].refuses.includes(type);
}
