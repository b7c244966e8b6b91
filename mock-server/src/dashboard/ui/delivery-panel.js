import { api } from './api.js';
import { channelBadge } from './channel-badge.js';
import { h, shortTime } from './dom.js';
import { webhookLabel } from './room-details.js';

// The panel shows the latest ones; the whole log stays in GET /_mock/deliveries.
const shownAtMost = 100;

/**
 * The delivery log: every webhook the mock sent (or skipped) to the bot, newest first, with its
 * status, latency, the start of the bot's answer and a Redeliver button.
 *
 * @param {HTMLElement} panel
 * @param {import('./store.js').Store} store
 */
export function mountDeliveryPanel(panel, store) {
  const onlyRoom = /** @type {HTMLInputElement} */ (
    h('input', { type: 'checkbox', 'data-testid': 'deliveries-this-room' })
  );
  const list = h('ul', { class: 'deliveries' });
  panel.replaceChildren(
    h(
      'div',
      { class: 'panel-head' },
      h('h2', null, 'Delivery log'),
      h('label', { class: 'inline' }, onlyRoom, 'this room only'),
    ),
    list,
  );

  const render = () => {
    const latest = store.state.deliveries.latest(
      shownAtMost,
      onlyRoom.checked ? (store.state.selected ?? '') : null,
    );
    list.replaceChildren(
      ...(latest.length === 0
        ? [h('li', { class: 'panel-empty' }, 'No webhooks yet.')]
        : latest.map((delivery) => deliveryItem(delivery, store))),
    );
  };
  onlyRoom.addEventListener('change', render);
  store.subscribe((topic) => {
    if (topic === 'deliveries' || topic === 'selected' || (topic === 'rooms' && onlyRoom.checked)) {
      render();
    }
  });
  render();
}

/**
 * @param {any} delivery a contracts Delivery
 * @param {import('./store.js').Store} store
 */
function deliveryItem(delivery, store) {
  const last = delivery.attempts[delivery.attempts.length - 1];
  const room = store.state.rooms.get(delivery.room_id);
  const answer = last ? (last.error ?? last.response_head) : '';
  return h(
    'li',
    {
      class: `delivery status-${delivery.status}`,
      'data-delivery-id': delivery.id,
      'data-status': delivery.status,
    },
    h(
      'div',
      { class: 'delivery-top' },
      h('span', { class: `status-pill status-${delivery.status}` }, delivery.status),
      h('span', { class: 'delivery-id' }, delivery.id),
      webhookLabel(delivery.webhook),
      room && channelBadge(room.channel),
      h(
        'button',
        {
          type: 'button',
          class: 'link-button',
          title: `Open room ${delivery.room_id}`,
          onclick: () => store.select(delivery.room_id),
        },
        room ? room.customer.name : `room ${delivery.room_id}`,
      ),
      h('span', { class: 'delivery-time' }, shortTime(delivery.created_at)),
    ),
    h(
      'div',
      { class: 'delivery-facts' },
      last
        ? `${last.status_code ?? 'no answer'} · ${Math.round(last.latency_ms)} ms · ${delivery.attempts.length} ${delivery.attempts.length === 1 ? 'attempt' : 'attempts'}`
        : (delivery.skip_reason ?? 'not tried yet'),
      delivery.redelivery_of && ` · repeats ${delivery.redelivery_of}`,
      delivery.next_retry_at && ` · next retry ${shortTime(delivery.next_retry_at)}`,
    ),
    h('div', { class: 'delivery-reason' }, delivery.reason),
    answer &&
      h('pre', { class: 'response-head', 'data-testid': 'response-head' }, answer.slice(0, 240)),
    h(
      'button',
      {
        type: 'button',
        class: 'small',
        'data-testid': 'redeliver',
        disabled: delivery.status === 'pending',
        title: 'Send the same webhook to the bot URL set now, as a new delivery',
        onclick: () => void store.act(api.redeliver(delivery.id)),
      },
      'Redeliver',
    ),
  );
}
