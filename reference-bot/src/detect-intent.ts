import type { BotMessageWebhook } from '#contracts';
import { chosenMenuOption } from './menu.js';
import { chosenPromotion } from './promotions.js';
import { isNegative } from './sentiment.js';
import { splitWords } from './split-words.js';

/** What the bot understood a customer's message to be; each one has its answer. */
export type Intent =
  | 'human'
  | 'negative'
  | 'billing'
  | 'attachment_received'
  | 'location_received'
  | 'promotion_chosen'
  | 'price_list'
  | 'location'
  | 'faq_delivery'
  | 'faq_returns'
  | 'opening_hours'
  | 'promotions'
  | 'thanks'
  | 'done'
  | 'urgent'
  | 'menu'
  | 'greeting'
  | 'fallback';

/** The parts of a webhook's message that decide its intent. */
export type IncomingMessage = Pick<
  BotMessageWebhook['payload']['message'],
  'text' | 'type' | 'payload'
>;

// Phrases are matched on whole words, after lower-casing and dropping punctuation.
const askingForHuman = phrases(`human | humans | real person | a person | live person | agent |
  agents | customer service | customer support | operator | representative | manusia | orang asli |
  orang beneran | orang sungguhan | agen | cs | admin | petugas`);
const aboutBilling = phrases(`bill | bills | billing | billed | invoice | invoices | payment |
  payments | pay | paid | refund | refunds | charge | charged | charges | overcharged | tagihan |
  tagih | ditagih | pembayaran | bayar | membayar | dibayar | faktur | pengembalian dana`);

// The other intents, most specific first: "hi, where is my order?" is about delivery.
const topics: readonly (readonly [Intent, readonly string[]])[] = [
  ['urgent', phrases(`urgent | asap | right now | immediately | segera | mendesak | darurat`)],
  [
    'price_list',
    phrases(`price list | pricelist | price | prices | pricing | brochure | catalog | catalogue |
      daftar harga | harga | brosur | katalog`),
  ],
  [
    'faq_delivery',
    phrases(`delivery | deliver | shipping | ship | shipped | track | tracking | courier | my order |
      pengiriman | kirim | dikirim | ongkir | kurir | resi | pesanan`),
  ],
  [
    'location',
    phrases(`where are you | where is your | address | location | located | directions | alamat |
      lokasi | di mana kantor | dimana kantor | di mana toko | dimana toko | kantor`),
  ],
  [
    'faq_returns',
    phrases(`return | returns | exchange | retur | tukar | penukaran | kembalikan barang`),
  ],
  [
    'opening_hours',
    phrases(`opening hours | open hours | business hours | hours | are you open | when do you open |
      what time | closing | jam buka | jam operasional | buka jam | jam berapa | kapan buka |
      tutup jam`),
  ],
  [
    'promotions',
    phrases(`promo | promos | promotion | promotions | deal | deals | offer | offers | discount |
      discounts | voucher | diskon | promosi | penawaran`),
  ],
  [
    'done',
    phrases(`done | all done | that is all | thats all | that s all | i am done | im done |
      selesai | sudah selesai | sudah beres | cukup`),
  ],
  ['thanks', phrases(`thanks | thank you | thx | terima kasih | makasih | trims`)],
  ['menu', phrases(`menu | help | bantuan | start | options | pilihan`)],
  [
    'greeting',
    phrases(`hi | hello | hey | good morning | good afternoon | good evening | halo | hallo | hai |
      selamat pagi | selamat siang | selamat sore | selamat malam | assalamualaikum |
      assalamu alaikum`),
  ],
];

/**
 * What a customer's message is about. Precedence, highest first: a menu number ("1".."4"
 * stand for exactly one option); a request for a human; negative sentiment; billing; the
 * customer's own file; a promotion chosen; the topics above, in their order; else `fallback`.
 * So "this is awful, get me an agent" asks for a human, and "I was charged twice, scam!" is
 * negative before it is billing.
 */
export function detectIntent(message: IncomingMessage): Intent {
  const menuOption = chosenMenuOption(message.text);
  if (menuOption) return menuOption.intent;
  const words = splitWords(message.text);
  if (hasAnyPhrase(words, askingForHuman)) return 'human';
  if (isNegative(message.text)) return 'negative';
  if (hasAnyPhrase(words, aboutBilling)) return 'billing';
  if (isCustomerFile(message)) return 'attachment_received';
  // A shared location is an answer to a question (where to deliver), not one the bot missed.
  if (message.type === 'location') return 'location_received';
  if (chosenPromotion(message.text)) return 'promotion_chosen';
  const topic = topics.find(([, topicPhrases]) => hasAnyPhrase(words, topicPhrases));
  return topic ? topic[0] : 'fallback';
}

/** A file the customer sent. A postback's payload may hold a `url` too, which is no file. */
function isCustomerFile(message: IncomingMessage): boolean {
  if (message.type === 'file_attachment') return true;
  return message.type !== 'button_postback_response' && typeof message.payload?.url === 'string';
}

function phrases(list: string): string[] {
  return list.split('|').map((phrase) => splitWords(phrase).join(' '));
}

function hasAnyPhrase(words: readonly string[], list: readonly string[]): boolean {
  const padded = ` ${words.join(' ')} `;
  return list.some((phrase) => padded.includes(` ${phrase} `));
}
