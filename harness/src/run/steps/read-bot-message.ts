import {
  ButtonsPayloadSchema,
  CardPayloadSchema,
  CarouselPayloadSchema,
  FileAttachmentPayloadSchema,
  LocationPayloadSchema,
  type RoomMessage,
} from '#contracts';

/** What a script can expect of a bot message, read out of it. */
export interface BotMessageFacts {
  readonly type: string;
  /** The text a customer sees: the message, else the payload's text or a file's caption. */
  readonly text: string;
  /** The labels of its buttons (buttons, card), in order. */
  readonly buttons: readonly string[];
  /** The titles of its cards (carousel), in order. */
  readonly cards: readonly string[];
  /** A file's URL, a card's link, or a location's map link. */
  readonly url: string | null;
}

/** Reads what a script may expect out of a bot message, whatever its type. */
export function readBotMessage(message: RoomMessage): BotMessageFacts {
  const payload = message.payload ?? undefined;
  let text = message.text;
  let buttons: readonly string[] = [];
  let cards: readonly string[] = [];
  let url: string | null = null;
  switch (message.type) {
    case 'buttons': {
      const parsed = ButtonsPayloadSchema.safeParse(payload);
      if (parsed.success) {
        text ||= parsed.data.text;
        buttons = parsed.data.buttons.map((button) => button.label);
      }
      break;
    }
    case 'card': {
      const parsed = CardPayloadSchema.safeParse(payload);
      if (parsed.success) {
        text ||= parsed.data.text;
        buttons = parsed.data.buttons.map((button) => button.label);
        url = parsed.data.url;
      }
      break;
    }
    case 'carousel': {
      const parsed = CarouselPayloadSchema.safeParse(payload);
      if (parsed.success) cards = parsed.data.cards.map((card) => card.title);
      break;
    }
    case 'file_attachment': {
      const parsed = FileAttachmentPayloadSchema.safeParse(payload);
      if (parsed.success) {
        text ||= parsed.data.caption ?? '';
        url = parsed.data.url;
      }
      break;
    }
    case 'location': {
      const parsed = LocationPayloadSchema.safeParse(payload);
      if (parsed.success) {
        text ||= parsed.data.name;
        url = parsed.data.map_url;
      }
      break;
    }
    default:
      break;
  }
  return { type: message.type, text, buttons, cards, url };
}

/** A bot message in one line, as a report shows it: `buttons "Pick one" [Yes, No]`. */
export function describeBotMessage(facts: BotMessageFacts): string {
  const parts = [facts.type];
  if (facts.text !== '') parts.push(JSON.stringify(facts.text));
  if (facts.buttons.length > 0) parts.push(`buttons [${facts.buttons.join(', ')}]`);
  if (facts.cards.length > 0) parts.push(`cards [${facts.cards.join(', ')}]`);
  if (facts.url !== null) parts.push(facts.url);
  return parts.join(' ');
}
