import type { RoomMessage } from '#contracts';
import type { MockServer } from '#mock-server';

function textOf(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function fieldOf(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null
    ? (value as Record<string, unknown>)[key]
    : undefined;
}

function listOf(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? (value as unknown[]) : [];
}

function labelsOf(buttons: unknown): string {
  return listOf(buttons)
    .map((button) => textOf(fieldOf(button, 'label')))
    .join(', ');
}

/**
 * One line per message, its type first, with what a customer would see of it: the text; a
 * buttons message's question and labels; a carousel's card titles and their labels; a file's
 * caption and link; a location's name, address and coordinates.
 */
export function describeMessage(message: RoomMessage): string {
  const { payload } = message;
  switch (message.type) {
    case 'buttons':
      return `buttons: ${textOf(fieldOf(payload, 'text'))} [${labelsOf(fieldOf(payload, 'buttons'))}]`;
    case 'carousel':
      return `carousel: ${listOf(fieldOf(payload, 'cards'))
        .map((card) => `${textOf(fieldOf(card, 'title'))} [${labelsOf(fieldOf(card, 'buttons'))}]`)
        .join(' | ')}`;
    case 'file_attachment':
      return `file_attachment: ${message.text} ${textOf(fieldOf(payload, 'url'))}`;
    case 'location':
      return `location: ${message.text}: ${textOf(fieldOf(payload, 'address'))} (${textOf(fieldOf(payload, 'latitude'))}, ${textOf(fieldOf(payload, 'longitude'))})`;
    default:
      return `${message.type}: ${message.text}`;
  }
}

/** What the bot has said in a room so far, one line per message (see `describeMessage`). */
export function botSaid(mock: MockServer, roomId: string): string[] {
  return (mock.rooms.get(roomId)?.messages ?? [])
    .filter((message) => message.sender === 'bot')
    .map(describeMessage);
}
