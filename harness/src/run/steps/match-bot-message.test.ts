import { expect, it } from 'vitest';
import { messageExamples, type RoomMessage } from '#contracts';
import { parseTextPattern, type TextPattern } from '../../script/parse-text-pattern.js';
import { describeExpectation, matchBotMessage } from './match-bot-message.js';
import { describeBotMessage, readBotMessage } from './read-bot-message.js';

function pattern(text: string): TextPattern {
  const parsed = parseTextPattern(text);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.pattern;
}

/** A bot message as the mock keeps it, made from a message the contracts give as an example. */
function stored(message: { type: string; message?: string; payload?: object }): RoomMessage {
  return {
    id: 1,
    sender: 'bot',
    sender_id: 'qiscus-mock-app_admin@qismo.com',
    sender_name: 'Bot',
    type: message.type as RoomMessage['type'],
    text: message.message ?? '',
    payload: (message.payload as Record<string, unknown> | undefined) ?? null,
    created_at: '2026-11-24T02:10:31Z',
    delivery_id: null,
  };
}

it('reads the text, buttons, cards and url a script can expect out of each message type', () => {
  expect(
    [
      messageExamples.text,
      messageExamples.buttons,
      messageExamples.carousel,
      messageExamples.fileAttachment,
      messageExamples.location,
    ].map((message) => describeBotMessage(readBotMessage(stored(message)))),
  ).toMatchInlineSnapshot(`
    [
      "text "Hi Budi, how can I help you today?"",
      "buttons "What do you need help with?" buttons [Billing, Opening hours, Help centre]",
      "carousel cards [Basic plan, Pro plan]",
      "file_attachment "Your invoice for November" https://files.example.com/invoices/INV-2041.pdf",
      "location "Our Jakarta office" https://maps.example.com/?q=-6.2088,106.8456",
    ]
  `);
});

it('matches a message that meets every expectation and names each one it misses', () => {
  const buttons = readBotMessage(stored(messageExamples.buttons));
  const labels = [...buttons.buttons];
  expect(matchBotMessage(buttons, { type: 'buttons', buttons: labels }).ok).toBe(true);
  expect(matchBotMessage(buttons, {}).ok).toBe(true);
  const missed = matchBotMessage(buttons, {
    type: 'text',
    text: pattern('/^Hello/'),
    buttons: labels.slice(1),
    cards: ['Basic'],
    url: pattern('https://example.com'),
  });
  expect(missed.differences).toMatchInlineSnapshot(`
    [
      "its type is buttons, expected text",
      "its text is "What do you need help with?", expected /^Hello/",
      "its buttons are [Billing, Opening hours, Help centre], expected [Opening hours, Help centre]",
      "it has no cards, expected [Basic]",
      "it has no url, expected "https://example.com"",
    ]
  `);
  expect(
    describeExpectation({ type: 'buttons', text: pattern('/menu/i'), buttons: ['Yes', 'No'] }),
  ).toBe('a buttons message with text /menu/i, buttons [Yes, No]');
  expect(describeExpectation({})).toBe('any bot message');
});

it("reads a card's text, buttons and link, and the payload's text when the message has none", () => {
  expect(describeBotMessage(readBotMessage(stored(messageExamples.card)))).toBe(
    'card "Special deal for you" buttons [Buy now] https://shop.example.com/p/router',
  );
  expect(readBotMessage(stored({ ...messageExamples.card, message: '' })).text).toBe(
    'Special deal for you',
  );
  expect(
    readBotMessage(
      stored({
        ...messageExamples.fileAttachment,
        payload: { url: 'https://files.example.com/a.pdf' },
      }),
    ),
  ).toEqual({
    type: 'file_attachment',
    text: '',
    buttons: [],
    cards: [],
    url: 'https://files.example.com/a.pdf',
  });
});

it('reads only the text of a message whose payload does not fit its type', () => {
  expect(
    ['buttons', 'card', 'carousel', 'file_attachment', 'location'].map((type) =>
      describeBotMessage(readBotMessage(stored({ type, message: 'Hi', payload: { x: 1 } }))),
    ),
  ).toEqual([
    'buttons "Hi"',
    'card "Hi"',
    'carousel "Hi"',
    'file_attachment "Hi"',
    'location "Hi"',
  ]);
});

it('tells buttons and cards in another order, or where the message has none, and a url that differs', () => {
  const buttons = readBotMessage(stored(messageExamples.buttons));
  const carousel = readBotMessage(stored(messageExamples.carousel));
  const card = readBotMessage(stored(messageExamples.card));
  expect(
    [
      matchBotMessage(buttons, { buttons: ['Billing', 'Help centre', 'Opening hours'] }),
      matchBotMessage(carousel, { buttons: ['Billing'], cards: ['Pro plan', 'Basic plan'] }),
      matchBotMessage(card, { url: pattern('/checkout/') }),
      matchBotMessage(card, { url: pattern('/shop.example.com/'), buttons: ['Buy now'] }),
      matchBotMessage(carousel, { cards: ['Basic plan', 'Pro plan'] }),
    ].map((match) => match.differences),
  ).toMatchInlineSnapshot(`
    [
      [
        "its buttons are [Billing, Opening hours, Help centre], expected [Billing, Help centre, Opening hours]",
      ],
      [
        "it has no buttons, expected [Billing]",
        "its cards are [Basic plan, Pro plan], expected [Pro plan, Basic plan]",
      ],
      [
        "its url is https://shop.example.com/p/router, expected /checkout/",
      ],
      [],
      [],
    ]
  `);
  expect(
    describeExpectation({ cards: ['Basic plan'], url: pattern('/pricing/') }),
  ).toMatchInlineSnapshot(`"a bot message with cards [Basic plan], url /pricing/"`);
  expect(describeExpectation({ type: 'carousel' })).toBe('a carousel message');
  // A pattern is never tried on a url the message does not have (as the text "null").
  expect(matchBotMessage(buttons, { url: pattern('/l/') }).differences).toEqual([
    'it has no url, expected /l/',
  ]);
});
