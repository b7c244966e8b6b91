import { api } from './api.js';
import { channelBadge, channelTitle } from './channel-badge.js';
import { h, shortTime } from './dom.js';
import { renderMessageBody } from './message-renderers.js';
import { roomDetails } from './room-details.js';
import { roomTags } from './rooms-list.js';
import { saveScriptButton } from './save-script.js';

/**
 * The middle column: the room on screen, its messages as chat bubbles (the customer on the left,
 * the bot and agents on the right), each customer message with what became of its webhook, and
 * the bot's refused requests inline with the mock's error. The composer sits under it.
 *
 * @param {HTMLElement} section
 * @param {import('./store.js').Store} store
 * @param {HTMLElement} composer
 */
export function mountConversation(section, store, composer) {
  const header = h('div', { class: 'conversation-header', 'data-testid': 'conversation-header' });
  const timeline = h('div', { class: 'timeline', 'data-testid': 'timeline' });
  const empty = h(
    'div',
    { class: 'conversation-empty' },
    h('p', null, 'Pick a room on the left, or start a conversation as a customer.'),
    h('p', { class: 'hint' }, 'Everything here follows the mock live: curl, tests and bots alike.'),
  );
  section.replaceChildren(empty, header, timeline, composer);
  /** @type {Map<string, { signature: string, element: HTMLElement }>} */
  let shown = new Map();
  let shownRoom = /** @type {string | null} */ (null);

  const renderHeader = () => {
    const room =
      store.state.selected === null ? undefined : store.state.rooms.get(store.state.selected);
    empty.hidden = room !== undefined;
    header.hidden = timeline.hidden = composer.hidden = room === undefined;
    if (room) header.replaceChildren(...headerContent(room, store));
  };

  const renderTimeline = () => {
    const roomId = store.state.selected;
    if (roomId === null) return;
    const room = store.state.rooms.get(roomId);
    const nearBottom = timeline.scrollHeight - timeline.scrollTop - timeline.clientHeight < 60;
    if (roomId !== shownRoom) shown = new Map();
    /** @type {Map<string, { signature: string, element: HTMLElement }>} */
    const next = new Map();
    for (const item of store.timeline(roomId)) {
      const delivery =
        item.kind === 'message' ? store.deliveryOf(item.message.delivery_id) : undefined;
      const signature = delivery
        ? `${delivery.id}:${delivery.status}:${delivery.attempts.length}`
        : '';
      const known = shown.get(item.key);
      const element =
        known && known.signature === signature
          ? known.element
          : item.kind === 'message'
            ? messageElement(item.message, delivery, room, store)
            : refusalElement(item.exchange);
      next.set(item.key, { signature, element });
    }
    timeline.replaceChildren(
      ...(next.size === 0
        ? [h('p', { class: 'timeline-empty' }, 'No messages kept for this room.')]
        : [...next.values()].map((entry) => entry.element)),
    );
    // A chat follows its latest message, unless someone scrolled up to read; acting shows it.
    if (nearBottom || roomId !== shownRoom || store.state.showLatest) {
      timeline.scrollTop = timeline.scrollHeight;
    }
    store.state.showLatest = false;
    shown = next;
    shownRoom = roomId;
  };

  store.subscribe((topic) => {
    if (topic === 'rooms' || topic === 'selected' || topic === 'settings') renderHeader();
    if (topic === 'timeline' || topic === 'deliveries' || topic === 'selected') renderTimeline();
  });
  renderHeader();
}

/**
 * @param {any} room a contracts MockRoom
 * @param {import('./store.js').Store} store
 */
function headerContent(room, store) {
  const pending = room.handover.status === 'pending';
  return [
    h(
      'div',
      { class: 'who' },
      channelBadge(room.channel),
      h(
        'div',
        null,
        h('div', { class: 'who-name' }, room.customer.name),
        h(
          'div',
          { class: 'who-detail' },
          `${room.customer.id} · ${channelTitle(room.channel)} · room ${room.room_id}`,
        ),
      ),
    ),
    h('div', { class: 'room-tags' }, roomTags(room, store.state.settings)),
    roomDetails(room),
    h(
      'div',
      { class: 'header-actions' },
      h(
        'label',
        { class: 'switch', title: 'Whether the bot gets this room’s webhooks' },
        h('input', {
          type: 'checkbox',
          'data-testid': 'room-bot-switch',
          checked: room.bot_active,
          onchange: (/** @type {Event} */ event) =>
            void store.act(
              api.setRoomBot(room.room_id, /** @type {HTMLInputElement} */ (event.target).checked),
            ),
        }),
        'Bot in this room',
      ),
      pending &&
        h(
          'button',
          {
            type: 'button',
            class: 'primary',
            onclick: () => void store.act(api.acceptHandover(room.room_id)),
          },
          'Accept handover',
        ),
      pending &&
        h(
          'button',
          { type: 'button', onclick: () => void store.act(api.declineHandover(room.room_id)) },
          'Decline',
        ),
      h(
        'button',
        {
          type: 'button',
          'data-testid': 'resolve',
          disabled: room.resolved,
          onclick: () => void store.act(api.resolve(room.room_id)),
        },
        room.resolved ? 'Resolved' : 'Resolve',
      ),
      saveScriptButton(room.room_id, store),
    ),
  ];
}

/** @param {any} message */
const senderLabel = (message) =>
  message.sender === 'agent' ? `${message.sender_name} · agent` : message.sender_name;

/**
 * @param {any} message a contracts RoomMessage
 * @param {any} delivery its webhook delivery, if known
 * @param {any} room
 * @param {import('./store.js').Store} store
 */
function messageElement(message, delivery, room, store) {
  const onPostback =
    message.sender === 'bot' && room
      ? (/** @type {string} */ label) => {
          store.followLatest();
          void store.act(api.customerSays({ room_id: room.room_id, postback: label }));
        }
      : undefined;
  return h(
    'div',
    {
      class: `message from-${message.sender}`,
      'data-message-id': message.id,
      'data-sender': message.sender,
      'data-type': message.type,
    },
    h(
      'div',
      { class: 'message-meta' },
      `${senderLabel(message)} · ${shortTime(message.created_at)}`,
    ),
    h(
      'div',
      { class: `bubble bubble-${message.sender}` },
      renderMessageBody(message, { onPostback }),
    ),
    message.sender === 'customer' && deliveryLine(delivery),
  );
}

/** @param {any} delivery */
function deliveryLine(delivery) {
  if (!delivery) return h('div', { class: 'delivery-line', 'data-status': 'unknown' }, '');
  const last = delivery.attempts[delivery.attempts.length - 1];
  const text = {
    pending: '… sending to the bot',
    delivered: `✓ delivered${last ? ` · ${last.status_code} · ${Math.round(last.latency_ms)} ms` : ''}`,
    failed: `✗ not delivered: ${delivery.reason}`,
    skipped: `– not sent (${delivery.skip_reason ?? 'skipped'})`,
  }[/** @type {'pending' | 'delivered' | 'failed' | 'skipped'} */ (delivery.status)];
  return h(
    'div',
    {
      class: `delivery-line status-${delivery.status}`,
      'data-status': delivery.status,
      'data-testid': 'delivery-status',
      title: `${delivery.id}: ${delivery.reason}`,
    },
    text ?? delivery.status,
  );
}

/**
 * A bot request the mock refused, where it would have appeared, with the mock's error.
 *
 * @param {any} exchange a contracts Exchange (from_bot, status >= 400)
 */
function refusalElement(exchange) {
  const body = exchange.response?.body;
  const errors = body && typeof body === 'object' ? body.errors : undefined;
  const code = typeof errors?.code === 'string' ? errors.code : `HTTP ${exchange.status}`;
  const message =
    typeof errors?.message === 'string' ? errors.message : JSON.stringify(body ?? null);
  const details = Array.isArray(errors?.details) ? errors.details : [];
  const sent = exchange.request?.body;
  const type =
    sent && typeof sent === 'object' && typeof sent.type === 'string' ? sent.type : undefined;
  return h(
    'div',
    { class: 'message from-bot refusal', 'data-testid': 'refusal', 'data-code': code },
    h(
      'div',
      { class: 'message-meta' },
      `Bot request refused · ${exchange.method} ${exchange.path}${type ? ` (${type})` : ''} · ${shortTime(exchange.time)}`,
    ),
    h(
      'div',
      { class: 'bubble bubble-refused' },
      h('div', { class: 'refusal-code' }, `${exchange.status} ${code}`),
      h('p', { class: 'text' }, message),
      details.length > 0 &&
        h(
          'ul',
          { class: 'refusal-details' },
          details.map((/** @type {any} */ detail) =>
            h(
              'li',
              null,
              h('code', null, String(detail.path ?? '')),
              ` ${String(detail.message ?? '')}`,
            ),
          ),
        ),
    ),
  );
}
