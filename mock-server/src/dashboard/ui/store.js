import { api } from './api.js';

/**
 * The inbox's state, kept equal to the mock's by following `/_mock/events`: the `ready` snapshot
 * starts it afresh (on every connection), each event after it changes it. What the snapshot
 * lacks (the delivery log, the history of the room on screen and its refused bot requests) is
 * fetched from the control API and merged, so an event that overtakes a fetch is not lost.
 *
 * @typedef {{ kind: 'message', key: string, time: string, order: number, id: number, message: any }} MessageItem
 * @typedef {{ kind: 'refusal', key: string, time: string, order: number, id: number, exchange: any }} RefusalItem
 * @typedef {MessageItem | RefusalItem} TimelineItem
 * @typedef {'connection' | 'settings' | 'rooms' | 'selected' | 'timeline' | 'deliveries' | 'notice'} Topic
 */

/** @param {any} delivery how far it got: settled beats pending, then more attempts */
const progress = (delivery) => (delivery.status === 'pending' ? 0 : 1e6) + delivery.attempts.length;

/** @param {TimelineItem} a @param {TimelineItem} b */
function timelineOrder(a, b) {
  if (a.time !== b.time) return a.time < b.time ? -1 : 1;
  if (a.order !== b.order) return a.order - b.order;
  if (a.kind !== b.kind) return a.kind === 'message' ? -1 : 1;
  return a.id - b.id;
}

/** @param {any} exchange */
const isRefusal = (exchange) =>
  exchange.direction === 'from_bot' && exchange.room_id !== null && (exchange.status ?? 0) >= 400;

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
    /** @type {Map<string, Map<string, TimelineItem>>} */
    timelines: new Map(),
    /** @type {Map<string, any>} */
    deliveries: new Map(),
    /** @type {Map<string, string>} a redelivery's first delivery */
    firstOf: new Map(),
    /** @type {Map<string, string>} a first delivery's latest repeat */
    latestOf: new Map(),
    /** @type {{ text: string } | null} */
    notice: null,
  };
  /** @type {Set<(topic: Topic) => void>} */
  const listeners = new Set();
  /** @type {Set<string>} rooms whose history was fetched on this connection */
  const loaded = new Set();
  let generation = 0;

  /** @type {Set<Topic>} */
  const pending = new Set();
  // Views draw once per frame however many events came in it (a harness run sends thousands).
  const flush = () => {
    const topics = [...pending];
    pending.clear();
    for (const topic of topics) for (const listener of [...listeners]) listener(topic);
  };
  /** @param {Topic} topic */
  const changed = (topic) => {
    if (pending.size === 0) requestAnimationFrame(flush);
    pending.add(topic);
  };

  /** @param {string} roomId */
  const timelineOf = (roomId) => {
    let timeline = state.timelines.get(roomId);
    if (!timeline) {
      timeline = new Map();
      state.timelines.set(roomId, timeline);
    }
    return timeline;
  };

  /** @param {string} roomId @param {any} message @param {number} order */
  const addMessage = (roomId, message, order) => {
    const timeline = timelineOf(roomId);
    const key = `m${message.id}`;
    if (timeline.has(key)) return;
    timeline.set(key, {
      kind: 'message',
      key,
      time: message.created_at,
      order,
      id: message.id,
      message,
    });
  };

  /** @param {any} exchange @param {number} order */
  const addRefusal = (exchange, order) => {
    const timeline = timelineOf(exchange.room_id);
    const key = `x${exchange.seq}`;
    if (timeline.has(key)) return;
    timeline.set(key, {
      kind: 'refusal',
      key,
      time: exchange.time,
      order,
      id: exchange.seq,
      exchange,
    });
  };

  /** @param {any} delivery */
  const mergeDelivery = (delivery) => {
    const known = state.deliveries.get(delivery.id);
    if (known && progress(known) > progress(delivery)) return;
    state.deliveries.set(delivery.id, delivery);
    if (delivery.redelivery_of !== null) {
      const first = state.firstOf.get(delivery.redelivery_of) ?? delivery.redelivery_of;
      state.firstOf.set(delivery.id, first);
      const latest = state.latestOf.get(first);
      if (!latest || Number(latest.slice(4)) <= Number(delivery.id.slice(4))) {
        state.latestOf.set(first, delivery.id);
      }
    }
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

  /** Fetches what the snapshot lacks, for this connection only. */
  const fetchDeliveries = () => {
    const asked = generation;
    api.deliveries().then((answer) => {
      if (asked !== generation) return;
      for (const delivery of answer.deliveries) mergeDelivery(delivery);
      changed('deliveries');
    }, notify);
  };

  /** @param {string} roomId */
  const loadRoom = (roomId) => {
    if (loaded.has(roomId)) return;
    loaded.add(roomId);
    const asked = generation;
    Promise.all([api.getRoom(roomId), api.roomRefusals(roomId)]).then(
      ([detail, traffic]) => {
        if (asked !== generation) return;
        if (!state.rooms.has(roomId)) state.rooms.set(roomId, detail.room);
        for (const message of detail.messages) addMessage(roomId, message, 0);
        for (const exchange of traffic.exchanges) if (isRefusal(exchange)) addRefusal(exchange, 0);
        changed('timeline');
      },
      (error) => {
        loaded.delete(roomId);
        notify(error);
      },
    );
  };

  /** @param {any} event one event of `/_mock/events` */
  const apply = (event) => {
    switch (event.type) {
      case 'ready':
        generation += 1;
        loaded.clear();
        state.settings = event.settings;
        state.rooms = new Map(event.rooms.map((/** @type {any} */ room) => [room.room_id, room]));
        state.timelines = new Map();
        state.deliveries = new Map();
        state.firstOf = new Map();
        state.latestOf = new Map();
        if (state.selected !== null && !state.rooms.has(state.selected)) state.selected = null;
        fetchDeliveries();
        if (state.selected !== null) loadRoom(state.selected);
        for (const topic of /** @type {Topic[]} */ ([
          'settings',
          'rooms',
          'selected',
          'timeline',
          'deliveries',
        ])) {
          changed(topic);
        }
        return;
      case 'room':
        state.rooms.set(event.room.room_id, event.room);
        changed('rooms');
        return;
      case 'message':
        addMessage(event.room_id, event.message, event.seq);
        noteLastMessage(event.room_id, event.message);
        changed('rooms');
        changed('timeline');
        return;
      case 'delivery':
        mergeDelivery(event.delivery);
        changed('deliveries');
        return;
      case 'exchange':
        if (!isRefusal(event.exchange)) return;
        addRefusal(event.exchange, event.seq);
        changed('timeline');
        return;
      case 'settings':
        state.settings = event.settings;
        changed('settings');
        return;
      case 'reset':
        loaded.clear();
        state.rooms = new Map();
        state.timelines = new Map();
        state.deliveries = new Map();
        state.firstOf = new Map();
        state.latestOf = new Map();
        state.selected = null;
        for (const topic of /** @type {Topic[]} */ ([
          'rooms',
          'selected',
          'timeline',
          'deliveries',
        ])) {
          changed(topic);
        }
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
    /** @param {string | null} roomId */
    select(roomId) {
      state.selected = roomId;
      if (roomId !== null) loadRoom(roomId);
      changed('selected');
      changed('timeline');
    },
    clearNotice() {
      state.notice = null;
      changed('notice');
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
    /** @param {string} roomId @returns {TimelineItem[]} */
    timeline(roomId) {
      return [...(state.timelines.get(roomId)?.values() ?? [])].sort(timelineOrder);
    },
    /**
     * The delivery that tells a customer message's fate: its latest redelivery, if any.
     * @param {string | null} deliveryId
     */
    deliveryOf(deliveryId) {
      if (deliveryId === null) return undefined;
      return state.deliveries.get(state.latestOf.get(deliveryId) ?? deliveryId);
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
