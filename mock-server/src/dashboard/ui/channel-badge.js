import { h } from './dom.js';

/** What each channel kind (a room's `source`) is called on its badge. */
const badges = {
  qiscus: { text: 'Web', title: 'Qiscus web widget' },
  wa: { text: 'WA', title: 'WhatsApp' },
  ig: { text: 'IG', title: 'Instagram' },
  telegram: { text: 'TG', title: 'Telegram' },
  line: { text: 'LINE', title: 'LINE' },
  fb: { text: 'FB', title: 'Messenger' },
  custom: { text: 'API', title: 'Custom channel' },
};

/**
 * The channel's name for people, e.g. "WhatsApp".
 *
 * @param {any} channel a contracts Channel
 */
export function channelTitle(channel) {
  const known = /** @type {Record<string, { title: string }>} */ (badges)[channel.source];
  return `${known?.title ?? channel.source}${channel.is_on_cloud ? ' (Cloud API)' : ''}`;
}

/**
 * A small coloured badge naming a room's channel.
 *
 * @param {any} channel a contracts Channel
 */
export function channelBadge(channel) {
  const known = /** @type {Record<string, { text: string }>} */ (badges)[channel.source];
  return h(
    'span',
    {
      class: `badge badge-${channel.source}`,
      title: `${channelTitle(channel)}: ${channel.name}`,
      'data-channel': channel.source,
    },
    known?.text ?? channel.source,
  );
}
