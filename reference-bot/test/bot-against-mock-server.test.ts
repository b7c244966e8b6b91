import { expect, it } from 'vitest';
import type { CustomerMessageRequest, RoomId } from '#contracts';
import { botSaid } from './support/bot-said.js';
import {
  channelsUnderTest,
  writingThrough,
  type ChannelUnderTest,
} from './support/channels-under-test.js';
import { expectBotOffForRoom } from './support/expect-bot-off-for-room.js';
import { expectNoRefusals } from './support/expect-no-refusals.js';
import {
  allows,
  menu,
  menuOn,
  officeOn,
  priceListOn,
  promotions,
  promotionsOn,
  texts,
} from './support/expected-replies.js';
import { handedOver, holderOf, roomOf, withTheBot } from './support/holder-of.js';
import { startBotAndMock, type BotAndMock } from './support/start-bot-and-mock.js';

// The bot against the mock over real HTTP, every scenario on every channel: the replies follow
// the channel matrix, and the mock never refuses what the bot sends.

/** The customer's first message on a channel (a text, or a file), answered; the room it opened. */
async function open(
  stack: BotAndMock,
  channel: ChannelUnderTest,
  message: string | Pick<CustomerMessageRequest, 'type' | 'payload'>,
): Promise<RoomId> {
  const { room_id } = await stack.mock.customer.say(
    {
      ...writingThrough(stack.mock, channel),
      customer: { name: 'Budi Santoso' },
      ...(typeof message === 'string' ? { text: message } : message),
    },
    { wait: true },
  );
  await stack.drain();
  const opened = roomOf(stack.mock, room_id).channel;
  expect([opened.source, opened.is_on_cloud ?? false]).toEqual([channel.source, channel.cloud]);
  return room_id;
}

/** The customer writes again into the room, or presses a button (`postback`), answered. */
async function write(
  stack: BotAndMock,
  roomId: RoomId,
  message: { readonly text: string } | { readonly postback: string },
): Promise<void> {
  await stack.mock.customer.say({ room_id: roomId, ...message }, { wait: true });
  await stack.drain();
}

const buttonChannels = channelsUnderTest.filter((channel) => allows(channel, 'buttons'));
const numberedMenuChannels = channelsUnderTest.filter((channel) => !allows(channel, 'buttons'));
const carouselChannels = channelsUnderTest.filter((channel) => allows(channel, 'carousel'));
const listedPromotionChannels = channelsUnderTest.filter((channel) => !allows(channel, 'carousel'));

/** Each example on each channel. */
const onEachChannel = <T extends object>(examples: readonly T[]) =>
  channelsUnderTest.flatMap((channel) => examples.map((example) => ({ ...example, channel })));

it('sends the menu and the promotions in the form each channel takes: no buttons on WhatsApp and Instagram, no carousel on WhatsApp and Telegram', async () => {
  const stack = await startBotAndMock();
  const forms: Record<string, string[]> = {};
  for (const channel of channelsUnderTest) {
    const roomId = await open(stack, channel, 'Hi');
    await write(stack, roomId, { text: 'Show me your promotions' });
    forms[channel.name] = botSaid(stack.mock, roomId)
      .slice(1)
      .map((line) => line.slice(0, line.indexOf(':')));
  }

  expectNoRefusals(stack);
  expect(forms).toEqual({
    qiscus: ['buttons', 'carousel'],
    wa: ['text', 'text'],
    ig: ['text', 'carousel'],
    telegram: ['buttons', 'text'],
    line: ['buttons', 'carousel'],
    fb: ['buttons', 'carousel'],
    custom: ['buttons', 'carousel'],
    'wa (WhatsApp Cloud API)': ['text', 'text'],
  });
});

it.each(channelsUnderTest)(
  'greets the customer by name and shows the menu on $name',
  async (channel) => {
    const stack = await startBotAndMock();

    const roomId = await open(stack, channel, 'Hi there');

    expectNoRefusals(stack);
    expect(botSaid(stack.mock, roomId)).toEqual([texts.greeting, menuOn(channel, 'en')]);
    expect(holderOf(stack.mock, roomId)).toEqual(withTheBot);
  },
);

it.each(channelsUnderTest)(
  'answers a greeting in Indonesian in Indonesian on $name',
  async (channel) => {
    const stack = await startBotAndMock();

    const roomId = await open(stack, channel, 'Halo, selamat pagi');

    expectNoRefusals(stack);
    expect(botSaid(stack.mock, roomId)).toEqual([texts.greetingIndonesian, menuOn(channel, 'id')]);
  },
);

it.each(channelsUnderTest)('shows the promotions on $name', async (channel) => {
  const stack = await startBotAndMock();

  const roomId = await open(stack, channel, 'Do you have any promotions?');

  expectNoRefusals(stack);
  expect(botSaid(stack.mock, roomId)).toEqual([promotionsOn(channel)]);
  expect(holderOf(stack.mock, roomId)).toEqual(withTheBot);
});

it.each(buttonChannels)(
  'answers the press of a menu button with that option on $name',
  async (channel) => {
    const stack = await startBotAndMock();
    const roomId = await open(stack, channel, 'Hi');

    await write(stack, roomId, { postback: 'Opening hours' });
    await write(stack, roomId, { postback: 'Promotions' });

    expectNoRefusals(stack);
    expect(botSaid(stack.mock, roomId)).toEqual([
      texts.greeting,
      menu.buttons.en,
      texts.openingHours,
      promotionsOn(channel),
    ]);
  },
);

it.each(buttonChannels)(
  'hands the room over when the customer presses the menu’s Talk to a human on $name',
  async (channel) => {
    const stack = await startBotAndMock();
    const roomId = await open(stack, channel, 'Hi');

    await write(stack, roomId, { postback: 'Talk to a human' });

    expectNoRefusals(stack);
    expect(botSaid(stack.mock, roomId)).toEqual([
      texts.greeting,
      menu.buttons.en,
      texts.handOverAsked,
    ]);
    expect(holderOf(stack.mock, roomId)).toEqual(handedOver);
    await expectBotOffForRoom(stack, roomId);
  },
);

it.each(numberedMenuChannels)(
  'answers a menu option chosen by its number on $name',
  async (channel) => {
    const stack = await startBotAndMock();
    const roomId = await open(stack, channel, 'Hi');

    await write(stack, roomId, { text: '3' });
    await write(stack, roomId, { text: '2.' });

    expectNoRefusals(stack);
    expect(botSaid(stack.mock, roomId)).toEqual([
      texts.greeting,
      menu.text.en,
      texts.openingHours,
      promotionsOn(channel),
    ]);
  },
);

it.each(carouselChannels)(
  'takes the order of the plan whose carousel button is pressed on $name',
  async (channel) => {
    const stack = await startBotAndMock();
    const roomId = await open(stack, channel, 'Show me your promotions');

    await write(stack, roomId, { postback: 'Choose Pro' });

    expectNoRefusals(stack);
    expect(botSaid(stack.mock, roomId)).toEqual([promotions.carousel, texts.proChosen]);
  },
);

it.each(listedPromotionChannels)(
  'takes the order of the plan the customer names from the listed promotions on $name',
  async (channel) => {
    const stack = await startBotAndMock();
    const roomId = await open(stack, channel, 'Show me your promotions');

    await write(stack, roomId, { text: 'I choose Pro' });

    expectNoRefusals(stack);
    expect(botSaid(stack.mock, roomId)).toEqual([promotions.text, texts.proChosen]);
  },
);

it.each(
  onEachChannel([
    {
      language: 'English',
      text: 'Can I talk to a real person please?',
      reply: texts.handOverAsked,
    },
    {
      language: 'Indonesian',
      text: 'Saya mau bicara dengan agen',
      reply: texts.handOverAskedIndonesian,
    },
  ]),
)(
  'hands the room over when the customer asks for a human in $language on $channel.name',
  async ({ channel, text, reply }) => {
    const stack = await startBotAndMock();

    const roomId = await open(stack, channel, text);

    expectNoRefusals(stack);
    expect(botSaid(stack.mock, roomId)).toEqual([reply]);
    expect(holderOf(stack.mock, roomId)).toEqual(handedOver);
    await expectBotOffForRoom(stack, roomId);
  },
);

it.each(
  onEachChannel([
    {
      language: 'English',
      text: 'This is the worst service ever, I am very disappointed',
      reply: texts.handOverNegative,
    },
    {
      language: 'Indonesian',
      text: 'Pelayanannya buruk banget, saya kecewa',
      reply: texts.handOverNegativeIndonesian,
    },
  ]),
)(
  'apologises and hands the room over when the customer is unhappy in $language on $channel.name',
  async ({ channel, text, reply }) => {
    const stack = await startBotAndMock();

    const roomId = await open(stack, channel, text);

    expectNoRefusals(stack);
    expect(botSaid(stack.mock, roomId)).toEqual([reply]);
    expect(holderOf(stack.mock, roomId)).toEqual(handedOver);
    await expectBotOffForRoom(stack, roomId);
  },
);

it.each(channelsUnderTest)(
  'hands the room over at the third message in a row it cannot answer, not before, on $name',
  async (channel) => {
    const stack = await startBotAndMock();
    const roomId = await open(stack, channel, 'What is the meaning of life?');
    await write(stack, roomId, { text: 'Do you sell bicycles?' });

    expectNoRefusals(stack);
    expect(botSaid(stack.mock, roomId)).toEqual([texts.fallback, texts.fallback]);
    expect(holderOf(stack.mock, roomId)).toEqual(withTheBot);

    await write(stack, roomId, { text: 'Is it going to rain tomorrow?' });

    expectNoRefusals(stack);
    expect(botSaid(stack.mock, roomId)).toEqual([
      texts.fallback,
      texts.fallback,
      texts.handOverUnanswered,
    ]);
    expect(holderOf(stack.mock, roomId)).toEqual(handedOver);
    await expectBotOffForRoom(stack, roomId);
  },
);

it.each(channelsUnderTest)(
  'gives a billing question to an agent of the billing division on $name',
  async (channel) => {
    const stack = await startBotAndMock();

    const roomId = await open(stack, channel, 'I have a question about my bill');

    expectNoRefusals(stack);
    expect(botSaid(stack.mock, roomId)).toEqual([texts.billing]);
    expect(holderOf(stack.mock, roomId)).toEqual({
      bot_active: false,
      handover: 'assigned',
      role: 'billing',
      division: 'billing',
      agent_divisions: ['billing'],
    });
    await expectBotOffForRoom(stack, roomId);
  },
);

it.each(channelsUnderTest)(
  'hands a billing question to any agent when Auto Agent Allocation is off on $name',
  async (channel) => {
    const stack = await startBotAndMock({ autoAgentAllocation: false });

    const roomId = await open(stack, channel, 'I have a question about my bill');

    expectNoRefusals(stack, { allowed: ['AUTO_AGENT_ALLOCATION_OFF'] });
    expect(botSaid(stack.mock, roomId)).toEqual([texts.billing]);
    expect(holderOf(stack.mock, roomId)).toEqual(handedOver);
    const calls = stack.mock.traffic
      .list()
      .filter((exchange) => exchange.direction === 'from_bot')
      .map((exchange) => [exchange.operation_id, exchange.status]);
    expect(calls).toEqual([
      ['postBotMessage', 200],
      ['handOverToRole', 400],
      ['handOver', 200],
    ]);
    await expectBotOffForRoom(stack, roomId);
  },
);

it.each(channelsUnderTest)('sends the price list as a file on $name', async (channel) => {
  const stack = await startBotAndMock();

  const roomId = await open(stack, channel, 'Can I have your price list?');

  expectNoRefusals(stack);
  expect(botSaid(stack.mock, roomId)).toEqual([priceListOn(channel)]);
});

it.each(channelsUnderTest)('sends the office address as a location on $name', async (channel) => {
  const stack = await startBotAndMock();

  const roomId = await open(stack, channel, 'What is your address?');

  expectNoRefusals(stack);
  expect(botSaid(stack.mock, roomId)).toEqual([officeOn(channel)]);
});

it.each(channelsUnderTest)('thanks the customer for a file they send on $name', async (channel) => {
  const stack = await startBotAndMock();

  const roomId = await open(stack, channel, {
    type: 'file_attachment',
    payload: { url: 'https://files.example.com/receipt.jpg', caption: 'my receipt' },
  });

  expectNoRefusals(stack);
  expect(botSaid(stack.mock, roomId)).toEqual([texts.fileReceived]);
  expect(holderOf(stack.mock, roomId)).toEqual(withTheBot);
});

it.each(channelsUnderTest)(
  'thanks the customer for a location shared without a map link on $name, three times without handing over',
  async (channel) => {
    const stack = await startBotAndMock();
    const shared = { type: 'location', payload: { latitude: -6.2, longitude: 106.8 } } as const;

    const roomId = await open(stack, channel, shared);
    // Twice more: a shared location is not a question the bot missed.
    for (let more = 0; more < 2; more += 1) {
      await stack.mock.customer.say({ room_id: roomId, ...shared }, { wait: true });
      await stack.drain();
    }

    expectNoRefusals(stack);
    expect(botSaid(stack.mock, roomId)).toEqual([
      texts.locationReceived,
      texts.locationReceived,
      texts.locationReceived,
    ]);
    expect(holderOf(stack.mock, roomId)).toEqual(withTheBot);
  },
);
