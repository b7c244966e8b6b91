import {
  isMessageTypeAllowed,
  type BotMessageType,
  type ChannelRules,
  type ChannelSource,
} from '#contracts';
import type { BotReply } from './bot-reply.js';

/**
 * A reply in a rich message type, with the text that stands in for it where a channel refuses
 * that type (buttons become a numbered list, a carousel a list of cards, a file its link).
 */
export interface RichReply {
  readonly rich: BotReply & { readonly type: BotMessageType };
  readonly plain: string;
}

/**
 * The rich form of a reply where the channel accepts its type under `rules`, otherwise its text.
 * The channel matrix decides, never a channel's name, so new rules need no code change.
 */
export function fitToChannel(
  reply: RichReply,
  rules: ChannelRules,
  source: ChannelSource,
): BotReply {
  return isMessageTypeAllowed(rules, source, reply.rich.type)
    ? reply.rich
    : { type: 'text', message: reply.plain };
}
