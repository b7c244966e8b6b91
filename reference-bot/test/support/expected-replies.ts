import { defaultChannelRules, isMessageTypeAllowed, type BotMessageType } from '#contracts';
import type { ChannelUnderTest } from './channels-under-test.js';

// The bot's replies as `botSaid` describes them, written out here rather than imported from the
// bot, so a change of wording shows up as a failing test.

/** Whether the channel takes the message type under the documented channel matrix. */
export function allows(channel: ChannelUnderTest, type: BotMessageType): boolean {
  return isMessageTypeAllowed(defaultChannelRules, channel.source, type);
}

/** The menu, as buttons or as a numbered list, in English and Indonesian. */
export const menu = {
  buttons: {
    en: 'buttons: What can I help you with? [Billing, Promotions, Opening hours, Talk to a human, Help centre]',
    id: 'buttons: Ada yang bisa kami bantu? [Tagihan, Promo, Jam buka, Bicara dengan agen, Pusat bantuan]',
  },
  text: {
    en: 'text: What can I help you with? Reply with a number:\n1. Billing\n2. Promotions\n3. Opening hours\n4. Talk to a human\nHelp centre: https://help.example.com',
    id: 'text: Ada yang bisa kami bantu? Balas dengan angka:\n1. Tagihan\n2. Promo\n3. Jam buka\n4. Bicara dengan agen\nPusat bantuan: https://help.example.com',
  },
} as const;

/** The menu in the form the channel takes. */
export function menuOn(channel: ChannelUnderTest, language: 'en' | 'id'): string {
  return allows(channel, 'buttons') ? menu.buttons[language] : menu.text[language];
}

/** The promotions, as a carousel or as one text listing the plans. */
export const promotions = {
  carousel:
    'carousel: Basic plan [Choose Basic, Details] | Pro plan [Choose Pro, Details] | Family plan [Choose Family, Details]',
  text: [
    'text: Our promotions this month:',
    '• Basic plan: Rp 49.000 a month, 10 GB. First month free. https://shop.example.com/plans/basic',
    '• Pro plan: Rp 99.000 a month, 50 GB. 20% off for three months. https://shop.example.com/plans/pro',
    '• Family plan: Rp 149.000 a month, 100 GB shared by four devices. https://shop.example.com/plans/family',
    'To order, reply "I choose" and the plan’s name, e.g. "I choose Basic".',
  ].join('\n'),
} as const;

/** The promotions in the form the channel takes. */
export function promotionsOn(channel: ChannelUnderTest): string {
  return allows(channel, 'carousel') ? promotions.carousel : promotions.text;
}

/** The price list in the form the channel takes: a file, or its link. */
export function priceListOn(channel: ChannelUnderTest): string {
  const link = 'https://shop.example.com/files/price-list-2026.pdf';
  return allows(channel, 'file_attachment')
    ? `file_attachment: Our price list (PDF) ${link}`
    : `text: Our price list (PDF): ${link}`;
}

/** The office in the form the channel takes: a map pin, or its address and map link. */
export function officeOn(channel: ChannelUnderTest): string {
  return allows(channel, 'location')
    ? 'location: Our Jakarta office: Jl. Jend. Sudirman No. 1, Jakarta 10220 (-6.2088, 106.8456)'
    : 'text: Our Jakarta office: Jl. Jend. Sudirman No. 1, Jakarta 10220. https://maps.google.com/?q=-6.2088,106.8456';
}

/** The bot's plain texts, in English unless named otherwise. */
export const texts = {
  greeting: 'text: Hi Budi! I am the Qiscus Mock Shop assistant.',
  greetingIndonesian: 'text: Halo Kak Budi! Saya asisten Qiscus Mock Shop.',
  openingHours:
    'text: We are open Monday to Friday 08:00–20:00 and Saturday 09:00–15:00 (WIB), closed on Sundays and public holidays.',
  proChosen:
    'text: Great choice! Finish your order for the Pro plan here: https://shop.example.com/plans/pro',
  handOverAsked: 'text: Sure. One of our agents will take over this chat and reply here shortly.',
  handOverAskedIndonesian:
    'text: Baik, Kak. Agen kami akan mengambil alih chat ini dan segera membalas di sini.',
  handOverNegative:
    'text: I am sorry about your experience. One of our agents will take over this chat to sort it out.',
  handOverNegativeIndonesian:
    'text: Mohon maaf atas pengalaman yang kurang menyenangkan. Agen kami akan mengambil alih chat ini untuk membantu.',
  fallback: 'text: Sorry, I did not get that. Type menu to see what I can help with.',
  handOverUnanswered:
    'text: Sorry, I still cannot help with that. One of our agents will take over this chat shortly.',
  billing:
    'text: An agent will take over this chat to help with your bill; they will reply here shortly.',
  fileReceived: 'text: Thank you, we have received your file. An agent will look at it if needed.',
  locationReceived: 'text: Thank you for your location. We will use it for your delivery.',
} as const;
