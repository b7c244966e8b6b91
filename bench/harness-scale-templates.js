// The conversations `bench/harness-scale.js` generates: the behaviours of the example suite
// (examples/conversations), each a few turns long, on every channel, with the reply forms each
// channel takes. No silence steps: they would measure the clock, not the harness.

const names = [
  'Budi Santoso',
  'Siti Rahayu',
  'Agus Wijaya',
  'Dewi Lestari',
  'Rina Kusuma',
  'Joko Susilo',
  'Putri Anggraini',
  'Hendra Gunawan',
  'Maya Sari',
  'Bayu Pratama',
  'Fitri Handayani',
  'Wahyu Hidayat',
];

const pad = (index) => String(index).padStart(6, '0');
const nameOf = (index) => names[index % names.length];

/** Each channel: a customer id of the kind it uses (unique per script), and what it refuses. */
export const channelsForScale = {
  qiscus: {
    buttons: true,
    carousel: true,
    customer: (i) => ({ name: nameOf(i), id: `scale-${pad(i)}@example.com` }),
  },
  wa: {
    buttons: false,
    carousel: false,
    customer: (i) => ({ name: nameOf(i), id: `62899${pad(i)}` }),
  },
  ig: {
    buttons: false,
    carousel: true,
    customer: (i) => ({ name: nameOf(i), id: `178414${pad(i)}` }),
  },
  telegram: {
    buttons: true,
    carousel: false,
    customer: (i) => ({ name: nameOf(i), id: `5081${pad(i)}` }),
  },
  line: {
    buttons: true,
    carousel: true,
    customer: (i) => ({ name: nameOf(i), id: `Uscale${pad(i)}` }),
  },
  fb: {
    buttons: true,
    carousel: true,
    customer: (i) => ({ name: nameOf(i), id: `38472${pad(i)}` }),
  },
  custom: {
    buttons: true,
    carousel: true,
    customer: (i) => ({ name: nameOf(i), id: `custom-${pad(i)}` }),
  },
};

const everyChannel = Object.keys(channelsForScale);
const menuLabels = ['Billing', 'Promotions', 'Opening hours', 'Talk to a human', 'Help centre'];
const cardTitles = ['Basic plan', 'Pro plan', 'Family plan'];
const openingHours = /^We are open Monday to Friday/.source;
const handingOver = 'Sure. One of our agents will take over this chat and reply here shortly.';
const fallback = 'Sorry, I did not get that. Type menu to see what I can help with.';
const proChosen =
  'Great choice! Finish your order for the Pro plan here: https://shop.example.com/plans/pro';

const menuOn = (channel) =>
  channelsForScale[channel].buttons
    ? { type: 'buttons', buttons: menuLabels }
    : { type: 'text', text: '/^What can I help you with\\? Reply with a number:\\n1\\. Billing/' };
const promotionsOn = (channel) =>
  channelsForScale[channel].carousel
    ? { type: 'carousel', cards: cardTitles }
    : { type: 'text', text: '/^Our promotions this month:\\n• Basic plan/' };

/** One behaviour: its name, the channels it runs on, and its steps on a channel. */
export const conversationTemplates = [
  {
    name: 'greeting-and-menu',
    title: 'The greeting comes with the menu in the channel’s form, and an option is picked',
    channels: everyChannel,
    steps: ({ channel, firstName }) => [
      { customer: 'Hi' },
      { bot: `Hi ${firstName}! I am the Qiscus Mock Shop assistant.` },
      { bot: menuOn(channel) },
      channelsForScale[channel].buttons
        ? { customer: { postback: 'Opening hours' } }
        : { customer: '3' },
      { bot: `/${openingHours}/` },
      { bot_active: true },
    ],
  },
  {
    name: 'promotions-and-order',
    title: 'The promotions come in the channel’s form, and a plan is ordered',
    channels: everyChannel,
    steps: ({ channel }) => [
      { customer: 'Do you have any promotions?' },
      { bot: promotionsOn(channel) },
      channelsForScale[channel].carousel
        ? { customer: { postback: 'Choose Pro' } }
        : { customer: 'I choose Pro' },
      { bot: proChosen },
    ],
  },
  {
    name: 'questions-answered',
    title: 'Questions about hours, delivery and returns are answered',
    channels: everyChannel,
    steps: () => [
      { customer: 'When are you open?' },
      { bot: `/${openingHours}/` },
      { customer: 'Where is my order?' },
      { bot: '/^Orders placed before 14:00 WIB ship the same working day/' },
      { customer: 'Can I return a jacket that does not fit?' },
      { bot: '/^Unused items can be returned within 7 days/' },
      { customer: 'Thank you!' },
      { bot: 'You are welcome! Type menu whenever you need anything else.' },
    ],
  },
  {
    name: 'price-list-and-office',
    title: 'The price list comes as a PDF and the office as a map pin',
    channels: everyChannel,
    steps: () => [
      { customer: 'Can I have your price list?' },
      {
        bot: {
          type: 'file_attachment',
          url: 'https://shop.example.com/files/price-list-2026.pdf',
        },
      },
      { customer: 'What is your address?' },
      { bot: { type: 'location', text: 'Our Jakarta office' } },
    ],
  },
  {
    name: 'human-requested',
    title: 'A customer who asks for a human is handed over',
    channels: everyChannel,
    steps: ({ channel }) => [
      { customer: 'Hello' },
      { bot: '/^Hi /' },
      { bot: menuOn(channel) },
      { customer: 'Can I talk to a real person please?' },
      { bot: handingOver },
      { handover: {} },
      { bot_active: false },
    ],
  },
  {
    name: 'angry-customer',
    title: 'An angry customer gets an apology and an agent, in their language',
    channels: everyChannel,
    steps: () => [
      { customer: 'Pelayanannya buruk banget, saya kecewa' },
      { bot: '/^Mohon maaf atas pengalaman yang kurang menyenangkan/' },
      { handover: {} },
    ],
  },
  {
    name: 'billing-question',
    title: 'A billing question goes to the billing division, whose agent answers',
    channels: everyChannel,
    steps: () => [
      { customer: 'I need help with my invoice' },
      {
        bot: 'An agent will take over this chat to help with your bill; they will reply here shortly.',
      },
      { handover: { role: 'billing' } },
      { agent: 'Hello, I am from billing. Let me check your invoice.' },
      { resolve: true },
    ],
  },
  {
    name: 'three-unanswered',
    title: 'Three messages in a row the bot cannot answer hand the chat over',
    channels: everyChannel,
    steps: () => [
      { customer: 'What is the meaning of life?' },
      { bot: fallback },
      { customer: 'Do you sell bicycles?' },
      { bot: fallback },
      { customer: 'Is it going to rain tomorrow?' },
      { bot: '/^Sorry, I still cannot help with that/' },
      { handover: {} },
    ],
  },
  {
    name: 'indonesian-greeting',
    title: 'An Indonesian greeting is answered in Indonesian',
    channels: everyChannel,
    steps: ({ channel, firstName }) => [
      { customer: 'Halo, selamat pagi' },
      { bot: `Halo Kak ${firstName}! Saya asisten Qiscus Mock Shop.` },
      {
        bot: channelsForScale[channel].buttons
          ? {
              type: 'buttons',
              buttons: ['Tagihan', 'Promo', 'Jam buka', 'Bicara dengan agen', 'Pusat bantuan'],
            }
          : { type: 'text', text: '/^Ada yang bisa kami bantu\\? Balas dengan angka:/' },
      },
      { customer: 'Jam buka berapa?' },
      { bot: '/^Kami buka Senin–Jumat/' },
    ],
  },
];
