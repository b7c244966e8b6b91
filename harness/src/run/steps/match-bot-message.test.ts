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
