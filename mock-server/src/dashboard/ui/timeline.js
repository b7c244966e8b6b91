/**
 * The timeline of one room: its messages and the bot requests the mock refused in it, in the
 * order they happened, whether they came live or in a fetched history.
 *
 * Timestamps have whole seconds, so a second often holds several items. Message ids increase, so
 * messages are put in order by id; a refusal is put after the latest message the room had when
 * it was refused (its anchor).
 *
 * @typedef {{ kind: 'message', key: string, time: string, anchor: number, id: number, message: any }} MessageItem
 * @typedef {{ kind: 'refusal', key: string, time: string, anchor: number, id: number, exchange: any }} RefusalItem
 * @typedef {MessageItem | RefusalItem} TimelineItem
 */

/** At most this many items per room: the mock itself keeps 1,000 messages a room. */
export const timelineLimit = 1000;

/** @param {TimelineItem} a @param {TimelineItem} b */
export function compareItems(a, b) {
  if (a.time !== b.time) return a.time < b.time ? -1 : 1;
  if (a.anchor !== b.anchor) return a.anchor - b.anchor;
  if (a.kind !== b.kind) return a.kind === 'message' ? -1 : 1;
  return a.id - b.id;
}

/**
 * A bot request the mock refused in a room (a 4xx or 5xx answer to the bot).
 *
 * @param {any} exchange a contracts Exchange
 */
export const isRefusal = (exchange) =>
  exchange.direction === 'from_bot' && exchange.room_id !== null && (exchange.status ?? 0) >= 400;

/** @param {any} message a contracts RoomMessage @returns {MessageItem} */
export const messageItem = (message) => ({
  kind: 'message',
  key: `m${message.id}`,
  time: message.created_at,
  anchor: message.id,
  id: message.id,
  message,
});

/** @param {any} exchange @param {number} anchor @returns {RefusalItem} */
export const refusalItem = (exchange, anchor) => ({
  kind: 'refusal',
  key: `x${exchange.seq}`,
  time: exchange.time,
  anchor,
  id: exchange.seq,
  exchange,
});

/**
 * The id of the message an exchange wrote, when it says: a customer's (`comment_id` of the
 * control call, or the webhook's message), an agent's (the room's last message after it).
 *
 * @param {any} exchange
 * @returns {unknown}
 */
const writtenId = (exchange) =>
  exchange.response?.body?.comment_id ??
  exchange.request?.body?.payload?.message?.id ??
  exchange.response?.body?.messages?.at?.(-1)?.id;

/**
 * The refusals of a fetched history, each anchored to the message before it: the room's traffic
 * names the messages customers and agents wrote, and each accepted bot request is the room's
 * next bot message.
 *
 * @param {any[]} messages the room's messages, oldest first
 * @param {any[]} exchanges the room's traffic, oldest first
 * @returns {RefusalItem[]}
 */
export function refusalsOf(messages, exchanges) {
  const botIds = messages.filter((message) => message.sender === 'bot').map((m) => m.id);
  let botMessages = 0;
  let latest = 0;
  /** @type {RefusalItem[]} */
  const refusals = [];
  for (const exchange of exchanges) {
    if (isRefusal(exchange)) {
      refusals.push(refusalItem(exchange, latest));
    } else if (exchange.direction === 'from_bot' && exchange.operation_id === 'postBotMessage') {
      latest = Math.max(latest, botIds[botMessages] ?? latest);
      botMessages += 1;
    } else {
      const id = writtenId(exchange);
      if (typeof id === 'number') latest = Math.max(latest, id);
    }
  }
  return refusals;
}
