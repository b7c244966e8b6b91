import { expect, it } from 'vitest';
import {
  channelAliases,
  channelShortName,
  channelSources,
  defaultChannelRules,
  isMessageTypeAllowed,
  type ChannelRules,
} from './channels.js';
import { BotMessageTypeSchema } from './message-type.js';

it('refuses buttons on Instagram and WhatsApp, carousels on Telegram and WhatsApp, and nothing else', () => {
  const refused = channelSources.flatMap((source) =>
    BotMessageTypeSchema.options
      .filter((type) => !isMessageTypeAllowed(defaultChannelRules, source, type))
      .map((type) => `${source}:${type}`),
  );
  expect(refused).toEqual(['wa:buttons', 'wa:carousel', 'ig:buttons', 'telegram:carousel']);
});

it('follows rules it is given instead of the documented ones', () => {
  const rules: ChannelRules = { ...defaultChannelRules, line: { refuses: ['location'] } };
  expect(isMessageTypeAllowed(rules, 'line', 'location')).toBe(false);
  expect(isMessageTypeAllowed(rules, 'line', 'buttons')).toBe(true);
});

it('names a channel kind without its gloss', () => {
  expect(channelSources.map(channelShortName)).toEqual([
    'Qiscus Live Chat',
    'WhatsApp',
    'Instagram',
    'Telegram',
    'LINE',
    'Facebook Messenger',
    'Custom channel',
  ]);
});

it('knows what people call each channel kind, so a refusal can say which was meant', () => {
  expect(channelAliases).toEqual({
    whatsapp: 'wa',
    instagram: 'ig',
    facebook: 'fb',
    messenger: 'fb',
    widget: 'qiscus',
    'web widget': 'qiscus',
  });
});
