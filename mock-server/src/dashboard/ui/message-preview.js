/**
 * One line saying what a message is, for the rooms list: its text, or what kind of rich message
 * it is when it has none.
 *
 * @param {any} message a contracts RoomMessage
 */
export function messagePreview(message) {
  const payload = message.payload ?? {};
  const who = message.sender === 'customer' ? '' : message.sender === 'bot' ? 'Bot: ' : 'Agent: ';
  return `${who}${describe(message.type, message.text, payload)}`;
}

/**
 * @param {string} type
 * @param {string} text
 * @param {any} payload
 */
function describe(type, text, payload) {
  switch (type) {
    case 'buttons':
      return `${payload.text || text || 'Buttons'} [${count(payload.buttons, 'button')}]`;
    case 'carousel':
      return `Carousel of ${count(payload.cards, 'card')}`;
    case 'card':
      return `Card: ${payload.title ?? text}`;
    case 'file_attachment':
      return `File: ${text || payload.caption || payload.file_name || payload.url || ''}`;
    case 'location':
      return `Location: ${payload.name || payload.address || `${payload.latitude}, ${payload.longitude}`}`;
    case 'custom':
      return `Custom message (${payload.type ?? 'no type'})`;
    default:
      return text || type;
  }
}

/** "1 card", "3 cards". @param {unknown[] | undefined} items @param {string} noun */
function count(items, noun) {
  const n = items?.length ?? 0;
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
