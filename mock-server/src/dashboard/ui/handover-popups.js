import { api } from './api.js';
import { channelBadge, channelTitle } from './channel-badge.js';
import { h, shortTime } from './dom.js';

const storageKey = 'qiscus-mock:show-handover-popups';
/** @type {Set<() => void>} */
const onToggle = new Set();

/** Whether handover requests pop up in this browser (they do unless switched off). */
export function handoverPopupsShown() {
  try {
    return localStorage.getItem(storageKey) !== 'false';
  } catch {
    return true;
  }
}

/**
 * Remembers, in this browser, whether handover requests pop up.
 *
 * @param {boolean} shown
 */
export function showHandoverPopups(shown) {
  try {
    localStorage.setItem(storageKey, String(shown));
  } catch {
    // Storage may be off (a private window); the choice then lasts until the page reloads.
  }
  fallback = shown;
  for (const listener of onToggle) listener();
}

let fallback = true;
const popupsShown = () => handoverPopupsShown() && fallback;

/**
 * The pop-up Qiscus shows when the bot hands a room over: one per pending request, with Accept
 * (an agent takes the room: the least busy, online first) and Decline (the bot has it again).
 * "Later" hides it; the room keeps its "handover pending" tag and the buttons in its header.
 *
 * @param {HTMLElement} container
 * @param {import('./store.js').Store} store
 */
export function mountHandoverPopups(container, store) {
  /** @type {Set<string>} requests put off with "Later" */
  const later = new Set();
  const keyOf = (/** @type {any} */ room) => `${room.room_id}@${room.handover.requested_at}`;

  const render = () => {
    const pending = popupsShown()
      ? store
          .roomsInOrder()
          .filter((room) => room.handover.status === 'pending' && !later.has(keyOf(room)))
      : [];
    container.replaceChildren(...pending.map((room) => popup(room)));
  };

  /** @param {any} room */
  const popup = (room) =>
    h(
      'div',
      {
        class: 'popup',
        role: 'dialog',
        'aria-label': `Handover request from ${room.customer.name}`,
        'data-testid': 'handover-popup',
        'data-room-id': room.room_id,
      },
      h(
        'div',
        { class: 'popup-head' },
        h('strong', null, 'Handover request'),
        h(
          'button',
          {
            type: 'button',
            class: 'close',
            title: 'Later: hide this request',
            'aria-label': 'Later',
            onclick: () => {
              later.add(keyOf(room));
              render();
            },
          },
          '×',
        ),
      ),
      h(
        'p',
        null,
        channelBadge(room.channel),
        ` The bot asks for a human agent for ${room.customer.name} on ${channelTitle(room.channel)}`,
        room.handover.requested_at ? ` (${shortTime(room.handover.requested_at)}).` : '.',
      ),
      room.last_message && h('p', { class: 'popup-quote' }, `“${room.last_message.text}”`),
      h(
        'div',
        { class: 'popup-actions' },
        h(
          'button',
          { type: 'button', class: 'link-button', onclick: () => store.select(room.room_id) },
          'Open room',
        ),
        h(
          'button',
          {
            type: 'button',
            'data-testid': 'handover-decline',
            onclick: () => void store.act(api.declineHandover(room.room_id)),
          },
          'Decline',
        ),
        h(
          'button',
          {
            type: 'button',
            class: 'primary',
            'data-testid': 'handover-accept',
            onclick: async () => {
              if ((await store.act(api.acceptHandover(room.room_id))) !== undefined) {
                store.select(room.room_id);
                store.followLatest();
              }
            },
          },
          'Accept',
        ),
      ),
    );

  store.subscribe((topic) => {
    if (topic === 'rooms') render();
  });
  onToggle.add(render);
  render();
}
