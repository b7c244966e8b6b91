import type { Language } from './detect-language.js';
import type { RichReply } from './fit-to-channel.js';

const en = {
  greeting: (name: string) => `Hi ${name || 'there'}! I am the Qiscus Mock Shop assistant.`,
  handOverAsked: 'Sure. One of our agents will take over this chat and reply here shortly.',
  handOverNegative:
    'I am sorry about your experience. One of our agents will take over this chat to sort it out.',
  handOverUnanswered:
    'Sorry, I still cannot help with that. One of our agents will take over this chat shortly.',
  // True whether the billing division takes the room or, without Auto Agent Allocation, anyone.
  handOverBilling:
    'An agent will take over this chat to help with your bill; they will reply here shortly.',
  openingHours:
    'We are open Monday to Friday 08:00–20:00 and Saturday 09:00–15:00 (WIB), closed on Sundays and public holidays.',
  delivery:
    'Orders placed before 14:00 WIB ship the same working day. Delivery takes 1–3 working days in Jabodetabek and 2–7 elsewhere; the tracking number comes by e-mail.',
  returns:
    'Unused items can be returned within 7 days of delivery. Type "talk to a human" and an agent will arrange the pickup.',
  thanks: 'You are welcome! Type menu whenever you need anything else.',
  done: 'Glad I could help! I have closed this chat; write again any time to start a new one.',
  urgent: 'Understood, this is urgent: I am putting you through to an agent who is online now.',
  fileReceived: 'Thank you, we have received your file. An agent will look at it if needed.',
  locationReceived: 'Thank you for your location. We will use it for your delivery.',
  promotionChosen: (plan: string, page: string) =>
    `Great choice! Finish your order for the ${plan} plan here: ${page}`,
  fallback: 'Sorry, I did not get that. Type menu to see what I can help with.',
  priceListCaption: 'Our price list (PDF)',
  officeName: 'Our Jakarta office',
};

const id: typeof en = {
  greeting: (name: string) => `Halo Kak${name ? ` ${name}` : ''}! Saya asisten Qiscus Mock Shop.`,
  handOverAsked: 'Baik, Kak. Agen kami akan mengambil alih chat ini dan segera membalas di sini.',
  handOverNegative:
    'Mohon maaf atas pengalaman yang kurang menyenangkan. Agen kami akan mengambil alih chat ini untuk membantu.',
  handOverUnanswered:
    'Maaf, saya belum bisa membantu soal itu. Agen kami akan segera mengambil alih chat ini.',
  handOverBilling:
    'Agen kami akan mengambil alih chat ini untuk membantu soal tagihan Anda dan segera membalas di sini.',
  openingHours:
    'Kami buka Senin–Jumat pukul 08.00–20.00 dan Sabtu pukul 09.00–15.00 WIB. Minggu dan hari libur nasional tutup.',
  delivery:
    'Pesanan sebelum pukul 14.00 WIB dikirim di hari kerja yang sama. Pengiriman 1–3 hari kerja untuk Jabodetabek dan 2–7 hari kerja untuk kota lain; nomor resi dikirim lewat e-mail.',
  returns:
    'Barang yang belum dipakai bisa dikembalikan dalam 7 hari setelah diterima. Ketik "bicara dengan agen" dan agen kami akan mengatur penjemputannya.',
  thanks: 'Sama-sama! Ketik menu kapan saja jika butuh bantuan lain.',
  done: 'Senang bisa membantu! Chat ini saya tutup; kirim pesan lagi kapan saja untuk memulai yang baru.',
  urgent: 'Baik, ini mendesak: saya sambungkan Anda ke agen yang sedang online.',
  fileReceived:
    'Terima kasih, file Anda sudah kami terima. Agen kami akan memeriksanya bila perlu.',
  locationReceived: 'Terima kasih atas lokasinya. Kami akan memakainya untuk pengiriman Anda.',
  promotionChosen: (plan: string, page: string) =>
    `Pilihan yang tepat! Selesaikan pesanan Paket ${plan} di sini: ${page}`,
  fallback: 'Maaf, saya belum mengerti. Ketik menu untuk melihat pilihan bantuan.',
  priceListCaption: 'Daftar harga kami (PDF)',
  officeName: 'Kantor kami di Jakarta',
};

/** The bot's texts in English and Indonesian; a name or link is filled in where one is taken. */
export const replyTexts: Readonly<Record<Language, typeof en>> = { en, id };

const priceListUrl = 'https://shop.example.com/files/price-list-2026.pdf';

/** The price list as a PDF file, or its link where files are refused. */
export function buildPriceList(language: Language): RichReply {
  const caption = replyTexts[language].priceListCaption;
  return {
    rich: {
      type: 'file_attachment',
      message: caption,
      payload: { url: priceListUrl, caption, file_name: 'price-list-2026.pdf' },
    },
    plain: `${caption}: ${priceListUrl}`,
  };
}

const office = {
  name: 'Qiscus Mock Shop',
  address: 'Jl. Jend. Sudirman No. 1, Jakarta 10220',
  latitude: -6.2088,
  longitude: 106.8456,
  map_url: 'https://maps.google.com/?q=-6.2088,106.8456',
};

/** The office as a map pin, or its address and map link where locations are refused. */
export function buildOfficeLocation(language: Language): RichReply {
  const title = replyTexts[language].officeName;
  return {
    rich: { type: 'location', message: title, payload: office },
    plain: `${title}: ${office.address}. ${office.map_url}`,
  };
}
