import { h } from './dom.js';

/**
 * What the admin API keeps about the room on screen: the agent who has it, the tags the bot or
 * an agent put on it (`room_tag/create`) and the customer's additional info (`user_info`).
 *
 * @param {any} room a contracts MockRoom
 */
export function roomDetails(room) {
  // The agent's name is in the room's tags above; here, who exactly it is.
  const agent = room.agent
    ? `agent ${room.agent.id} · ${room.agent.email}${room.agent.is_available ? '' : ' · offline'}`
    : room.division
      ? `waiting for ${room.division}`
      : 'none';
  return h(
    'dl',
    { class: 'room-details', 'data-testid': 'room-details' },
    h('dt', null, 'Agent'),
    h('dd', { 'data-testid': 'room-agent' }, agent),
    h('dt', null, 'Tags'),
    h(
      'dd',
      { 'data-testid': 'room-qiscus-tags' },
      ...(room.tags.length === 0
        ? ['none']
        : room.tags.map((/** @type {{ name: string }} */ tag) =>
            h('span', { class: 'tag tag-qiscus', 'data-tag': tag.name }, tag.name),
          )),
    ),
    h('dt', null, 'Customer info'),
    h(
      'dd',
      { 'data-testid': 'room-user-info' },
      ...(room.user_properties.length === 0
        ? ['none']
        : room.user_properties.map((/** @type {{ key: string, value: string }} */ property) =>
            h(
              'span',
              { class: 'user-property', 'data-key': property.key },
              h('b', null, `${property.key}:`),
              ` ${property.value}`,
            ),
          )),
    ),
  );
}

/** The webhooks of the catalogue, as the delivery log names them. */
const webhookNames = /** @type {Record<string, string>} */ ({
  botMessage: 'bot',
  newSession: 'new session',
  customAgentAllocation: 'agent allocation',
  markAsResolved: 'resolved',
});

/**
 * Which webhook a delivery was, as a small label.
 *
 * @param {string} webhook the catalogue id, e.g. markAsResolved
 */
export function webhookLabel(webhook) {
  return h(
    'span',
    {
      class: `webhook-label webhook-${webhook}`,
      'data-testid': 'delivery-webhook',
      title: `The ${webhook} webhook`,
    },
    webhookNames[webhook] ?? webhook,
  );
}
