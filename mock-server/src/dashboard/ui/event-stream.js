import { adminToken } from './api.js';
/**
 * Follows `/_mock/events` and hands every event to the store. When the stream drops (the mock
 * restarted, the laptop slept) it connects again, sooner first, and the new `ready` snapshot
 * starts the state afresh.
 *
 * @param {import('./store.js').Store} store
 */
export function followEvents(store) {
  const token = adminToken === null ? '' : `?token=${encodeURIComponent(adminToken)}`;
  const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/_mock/events${token}`;
  let delay = 250;

  const connect = () => {
    store.setConnection('connecting');
    const socket = new WebSocket(url);
    socket.addEventListener('open', () => {
      delay = 250;
    });
    socket.addEventListener('message', (message) => {
      /** @type {unknown} */
      let event;
      try {
        event = JSON.parse(String(message.data));
      } catch {
        store.notify(new Error('The event stream sent something that is not JSON.'));
        return;
      }
      store.apply(event);
      // Live once the snapshot is in: what the page shows is then what the mock has.
      if (/** @type {{ type?: unknown }} */ (event).type === 'ready') store.setConnection('live');
    });
    socket.addEventListener('close', () => {
      store.setConnection('offline');
      setTimeout(connect, delay);
      delay = Math.min(delay * 2, 4000);
    });
  };
  connect();
}
