import { splitWords } from './split-words.js';

/** The languages the reference bot answers in: English and Indonesian. */
export type Language = 'en' | 'id';

// Common words of Indonesian chat that English does not use, and a few English ones to weigh
// them against: counting is enough to tell two languages apart in a small bot.
const indonesianWords = new Set(
  splitWords(`saya aku kami kamu anda kak kakak mau ingin bisa tolong minta tidak gak nggak enggak
    apa apakah dengan untuk yang dan ini itu ada sudah belum dong kok halo hai selamat pagi siang
    sore malam assalamualaikum terima kasih makasih bantuan berapa dimana mana kapan jam buka
    alamat lokasi tagihan pembayaran bayar faktur pengembalian dana harga daftar brosur kecewa
    marah buruk jelek parah lambat banget sekali sangat manusia orang asli agen hubungi bicara
    pesanan kirim pengiriman diskon promosi gimana bagaimana kenapa pilih lihat bagus kesal penipu
    retur tukar barang kantor toko`),
);
const englishWords = new Set(
  splitWords(`i me my you your the a an is are to with what where when how please want need can
    do does not and of for it this that hello thanks thank show talk`),
);

/**
 * Indonesian when a message holds more Indonesian words than English ones, otherwise English (so
 * a bare "1" or "menu" is answered in English).
 */
export function detectLanguage(text: string): Language {
  const words = splitWords(text);
  const indonesian = words.filter((word) => indonesianWords.has(word)).length;
  const english = words.filter((word) => englishWords.has(word)).length;
  return indonesian > english ? 'id' : 'en';
}
