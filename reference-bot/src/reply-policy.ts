import {
  defaultChannelRules,
  type BotMessageWebhook,
  type ChannelRules,
  type UserProperty,
} from '#contracts';
import type { BotReply } from './bot-reply.js';
import { detectIntent, type Intent } from './detect-intent.js';
import { detectLanguage } from './detect-language.js';
import { fitToChannel, type RichReply } from './fit-to-channel.js';
import { buildMenu } from './menu.js';
import { buildPromotions, chosenPromotion } from './promotions.js';
import { buildOfficeLocation, buildPriceList, replyTexts } from './reply-templates.js';

export type { BotReply } from './bot-reply.js';
export type { Intent } from './detect-intent.js';

/** What the bot remembers about one room between messages. */
export interface RoomMemory {
  readonly unansweredInARow: number;
}

/** The memory of a room the bot has not answered wrongly yet. */
export const freshMemory: RoomMemory = { unansweredInARow: 0 };

/** Why the bot hands a room over to an agent: the three cases of the Qiscus documentation. */
export type HandoverReason = 'asked_for_human' | 'negative_sentiment' | 'unanswered_questions';

/** One step of the bot's answer; a decision's steps are carried out in order. */
export type BotAction =
  | {
      readonly kind: 'send';
      readonly message: BotReply;
      /** The text to send instead if Qiscus refuses the message's type after all. */
      readonly fallback?: string;
    }
  | { readonly kind: 'handOver'; readonly reason: HandoverReason }
  /** Puts a tag on the room (`room_tag/create`). */
  | { readonly kind: 'tag'; readonly tag: string }
  /** Writes the customer's additional info (`user_info`), keeping the other properties. */
  | { readonly kind: 'noteUserInfo'; readonly properties: readonly UserProperty[] }
  /** Resolves the room (`mark_as_resolved`): the conversation is over. */
  | { readonly kind: 'resolve' }
  /** Gives the room to the least busy online agent (`available_agents`, `assign_agent`). */
  | { readonly kind: 'assignAgent' }
  | { readonly kind: 'handOverToRole'; readonly role: string; readonly reason: 'billing' };

/** The bot's answer to one message, the room's memory after it, and what it understood. */
export interface Decision {
  readonly actions: readonly BotAction[];
  readonly memory: RoomMemory;
  readonly intent: Intent;
}

// After this many fallbacks in a row the bot stops guessing and hands over.
const unansweredLimit = 3;

/**
 * Decides how the bot answers a customer's message: pure, so the same webhook and memory always
 * give the same decision. Precedence: a request for a human, then negative sentiment, then
 * billing, then the other intents, then the fallback (see `detectIntent`). Replies are in
 * Indonesian when the message is, otherwise English; rich replies fall back to text where the
 * channel refuses their type under `rules`.
 */
export function decideReply(
  webhook: BotMessageWebhook,
  memory: RoomMemory,
  rules: ChannelRules = defaultChannelRules,
): Decision {
  const decision = decideByIntent(webhook, memory, rules);
  const orderId = findOrderId(webhook.payload.message.text);
  if (orderId === undefined) return decision;
  // An order number is noted on the room whatever the message is about, for the agents.
  const notes: BotAction[] = [
    { kind: 'noteUserInfo', properties: [{ key: 'Order ID', value: orderId }] },
    { kind: 'tag', tag: 'order' },
  ];
  return { ...decision, actions: [...notes, ...decision.actions] };
}

/** An order or invoice number the customer wrote, e.g. `INV-2041` or `ORD-88120`. */
export function findOrderId(text: string): string | undefined {
  return /\b(?:INV|ORD)-\d{3,}\b/i.exec(text)?.[0].toUpperCase();
}

function decideByIntent(
  webhook: BotMessageWebhook,
  memory: RoomMemory,
  rules: ChannelRules,
): Decision {
  const { from, message } = webhook.payload;
  const language = detectLanguage(message.text);
  const text = replyTexts[language];
  const intent = detectIntent(message);
  const say = (reply: string): BotAction => ({
    kind: 'send',
    message: { type: 'text', message: reply },
  });
  const show = (reply: RichReply): BotAction => ({
    kind: 'send',
    message: fitToChannel(reply, rules, webhook.channel.source),
    fallback: reply.plain,
  });
  const answered = (...actions: BotAction[]): Decision => ({
    actions,
    memory: freshMemory,
    intent,
  });

  switch (intent) {
    case 'human':
      return answered(say(text.handOverAsked), { kind: 'handOver', reason: 'asked_for_human' });
    case 'negative':
      return answered(say(text.handOverNegative), {
        kind: 'handOver',
        reason: 'negative_sentiment',
      });
    case 'billing':
      // Qiscus role (division) names are lower case.
      return answered(say(text.handOverBilling), {
        kind: 'handOverToRole',
        role: 'billing',
        reason: 'billing',
      });
    case 'greeting':
      return answered(say(text.greeting(firstName(from.name))), show(buildMenu(language)));
    case 'menu':
      return answered(show(buildMenu(language)));
    case 'promotions':
      return answered(show(buildPromotions(language)));
    case 'promotion_chosen': {
      const promotion = chosenPromotion(message.text);
      return promotion
        ? answered(say(text.promotionChosen(promotion.name, promotion.page)))
        : answered(show(buildPromotions(language)));
    }
    case 'price_list':
      return answered(show(buildPriceList(language)));
    case 'location':
      return answered(show(buildOfficeLocation(language)));
    case 'opening_hours':
      return answered(say(text.openingHours));
    case 'faq_delivery':
      return answered(say(text.delivery));
    case 'faq_returns':
      return answered(say(text.returns));
    case 'thanks':
      return answered(say(text.thanks));
    case 'done':
      return answered(
        say(text.done),
        { kind: 'tag', tag: 'resolved-by-bot' },
        { kind: 'noteUserInfo', properties: [{ key: 'Closed by', value: 'bot' }] },
        { kind: 'resolve' },
      );
    case 'urgent':
      return answered(say(text.urgent), { kind: 'tag', tag: 'urgent' }, { kind: 'assignAgent' });
    case 'attachment_received':
      return answered(say(text.fileReceived));
    case 'location_received':
      return answered(say(text.locationReceived));
    case 'fallback': {
      const unansweredInARow = memory.unansweredInARow + 1;
      if (unansweredInARow < unansweredLimit) {
        return { actions: [say(text.fallback)], memory: { unansweredInARow }, intent };
      }
      // The count is spent on the handover: if the bot is switched back on, it starts afresh.
      return answered(say(text.handOverUnanswered), {
        kind: 'handOver',
        reason: 'unanswered_questions',
      });
    }
  }
}

/** "Budi" of "Budi Santoso": friendlier in a greeting; empty when the name is. */
function firstName(name: string): string {
  return name.trim().split(/\s+/)[0] ?? '';
}
