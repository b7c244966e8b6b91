import { api } from './api.js';
import { createDeliveryLog } from './delivery-log.js';
import {
  compareItems,
  isRefusal,
  messageItem,
  refusalItem,
  refusalsOf,
  timelineLimit,
} from './timeline.js';

/**
 * The inbox's state, kept equal to the mock's by following `/_mock/events`: the `ready` snapshot
 * starts it afresh (on every connection), each event after it changes it. What the snapshot
 * lacks (the delivery log, the history of the room on screen and its refused bot requests) is
 * fetched from the control API and merged, so an event that overtakes a fetch is not lost.
 *
 * Memory stays bounded on a page left open for days: only the room on screen has a timeline (of
 * at most `timelineLimit` items), and the delivery log keeps the latest `deliveriesKept`.
 *
 * @typedef {import('./timeline.js').TimelineItem} TimelineItem
 * @typedef {'connection' | 'settings' | 'rooms' | 'selected' | 'timeline' | 'deliveries' | 'notice'} Topic
 */

/** How many deliveries the page keeps; the panel shows the latest hundred. */
export const deliveriesKept = 1000;

export function createStore() {
  const state = {
    /** @type {'connecting' | 'live' | 'offline'} */
    connection: 'connecting',
    /** @type {any} */
    settings: null,
    /** @type {Map<string, any>} */
    rooms: new Map(),
    /** @type {string | null} */
    selected: null,
    /** @type {Map<string, Map<string, TimelineItem>>} the room on screen's, while it is loading */
    timelines: new Map(),
    deliveries: createDeliveryLog(deliveriesKept),
    /** @type {{ text: string } | null} */
    notice: null,
    /** Set when the user acted in the room: the conversation then shows its latest message. */
    showLatest: false,
  };
  /** @type {Set<(topic: Topic) => void>} */
  const listeners = new Set();
  // Each connection and each reset starts a generation; what a fetch of an older one brings
  // (or the error it fails with) is dropped.
  let generation = 0;

  /** @type {Set<Topic>} */
  const pending = new Set();
  // Views draw once per frame however many events came in it (a harness run sends thousands).
  const flush = () => {
    const topics = [...pending];
    pending.clear();
    for (const topic of topics) for (const listener of [...listeners]) listener(topic);
  };
  /** @param {Topic[]} topics */
  const changed = (...topics) => {
    if (pending.size === 0) requestAnimationFrame(flush);
    for (const topic of topics) pending.add(topic);
  };

  /** Adds to the room's timeline, if it has one (it is on screen). @param {string} roomId @param {TimelineItem} item */
  const addItem = (roomId, item) => {
    const timeline = state.timelines.get(roomId);
    if (timeline && !timeline.has(item.key)) timeline.set(item.key, item);
  };

  /** @param {string} roomId the id of the room's latest message the page knows */
  const latestMessageId = (roomId) => {
    let latest = 0;
    for (const item of state.timelines.get(roomId)?.values() ?? []) {
      if (item.kind === 'message' && item.id > latest) latest = item.id;
    }
    return latest;
  };

  /** @param {string} roomId @param {any} message */
  const noteLastMessage = (roomId, message) => {
    const room = state.rooms.get(roomId);
    if (!room || (room.last_message && room.last_message.id >= message.id)) return;
    state.rooms.set(roomId, {
      ...room,
      last_message: message,
      updated_at: room.updated_at > message.created_at ? room.updated_at : message.created_at,
    });
  };

  /** @param {unknown} error */
  const notify = (error) => {
    const known = /** @type {{ code?: unknown, message?: unknown }} */ (error);
    const text =
      typeof known.code === 'string'
        ? `${known.code}: ${String(known.message)}`
        : String(known.message ?? error);
    state.notice = { text };
    changed('notice');
  };

  /** A failure of this generation's fetch; an older one's no longer matters. */
  const notifyIfCurrent = (/** @type {number} */ asked) => (/** @type {unknown} */ error) => {
    if (asked === generation) notify(error);
  };

  const fetchDeliveries = () => {
    const asked = generation;
    api.deliveries().then((answer) => {
      if (asked !== generation) return;
      for (const delivery of answer.deliveries) state.deliveries.merge(delivery);
      state.deliveries.trim(state.selected);
      changed('deliveries');
    }, notifyIfCurrent(asked));
  };

  /** Fetches the room's history, refusals and deliveries; events from now on are kept. */
  const loadRoom = (/** @type {string} */ roomId) => {
    if (state.timelines.has(roomId)) return;
    state.timelines.set(roomId, new Map());
    const asked = generation;
    Promise.all([api.getRoom(roomId), api.roomTraffic(roomId), api.deliveries(roomId)]).then(
      ([detail, traffic, deliveries]) => {
        if (asked !== generation || !state.timelines.has(roomId)) return;
        if (!state.rooms.has(roomId)) state.rooms.set(roomId, detail.room);
        for (const message of detail.messages) addItem(roomId, messageItem(message));
        for (const item of refusalsOf(detail.messages, traffic.exchanges)) addItem(roomId, item);
        for (const delivery of deliveries.deliveries) state.deliveries.merge(delivery);
        changed('timeline', 'deliveries');
      },
      (error) => {
        if (asked !== generation) return;
        state.timelines.delete(roomId);
        notify(error);
      },
    );
  };

  /** Forgets rooms, timelines and deliveries; fetches of before are dropped. */
  const startAfresh = () => {
    generation += 1;
    state.timelines = new Map();
    state.deliveries.clear();
  };

  /** @param {any} event one event of `/_mock/events` */
  const apply = (event) => {
    switch (event.type) {
      case 'ready':
        startAfresh();
        state.settings = event.settings;
        state.rooms = new Map(event.rooms.map((/** @type {any} */ room) => [room.room_id, room]));
        if (state.selected !== null && !state.rooms.has(state.selected)) state.selected = null;
        fetchDeliveries();
        if (state.selected !== null) loadRoom(state.selected);
        changed('settings', 'rooms', 'selected', 'timeline', 'deliveries');
        return;
      case 'room':
        state.rooms.set(event.room.room_id, event.room);
        changed('rooms');
        return;
      case 'message':
        addItem(event.room_id, messageItem(event.message));
        noteLastMessage(event.room_id, event.message);
        changed('rooms', 'timeline');
        return;
      case 'delivery':
        state.deliveries.merge(event.delivery);
        state.deliveries.trim(state.selected);
        changed('deliveries');
        return;
      case 'exchange': {
        const roomId = event.exchange.room_id;
        if (!isRefusal(event.exchange) || !state.timelines.has(roomId)) return;
        addItem(roomId, refusalItem(event.exchange, latestMessageId(roomId)));
        changed('timeline');
        return;
      }
      case 'settings':
        state.settings = event.settings;
        changed('settings');
        return;
      case 'rooms_dropped':
        for (const id of event.room_ids) {
          state.rooms.delete(id);
          state.timelines.delete(id);
          if (state.selected === id) state.selected = null;
        }
        notify(new Error(event.reason));
        changed('rooms', 'selected', 'timeline');
        return;
      case 'reset':
        startAfresh();
        state.rooms = new Map();
        state.selected = null;
        changed('rooms', 'selected', 'timeline', 'deliveries');
        return;
      default:
        return;
    }
  };

  return {
    state,
    apply,
    notify,
    /** @param {(topic: Topic) => void} listener */
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    /** @param {'connecting' | 'live' | 'offline'} connection */
    setConnection(connection) {
      state.connection = connection;
      changed('connection');
    },
    /** Shows a room; the timeline of the one shown before is let go. @param {string | null} roomId */
    select(roomId) {
      for (const shown of state.timelines.keys()) {
        if (shown !== roomId) state.timelines.delete(shown);
      }
      state.selected = roomId;
      if (roomId !== null) loadRoom(roomId);
      changed('selected', 'timeline');
    },
    /** The user acted in the room on screen: show its latest message, and what follows. */
    followLatest() {
      state.showLatest = true;
      changed('timeline');
    },
    clearNotice() {
      state.notice = null;
      changed('notice');
    },
    /** @param {string} text shown in the notice bar, as a refusal is */
    tell(text) {
      notify(new Error(text));
    },
    /** @returns {any[]} rooms, latest activity first */
    roomsInOrder() {
      return [...state.rooms.values()].sort((a, b) =>
        a.updated_at === b.updated_at
          ? Number(b.room_id) - Number(a.room_id)
          : a.updated_at < b.updated_at
            ? 1
            : -1,
      );
    },
    /**
     * The room's timeline, oldest first; beyond `timelineLimit` the oldest are let go.
     * @param {string} roomId
     * @returns {TimelineItem[]}
     */
    timeline(roomId) {
      const timeline = state.timelines.get(roomId);
      if (!timeline) return [];
      const items = [...timeline.values()].sort(compareItems);
      for (const dropped of items.splice(0, items.length - timelineLimit)) {
        timeline.delete(dropped.key);
      }
      return items;
    },
    /** @param {string | null} deliveryId */
    deliveryOf(deliveryId) {
      return state.deliveries.fateOf(deliveryId);
    },
    /** Runs a control call; a refusal shows in the notice bar. @param {Promise<unknown>} call */
    async act(call) {
      try {
        const result = await call;
        if (state.notice) this.clearNotice();
        return result;
      } catch (error) {
        notify(error);
        return undefined;
      }
    },
  };
}

/** @typedef {ReturnType<typeof createStore>} Store */
