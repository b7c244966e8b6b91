/**
 * The webhook deliveries the inbox knows, bounded so a page left open through a long harness run
 * stays small: beyond `limit`, the oldest go first, except those of the room on screen (its
 * messages show their delivery's fate). The whole log stays in `GET /_mock/deliveries`.
 */

/** @param {string} id e.g. dlv_12 */
const numberOf = (id) => Number(id.slice(4));

/** @param {any} delivery how far it got: settled beats pending, then more attempts */
const progress = (delivery) => (delivery.status === 'pending' ? 0 : 1e6) + delivery.attempts.length;

/** @param {number} limit how many deliveries to keep at most */
export function createDeliveryLog(limit) {
  /** @type {Map<string, any>} */
  const byId = new Map();
  /** @type {Map<string, string>} a redelivery's first delivery */
  const firstOf = new Map();
  /** @type {Map<string, string>} a first delivery's latest repeat */
  const latestOf = new Map();

  /** @param {string} id */
  const forget = (id) => {
    byId.delete(id);
    firstOf.delete(id);
    latestOf.delete(id);
  };

  return {
    get size() {
      return byId.size;
    },
    clear() {
      byId.clear();
      firstOf.clear();
      latestOf.clear();
    },
    /**
     * Takes a delivery as logged or updated; an older copy never replaces a newer one.
     * @param {any} delivery a contracts Delivery
     */
    merge(delivery) {
      const known = byId.get(delivery.id);
      if (known && progress(known) > progress(delivery)) return;
      byId.set(delivery.id, delivery);
      if (delivery.redelivery_of === null) return;
      const first = firstOf.get(delivery.redelivery_of) ?? delivery.redelivery_of;
      firstOf.set(delivery.id, first);
      const latest = latestOf.get(first);
      if (!latest || numberOf(latest) <= numberOf(delivery.id)) latestOf.set(first, delivery.id);
    },
    /** Forgets the oldest beyond the limit, but none of `roomId`. @param {string | null} roomId */
    trim(roomId) {
      if (byId.size <= limit) return;
      const oldestFirst = [...byId.values()]
        .filter((delivery) => delivery.room_id !== roomId)
        .sort((a, b) => numberOf(a.id) - numberOf(b.id));
      for (const delivery of oldestFirst.slice(0, byId.size - limit)) forget(delivery.id);
    },
    /**
     * The latest deliveries, newest first.
     * @param {number} count
     * @param {string | null} [roomId] only this room's
     */
    latest(count, roomId = null) {
      return [...byId.values()]
        .filter((delivery) => roomId === null || delivery.room_id === roomId)
        .sort((a, b) => numberOf(b.id) - numberOf(a.id))
        .slice(0, count);
    },
    /**
     * The delivery that tells a customer message's fate: its latest redelivery, if any.
     * @param {string | null} deliveryId
     */
    fateOf(deliveryId) {
      if (deliveryId === null) return undefined;
      return byId.get(latestOf.get(deliveryId) ?? deliveryId) ?? byId.get(deliveryId);
    },
  };
}
