import { describe, expect, it } from 'vitest';
import {
  BotMessageSchema,
  BotMessageWebhookSchema,
  botMessageWebhook,
  channelShortName,
  channelSources,
  decodeRoomOptions,
  defaultChannelRules,
  encodeRoomOptions,
  type BotMessageWebhook,
  type ChannelRules,
  type ChannelSource,
  type CommentType,
} from '#contracts';
import type { BotReply } from './bot-reply.js';
import { menuOptions } from './menu.js';
import { promotions } from './promotions.js';
import { replyTexts } from './reply-templates.js';
import {
  decideReply,
  freshMemory,
  type BotAction,
  type Decision,
  type RoomMemory,
} from './reply-policy.js';

const exampleWebhook = BotMessageWebhookSchema.parse(botMessageWebhook.examples.text.value);

interface Incoming {
  readonly text: string;
  readonly source?: ChannelSource;
  readonly type?: CommentType;
  readonly payload?: Record<string, unknown> | null;
  readonly name?: string;
}

/** The contract's example webhook, with another message, channel or customer; parsed again. */
function webhookOf({
  text,
  source = 'wa',
  type = 'text',
  payload = null,
  name = 'Budi Santoso',
}: Incoming): BotMessageWebhook {
  const { payload: event } = exampleWebhook;
  const channelName = `Qiscus Mock ${channelShortName(source)}`;
  const options = decodeRoomOptions(event.room.options);
  return BotMessageWebhookSchema.parse({
    ...exampleWebhook,
    channel: { ...exampleWebhook.channel, name: channelName, source },
    payload: {
      ...event,
      from: { ...event.from, name },
      message: { ...event.message, text, type, payload },
      room: {
        ...event.room,
        options: encodeRoomOptions({
          ...options,
          channel: source,
          source,
          channel_details: { ...options.channel_details, name: channelName },
        }),
      },
    },
  });
}

/** Decides, and checks that every message sent is a valid bot message once the client fills it in. */
function decideChecked(
  webhook: BotMessageWebhook,
  memory: RoomMemory = freshMemory,
  rules?: ChannelRules,
): Decision {
  const decision = rules ? decideReply(webhook, memory, rules) : decideReply(webhook, memory);
  for (const action of decision.actions) {
    if (action.kind !== 'send') continue;
    const sent = { ...action.message, sender_email: 'qiscus-mock-app_admin@qismo.com' };
    expect(BotMessageSchema.safeParse({ ...sent, room_id: '187250792' }).error).toBeUndefined();
  }
  return decision;
}

function decide(incoming: Incoming, memory?: RoomMemory, rules?: ChannelRules): Decision {
  return decideChecked(webhookOf(incoming), memory, rules);
}

/** Each action in a word or two: `text`, `buttons`, `handOver:asked_for_human` … */
function outline(decision: Decision): string[] {
  return decision.actions.map((action) => {
    switch (action.kind) {
      case 'send':
        return action.message.type ?? 'text';
      case 'handOver':
        return `handOver:${action.reason}`;
      case 'handOverToRole':
        return `handOverToRole:${action.role}`;
      case 'tag':
        return `tag:${action.tag}`;
      case 'noteUserInfo':
        return `noteUserInfo:${action.properties.map((p) => `${p.key}=${p.value}`).join(',')}`;
      case 'resolve':
      case 'assignAgent':
        return action.kind;
    }
  });
}

function sent(action: BotAction | undefined): BotReply {
  if (action?.kind !== 'send') throw new Error(`expected a message, got ${action?.kind}`);
  return action.message;
}

function textOf(action: BotAction | undefined): string {
  const message = sent(action);
  if (message.type !== undefined && message.type !== 'text') {
    throw new Error(`expected a text, got ${message.type}`);
  }
  return message.message;
}

function buttonsOf(action: BotAction | undefined) {
  const message = sent(action);
  if (message.type !== 'buttons') throw new Error(`expected buttons, got ${message.type}`);
  return message.payload.buttons;
}

function cardsOf(action: BotAction | undefined) {
  const message = sent(action);
  if (message.type !== 'carousel') throw new Error(`expected a carousel, got ${message.type}`);
  return message.payload.cards;
}

/** The postback texts of buttons, in order. */
function postbackTexts(
  buttons: readonly { type: string; postback_text?: string | undefined }[],
): string[] {
  return buttons.flatMap((button) =>
    button.type === 'postback' && button.postback_text ? [button.postback_text] : [],
  );
}

const english = replyTexts.en;
const indonesian = replyTexts.id;

describe('handover', () => {
  it.each([
    ['talk to a human', english],
    ['I want a REAL PERSON!!!', english],
    ['Agent?', english],
    ['Can I speak to customer service, please', english],
    ['operator', english],
    ['mau bicara dengan manusia', indonesian],
    ['Hubungi CS dong', indonesian],
    ['minta agen.', indonesian],
    ['saya mau orang asli', indonesian],
  ])('hands over to an agent after a short text when asked "%s"', (text, texts) => {
    const decision = decide({ text });
    expect(decision.intent).toBe('human');
    expect(outline(decision)).toEqual(['text', 'handOver:asked_for_human']);
    expect(textOf(decision.actions[0])).toBe(texts.handOverAsked);
  });

  it.each([
    ['This is terrible', english],
    ['worst service ever', english],
    ['I am so angry', english],
    ['your app is useless', english],
    ['I hate this', english],
    ['Very disappointed.', english],
    ['this is a scam', english],
    ['the service is not good', english],
    ['saya kecewa', indonesian],
    ['saya marah sekali', indonesian],
    ['pelayanannya buruk', indonesian],
    ['aplikasinya jelek', indonesian],
    ['parah!', indonesian],
    ['lambat banget', indonesian],
    ['dasar penipu', indonesian],
    ['kesal saya', indonesian],
    ['tidak bagus', indonesian],
  ])('apologises and hands over when the customer is unhappy: "%s"', (text, texts) => {
    const decision = decide({ text });
    expect(decision.intent).toBe('negative');
    expect(outline(decision)).toEqual(['text', 'handOver:negative_sentiment']);
    expect(textOf(decision.actions[0])).toBe(texts.handOverNegative);
  });

  it.each([
    ['bill', english],
    ['Where is my invoice?', english],
    ['my payment failed', english],
    ['I want a refund', english],
    ['I was charged twice', english],
    ['tagihan saya', indonesian],
    ['pembayaran gagal', indonesian],
    ['cara bayar gimana?', indonesian],
    ['minta faktur', indonesian],
    ['pengembalian dana kapan?', indonesian],
  ])('hands a billing question "%s" to the billing division', (text, texts) => {
    const decision = decide({ text });
    expect(decision.intent).toBe('billing');
    expect(outline(decision)).toEqual(['text', 'handOverToRole:billing']);
    expect(textOf(decision.actions[0])).toBe(texts.handOverBilling);
  });

  it('puts a request for a human before negative sentiment, and both before billing', () => {
    expect(decide({ text: 'This is awful, get me an agent' }).intent).toBe('human');
    expect(decide({ text: 'I was charged twice, this is a scam' }).intent).toBe('negative');
    expect(decide({ text: 'Hi, I need help with my invoice' }).intent).toBe('billing');
  });

  it('answers the contract example webhook as a billing question', () => {
    const decision = decideChecked(exampleWebhook);
    expect(outline(decision)).toEqual(['text', 'handOverToRole:billing']);
  });

  it('hands over on the third unanswered message in a row, and forgets the count after it', () => {
    const first = decide({ text: 'blorp' });
    expect(outline(first)).toEqual(['text']);
    expect(textOf(first.actions[0])).toBe(english.fallback);
    expect(first.memory).toEqual({ unansweredInARow: 1 });

    const second = decide({ text: 'zzz qqq' }, first.memory);
    expect(outline(second)).toEqual(['text']);
    expect(second.memory).toEqual({ unansweredInARow: 2 });

    const third = decide({ text: 'xyzzy' }, second.memory);
    expect(third.intent).toBe('fallback');
    expect(outline(third)).toEqual(['text', 'handOver:unanswered_questions']);
    expect(textOf(third.actions[0])).toBe(english.handOverUnanswered);
    expect(third.memory).toEqual(freshMemory);
  });

  it('starts the unanswered count again after any answered message', () => {
    const twice = decide({ text: 'xyzzy' }, decide({ text: 'blorp' }).memory);
    expect(twice.memory).toEqual({ unansweredInARow: 2 });

    const answered = decide({ text: 'jam buka?' }, twice.memory);
    expect(answered.memory).toEqual({ unansweredInARow: 0 });

    const again = decide({ text: 'zzz qqq' }, answered.memory);
    expect(outline(again)).toEqual(['text']);
    expect(again.memory).toEqual({ unansweredInARow: 1 });
  });
});

describe('menu and promotions', () => {
  it.each([
    ['hi', english],
    ['Hello!', english],
    ['good morning', english],
    ['halo', indonesian],
    ['Hai kak', indonesian],
    ['selamat pagi', indonesian],
    ['Selamat siang', indonesian],
    ['selamat sore', indonesian],
    ['selamat malam', indonesian],
    ["Assalamu'alaikum", indonesian],
  ])('greets "%s" by the customer’s first name, then shows the menu', (text, texts) => {
    const decision = decide({ text, name: 'Siti Rahmawati', source: 'qiscus' });
    expect(decision.intent).toBe('greeting');
    expect(outline(decision)).toEqual(['text', 'buttons']);
    expect(textOf(decision.actions[0])).toBe(texts.greeting('Siti'));
  });

  it.each([
    ['qiscus', 'buttons'],
    ['wa', 'text'],
    ['ig', 'text'],
    ['telegram', 'buttons'],
    ['line', 'buttons'],
    ['fb', 'buttons'],
    ['custom', 'buttons'],
  ] as const)('shows the menu on %s as %s', (source, type) => {
    const decision = decide({ text: 'menu', source });
    expect(decision.intent).toBe('menu');
    expect(outline(decision)).toEqual([type]);
  });

  it('sends the menu as four postback buttons and a link to the help centre', () => {
    const buttons = buttonsOf(decide({ text: 'help', source: 'qiscus' }).actions[0]);
    expect(buttons.map((button) => [button.type, button.label])).toEqual([
      ['postback', 'Billing'],
      ['postback', 'Promotions'],
      ['postback', 'Opening hours'],
      ['postback', 'Talk to a human'],
      ['link', 'Help centre'],
    ]);
    expect(postbackTexts(buttons)).toHaveLength(4);
    expect(buttons.at(-1)?.payload).toEqual({ url: 'https://help.example.com' });
  });

  it('writes the menu as a numbered list where buttons are refused', () => {
    expect(textOf(decide({ text: 'menu', source: 'wa' }).actions[0])).toBe(
      [
        'What can I help you with? Reply with a number:',
        '1. Billing',
        '2. Promotions',
        '3. Opening hours',
        '4. Talk to a human',
        'Help centre: https://help.example.com',
      ].join('\n'),
    );
    expect(textOf(decide({ text: 'bantuan', source: 'ig' }).actions[0])).toContain('1. Tagihan');
  });

  it.each(
    channelSources.flatMap((source) =>
      ['1', '2.', ' 3 ', '4)'].map((text, index) => [text, source, menuOptions[index]!] as const),
    ),
  )('takes "%s" on %s as a pick from the menu', (text, source, option) => {
    expect(decide({ text, source }).intent).toBe(option.intent);
  });

  it.each([
    ['menu', ['billing', 'promotions', 'opening_hours', 'human']],
    ['bantuan', ['billing', 'promotions', 'opening_hours', 'human']],
  ] as const)(
    'leads each button of the menu asked for with "%s" back to its option',
    (asked, intents) => {
      const menu = decide({ text: asked, source: 'line' });
      const pressed = postbackTexts(buttonsOf(menu.actions[0])).map((text) =>
        decide({ text, source: 'line', type: 'button_postback_response', payload: {} }),
      );
      expect(pressed.map((decision) => decision.intent)).toEqual(intents);
      const language = asked === 'menu' ? english : indonesian;
      expect(textOf(pressed[0]?.actions[0])).toBe(language.handOverBilling);
      expect(textOf(pressed[2]?.actions[0])).toBe(language.openingHours);
    },
  );

  it('reads a postback by its text even when its payload holds a url', () => {
    const decision = decide({
      text: 'I want to talk to a human',
      type: 'button_postback_response',
      payload: { url: 'https://bot.example.com/postback', method: 'get', payload: null },
    });
    expect(decision.intent).toBe('human');
  });

  it.each([
    ['qiscus', 'carousel'],
    ['wa', 'text'],
    ['ig', 'carousel'],
    ['telegram', 'text'],
    ['line', 'carousel'],
    ['fb', 'carousel'],
    ['custom', 'carousel'],
  ] as const)('shows the promotions on %s as %s', (source, type) => {
    const decision = decide({ text: 'Any promotions?', source });
    expect(decision.intent).toBe('promotions');
    expect(outline(decision)).toEqual([type]);
  });

  it.each(['promo', 'deals', 'diskon', 'promosi'])(
    'sends two or three cards with a picture, a title, a description and a postback for "%s"',
    (text) => {
      const cards = cardsOf(decide({ text, source: 'fb' }).actions[0]);
      expect(cards.length).toBeGreaterThanOrEqual(2);
      expect(cards.length).toBeLessThanOrEqual(3);
      for (const card of cards) {
        expect(card.image).toMatch(/^https:\/\//);
        expect(card.description).toBeTruthy();
        expect(postbackTexts(card.buttons ?? [])).toHaveLength(1);
      }
    },
  );

  it('lists every promotion in one text where carousels are refused, without menu numbers', () => {
    const text = textOf(decide({ text: 'promo', source: 'telegram' }).actions[0]);
    for (const promotion of promotions) {
      expect(text).toContain(`${promotion.name} plan`);
      expect(text).toContain(promotion.page);
    }
    expect(text).not.toMatch(/^\d/m);
  });

  it.each([
    ['promo', english],
    ['diskon', indonesian],
  ] as const)(
    'confirms the plan whose card button is pressed, from the carousel of "%s"',
    (text, texts) => {
      const cards = cardsOf(decide({ text, source: 'qiscus' }).actions[0]);
      const pressed = cards.map((card) =>
        decide({
          text: postbackTexts(card.buttons ?? [])[0]!,
          source: 'qiscus',
          type: 'button_postback_response',
          payload: {},
        }),
      );
      expect(pressed.map((decision) => decision.intent)).toEqual(
        promotions.map(() => 'promotion_chosen'),
      );
      expect(pressed.map((decision) => textOf(decision.actions[0]))).toEqual(
        promotions.map((promotion) => texts.promotionChosen(promotion.name, promotion.page)),
      );
    },
  );

  it('confirms "I choose Basic" typed by hand', () => {
    expect(textOf(decide({ text: 'I choose Basic' }).actions[0])).toBe(
      'Great choice! Finish your order for the Basic plan here: https://shop.example.com/plans/basic',
    );
  });

  it('follows the channel rules it is given rather than channel names', () => {
    const rules: ChannelRules = {
      ...defaultChannelRules,
      qiscus: { refuses: ['buttons', 'carousel', 'file_attachment', 'location'] },
      wa: { refuses: [] },
    };
    expect(outline(decide({ text: 'menu', source: 'qiscus' }, freshMemory, rules))).toEqual([
      'text',
    ]);
    expect(outline(decide({ text: 'promo', source: 'qiscus' }, freshMemory, rules))).toEqual([
      'text',
    ]);
    expect(outline(decide({ text: 'menu', source: 'wa' }, freshMemory, rules))).toEqual([
      'buttons',
    ]);
    expect(outline(decide({ text: 'promo', source: 'wa' }, freshMemory, rules))).toEqual([
      'carousel',
    ]);
    const priceList = decide({ text: 'price list', source: 'qiscus' }, freshMemory, rules);
    expect(textOf(priceList.actions[0])).toBe(
      'Our price list (PDF): https://shop.example.com/files/price-list-2026.pdf',
    );
    const office = decide({ text: 'address', source: 'qiscus' }, freshMemory, rules);
    expect(textOf(office.actions[0])).toContain('https://maps.google.com/');
  });
});

describe('answers', () => {
  it.each([
    ['Can I get the price list?', english],
    ['send me your brochure', english],
    ['minta daftar harga', indonesian],
  ])('sends the price list as a PDF for "%s"', (text, texts) => {
    const decision = decide({ text, source: 'wa' });
    expect(decision.intent).toBe('price_list');
    const message = sent(decision.actions[0]);
    if (message.type !== 'file_attachment') throw new Error(`got ${message.type}`);
    expect(message.payload?.url).toMatch(/^https:\/\/.+\.pdf$/);
    expect(message.payload?.caption).toBe(texts.priceListCaption);
  });

  it.each(['where are you?', 'What is your address', 'alamat kantor?', 'lokasi toko'])(
    'sends the office as a location for "%s"',
    (text) => {
      const decision = decide({ text, source: 'telegram' });
      expect(decision.intent).toBe('location');
      const message = sent(decision.actions[0]);
      if (message.type !== 'location') throw new Error(`got ${message.type}`);
      expect([message.payload.latitude, message.payload.longitude]).toEqual([-6.2088, 106.8456]);
    },
  );

  it('thanks the customer for the file of the contract example webhook', () => {
    const webhook = BotMessageWebhookSchema.parse(botMessageWebhook.examples.fileAttachment.value);
    const decision = decideChecked(webhook);
    expect(decision.intent).toBe('attachment_received');
    expect(outline(decision)).toEqual(['text']);
    expect(textOf(decision.actions[0])).toBe(english.fileReceived);
  });

  it('thanks the customer for a shared location, which does not count as a question it missed', () => {
    const shared = {
      text: '',
      type: 'location' as const,
      payload: { latitude: -6.2, longitude: 106.8 },
    };
    const decision = decide(shared, { unansweredInARow: 2 });
    expect(decision.intent).toBe('location_received');
    expect(textOf(decision.actions[0])).toBe(english.locationReceived);
    expect(decision.memory).toEqual(freshMemory);
  });

  it('thanks the customer for a file that comes as a payload with a url', () => {
    const decision = decide({
      text: 'ini foto struk saya',
      payload: { url: 'https://files.example.com/uploads/struk.jpg', caption: 'foto struk' },
    });
    expect(decision.intent).toBe('attachment_received');
    expect(textOf(decision.actions[0])).toBe(indonesian.fileReceived);
  });

  it.each([
    ['What are your opening hours?', 'opening_hours', english.openingHours],
    ['jam buka?', 'opening_hours', indonesian.openingHours],
    ['How long does shipping take?', 'faq_delivery', english.delivery],
    ['berapa lama pengiriman ke Bandung?', 'faq_delivery', indonesian.delivery],
    ['Can I return an item?', 'faq_returns', english.returns],
    ['Thank you!', 'thanks', english.thanks],
    ['terima kasih kak', 'thanks', indonesian.thanks],
  ])('answers "%s" as %s', (text, intent, answer) => {
    const decision = decide({ text });
    expect(decision.intent).toBe(intent);
    expect(outline(decision)).toEqual(['text']);
    expect(textOf(decision.actions[0])).toBe(answer);
    expect(decision.memory).toEqual(freshMemory);
  });

  it('falls back to a hint about the menu, in the customer’s language', () => {
    expect(textOf(decide({ text: 'asdfgh' }).actions[0])).toBe(
      'Sorry, I did not get that. Type menu to see what I can help with.',
    );
    expect(textOf(decide({ text: 'saya bingung soal ini' }).actions[0])).toBe(indonesian.fallback);
  });

  it('gives the same decision for the same webhook and memory', () => {
    const webhook = webhookOf({ text: 'promo', source: 'ig' });
    const memory = Object.freeze({ unansweredInARow: 2 });
    expect(decideReply(webhook, memory)).toEqual(decideReply(webhook, memory));
    expect(memory).toEqual({ unansweredInARow: 2 });
  });
});

describe('closing, urgency and order numbers (the admin API)', () => {
  it.each(['done, thanks', 'That is all, thank you', 'sudah selesai, makasih'])(
    'tags, notes and resolves the room when the customer is done: "%s"',
    (text) => {
      const decision = decide({ text, source: 'wa' });
      expect(decision.intent).toBe('done');
      expect(outline(decision)).toEqual([
        'text',
        'tag:resolved-by-bot',
        'noteUserInfo:Closed by=bot',
        'resolve',
      ]);
    },
  );

  it('tags an urgent request and assigns an online agent', () => {
    const decision = decide({ text: 'It is urgent, please', source: 'qiscus' });
    expect(decision.intent).toBe('urgent');
    expect(outline(decision)).toEqual(['text', 'tag:urgent', 'assignAgent']);
  });

  it('notes an order number on the room, whatever the message is about', () => {
    const decision = decide({ text: 'Where is my order inv-2041?', source: 'wa' });
    expect(decision.intent).toBe('faq_delivery');
    expect(outline(decision)).toEqual(['noteUserInfo:Order ID=INV-2041', 'tag:order', 'text']);
    expect(outline(decide({ text: 'thanks', source: 'wa' }))).toEqual(['text']);
  });
});
