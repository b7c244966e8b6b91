import { channelBadge } from './channel-badge.js';
import { h, shortTime } from './dom.js';
import { messagePreview } from './message-preview.js';

// Beyond this many, the list says how many more there are; the filter finds them.
const shownAtMost = 200;

/**
 * The left column: every room, latest activity first, with its channel, customer, last message
 * and where it stands (bot on or off, handover pending, agent and division, resolved). A filter
 * above it narrows the rooms by customer, room id or channel.
 *
 * @param {HTMLElement} list
 * @param {import('./store.js').Store} store
 */
export function mountRoomsList(list, store) {
  const filter = /** @type {HTMLInputElement} */ (
    h('input', {
      type: 'search',
      class: 'rooms-filter',
      placeholder: 'Filter rooms: name, id, channel',
      'aria-label': 'Filter rooms',
      'data-testid': 'rooms-filter',
    })
  );
  list.before(filter);
  const render = () => {
    const wanted = filter.value.trim().toLowerCase();
    const all = store.roomsInOrder();
    const rooms = wanted === '' ? all : all.filter((room) => roomText(room).includes(wanted));
    filter.hidden = all.length < 2 && wanted === '';
    list.replaceChildren(
      ...(all.length === 0
        ? [h('li', { class: 'rooms-empty' }, 'No rooms yet: start a conversation above.')]
        : rooms.length === 0
          ? [h('li', { class: 'rooms-empty' }, `No room matches “${filter.value.trim()}”.`)]
          : rooms
              .slice(0, shownAtMost)
              .map((room) => roomItem(room, room.room_id === store.state.selected, store))),
      ...(rooms.length > shownAtMost
        ? [
            h(
              'li',
              { class: 'rooms-more' },
              `${rooms.length - shownAtMost} more rooms: filter to find one.`,
            ),
          ]
        : []),
    );
  };
  filter.addEventListener('input', render);
  store.subscribe((topic) => {
    if (topic === 'rooms' || topic === 'selected' || topic === 'settings') render();
  });
  render();
}

/** What the filter looks in. @param {any} room */
const roomText = (room) =>
  [room.customer.name, room.customer.id, room.room_id, room.channel.source, room.channel.name]
    .join(' ')
    .toLowerCase();

/**
 * @param {any} room a contracts MockRoom
 * @param {boolean} selected
 * @param {import('./store.js').Store} store
 */
function roomItem(room, selected, store) {
  return h(
    'li',
    { class: selected ? 'room selected' : 'room', 'data-room-id': room.room_id },
    h(
      'button',
      {
        type: 'button',
        class: 'room-button',
        'aria-current': selected ? 'true' : false,
        onclick: () => store.select(room.room_id),
      },
      h(
        'div',
        { class: 'room-top' },
        channelBadge(room.channel),
        h('span', { class: 'room-name' }, room.customer.name),
        h('span', { class: 'room-time' }, shortTime(room.updated_at)),
      ),
      h(
        'div',
        { class: 'room-preview' },
        room.last_message ? messagePreview(room.last_message) : 'No messages',
      ),
      h('div', { class: 'room-tags' }, roomTags(room, store.state.settings)),
    ),
  );
}

/**
 * The small tags under a room: who has it and what waits. With the bot switched off for the whole
 * app, a room whose own switch is on still gets no webhook, and says so.
 *
 * @param {any} room a contracts MockRoom
 * @param {any} settings the mock's settings, once known
 */
export function roomTags(room, settings) {
  const appBotOff = settings?.bot_enabled === false;
  return [
    room.resolved
      ? h('span', { class: 'tag tag-resolved' }, 'resolved')
      : h(
          'span',
          {
            class: room.bot_active && !appBotOff ? 'tag tag-bot-on' : 'tag tag-bot-off',
            'data-testid': 'bot-tag',
            title: appBotOff && room.bot_active ? 'The bot is off for the whole app' : false,
          },
          room.bot_active ? (appBotOff ? 'bot off (app)' : 'bot on') : 'bot off',
        ),
    room.handover.status === 'pending' &&
      h(
        'span',
        { class: 'tag tag-pending', 'data-testid': 'handover-pending' },
        'handover pending',
      ),
    room.agent &&
      h(
        'span',
        { class: 'tag tag-agent' },
        room.division ? `${room.agent.name} · ${room.division}` : room.agent.name,
      ),
    !room.agent && room.division && h('span', { class: 'tag tag-agent' }, room.division),
  ];
}
