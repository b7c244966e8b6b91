import type { Language } from './detect-language.js';
import type { RichReply } from './fit-to-channel.js';
import { splitWords } from './split-words.js';

/** One promoted plan: a carousel card, and what choosing it answers. */
export interface Promotion {
  /** The plan's name, the same in both languages; "I choose Basic" picks it. */
  readonly name: string;
  readonly image: string;
  readonly page: string;
  readonly offer: Readonly<Record<Language, string>>;
}

/** This month's promotions, one carousel card each. */
export const promotions: readonly Promotion[] = [
  {
    name: 'Basic',
    image: 'https://shop.example.com/img/plan-basic.jpg',
    page: 'https://shop.example.com/plans/basic',
    offer: {
      en: 'Rp 49.000 a month, 10 GB. First month free.',
      id: 'Rp 49.000 per bulan, 10 GB. Gratis bulan pertama.',
    },
  },
  {
    name: 'Pro',
    image: 'https://shop.example.com/img/plan-pro.jpg',
    page: 'https://shop.example.com/plans/pro',
    offer: {
      en: 'Rp 99.000 a month, 50 GB. 20% off for three months.',
      id: 'Rp 99.000 per bulan, 50 GB. Hemat 20% selama tiga bulan.',
    },
  },
  {
    name: 'Family',
    image: 'https://shop.example.com/img/plan-family.jpg',
    page: 'https://shop.example.com/plans/family',
    offer: {
      en: 'Rp 149.000 a month, 100 GB shared by four devices.',
      id: 'Rp 149.000 per bulan, 100 GB untuk empat perangkat.',
    },
  },
];

const promotionTexts = {
  en: {
    intro: 'Our promotions this month:',
    title: (name: string) => `${name} plan`,
    choose: (name: string) => `Choose ${name}`,
    chosen: (name: string) => `I choose ${name}`,
    details: 'Details',
    howToChoose: 'To order, reply "I choose" and the plan’s name, e.g. "I choose Basic".',
  },
  id: {
    intro: 'Promo kami bulan ini:',
    title: (name: string) => `Paket ${name}`,
    choose: (name: string) => `Pilih ${name}`,
    chosen: (name: string) => `Saya pilih ${name}`,
    details: 'Detail',
    howToChoose: 'Untuk memesan, balas "Saya pilih" dan nama paketnya, mis. "Saya pilih Basic".',
  },
} as const;

/**
 * The promotions as a carousel, or, where carousels are refused, as one text listing every card:
 * one message rather than one per card, so the cards cannot arrive out of order or flood the chat.
 * The list uses bullets, not numbers, since a bare number picks a menu option.
 */
export function buildPromotions(language: Language): RichReply {
  const text = promotionTexts[language];
  return {
    rich: {
      type: 'carousel',
      payload: {
        cards: promotions.map((promotion) => ({
          image: promotion.image,
          title: text.title(promotion.name),
          description: promotion.offer[language],
          buttons: [
            {
              label: text.choose(promotion.name),
              type: 'postback',
              postback_text: text.chosen(promotion.name),
            },
            { label: text.details, type: 'link', payload: { url: promotion.page } },
          ],
        })),
      },
    },
    plain: [
      text.intro,
      ...promotions.map(
        (promotion) =>
          `• ${text.title(promotion.name)}: ${promotion.offer[language]} ${promotion.page}`,
      ),
      text.howToChoose,
    ].join('\n'),
  };
}

const choosing = new Set(splitWords('choose pick take want pilih ambil mau'));

/** The promotion a message picks, as "I choose Basic" or "Saya pilih Basic" do. */
export function chosenPromotion(text: string): Promotion | undefined {
  const words = splitWords(text);
  if (!words.some((word) => choosing.has(word))) return undefined;
  return promotions.find((promotion) => words.includes(promotion.name.toLowerCase()));
}
