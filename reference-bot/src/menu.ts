import type { Intent } from './detect-intent.js';
import type { Language } from './detect-language.js';
import type { RichReply } from './fit-to-channel.js';

/** One choice of the menu: the number a customer may type for it, and what it leads to. */
export interface MenuOption {
  readonly number: number;
  readonly intent: Intent;
  readonly label: Readonly<Record<Language, string>>;
  /** What the customer "says" by pressing the button; it must lead to `intent` again. */
  readonly postbackText: Readonly<Record<Language, string>>;
}

/** The menu, in the order it is shown. */
export const menuOptions: readonly MenuOption[] = [
  {
    number: 1,
    intent: 'billing',
    label: { en: 'Billing', id: 'Tagihan' },
    postbackText: { en: 'I have a billing question', id: 'Saya ada pertanyaan tentang tagihan' },
  },
  {
    number: 2,
    intent: 'promotions',
    label: { en: 'Promotions', id: 'Promo' },
    postbackText: { en: 'Show me the promotions', id: 'Lihat promo' },
  },
  {
    number: 3,
    intent: 'opening_hours',
    label: { en: 'Opening hours', id: 'Jam buka' },
    postbackText: { en: 'What are your opening hours?', id: 'Kapan jam buka toko?' },
  },
  {
    number: 4,
    intent: 'human',
    label: { en: 'Talk to a human', id: 'Bicara dengan agen' },
    postbackText: { en: 'I want to talk to a human', id: 'Saya mau bicara dengan agen' },
  },
];

/** The help centre the menu links to. */
export const helpCentreUrl = 'https://help.example.com';

const menuTexts = {
  en: {
    question: 'What can I help you with?',
    pickNumber: 'Reply with a number:',
    help: 'Help centre',
  },
  id: {
    question: 'Ada yang bisa kami bantu?',
    pickNumber: 'Balas dengan angka:',
    help: 'Pusat bantuan',
  },
} as const satisfies Record<Language, Record<string, string>>;

/** The menu: postback buttons and a link to the help centre, or the same as a numbered list. */
export function buildMenu(language: Language): RichReply {
  const text = menuTexts[language];
  return {
    rich: {
      type: 'buttons',
      message: '',
      payload: {
        text: text.question,
        buttons: [
          ...menuOptions.map((option) => ({
            label: option.label[language],
            type: 'postback' as const,
            postback_text: option.postbackText[language],
          })),
          { label: text.help, type: 'link', payload: { url: helpCentreUrl } },
        ],
      },
    },
    plain: [
      `${text.question} ${text.pickNumber}`,
      ...menuOptions.map((option) => `${option.number}. ${option.label[language]}`),
      `${text.help}: ${helpCentreUrl}`,
    ].join('\n'),
  };
}

/** The option a bare menu number picks ("2", "2.", " 2) "), on any channel. */
export function chosenMenuOption(text: string): MenuOption | undefined {
  const number = /^\s*(\d+)\s*[.)]?\s*$/.exec(text)?.[1];
  return menuOptions.find((option) => String(option.number) === number);
}
