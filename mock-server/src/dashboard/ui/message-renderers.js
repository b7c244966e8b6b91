import { externalLink, h, picture, webUrl } from './dom.js';
import { icon } from './icons.js';
import { linkedText } from './linked-text.js';

/**
 * How each message type looks in the conversation, as a chat app shows it: text, pictures and
 * files, buttons (postback and link), carousel cards, a card, a location, custom JSON.
 *
 * @typedef {{ onPostback?: ((label: string) => void) | undefined }} RenderOptions
 *   onPostback: pressing a postback button (only the bot's messages have pressable buttons)
 */

const imageExtensions = /\.(png|jpe?g|gif|webp|avif|svg)$/i;

/**
 * The body of a message bubble.
 *
 * @param {any} message a contracts RoomMessage
 * @param {RenderOptions} options
 * @returns {Array<Node | null | undefined | false | ''>} what h() takes as children
 */
export function renderMessageBody(message, options) {
  const payload = message.payload ?? {};
  switch (message.type) {
    case 'text':
      return [paragraph(message.text)];
    case 'file_attachment':
      return renderFile(message.text, payload);
    case 'buttons':
      return [
        paragraph(payload.text || message.text),
        buttonRow(payload.buttons ?? [], options, 'buttons'),
      ];
    case 'carousel':
      return [
        message.text ? paragraph(message.text) : null,
        h(
          'div',
          { class: 'carousel', 'data-testid': 'carousel' },
          (payload.cards ?? []).map((/** @type {any} */ card) =>
            h(
              'div',
              { class: 'carousel-card' },
              picture(card.image, card.title ?? '', 'card-image'),
              h('div', { class: 'card-title' }, card.title ?? ''),
              card.description && h('div', { class: 'card-description' }, card.description),
              buttonRow(card.buttons ?? [], options, 'card-buttons'),
            ),
          ),
        ),
      ];
    case 'card':
      return [
        payload.text || message.text ? paragraph(payload.text || message.text) : null,
        h(
          'div',
          { class: 'single-card', 'data-testid': 'card' },
          picture(payload.image, payload.title ?? '', 'card-image'),
          h('div', { class: 'card-title' }, payload.title ?? ''),
          payload.description && h('div', { class: 'card-description' }, payload.description),
          payload.url && externalLink(payload.url, hostOf(payload.url), { class: 'card-url' }),
          buttonRow(payload.buttons ?? [], options, 'card-buttons'),
        ),
      ];
    case 'location':
      return [
        message.text && message.text !== payload.name ? paragraph(message.text) : null,
        h(
          'div',
          { class: 'location', 'data-testid': 'location' },
          icon('pin', 'location-pin'),
          h(
            'div',
            null,
            h('div', { class: 'card-title' }, payload.name || 'Shared location'),
            payload.address && h('div', { class: 'card-description' }, payload.address),
            h('div', { class: 'coordinates' }, `${payload.latitude}, ${payload.longitude}`),
            mapUrlOf(payload) &&
              externalLink(mapUrlOf(payload), 'Open map ↗', {
                class: 'map-link',
                'data-testid': 'map-link',
              }),
          ),
        ),
      ];
    case 'custom':
      return [
        message.text ? paragraph(message.text) : null,
        h('div', { class: 'custom-type' }, `custom · ${String(payload.type ?? '')}`),
        h('pre', { class: 'json' }, JSON.stringify(payload.content, null, 2) ?? ''),
      ];
    default:
      return [
        paragraph(message.text || message.type),
        message.payload && h('pre', { class: 'json' }, JSON.stringify(message.payload, null, 2)),
      ];
  }
}

/** @param {string} text */
function paragraph(text) {
  return h('p', { class: 'text' }, linkedText(text));
}

/**
 * Where to see a location on a map: the link the message gives, or one made of its coordinates
 * (a customer's phone often sends only those).
 *
 * @param {any} payload a location payload
 */
function mapUrlOf(payload) {
  if (webUrl(payload.map_url)) return payload.map_url;
  const { latitude, longitude } = payload;
  if (typeof latitude !== 'number' || typeof longitude !== 'number') return undefined;
  return `https://www.openstreetmap.org/?mlat=${latitude}&mlon=${longitude}#map=16/${latitude}/${longitude}`;
}

/** @param {string} url */
function hostOf(url) {
  const href = webUrl(url);
  return href ? new URL(href).host : url;
}

/**
 * @param {string} text
 * @param {any} payload
 */
function renderFile(text, payload) {
  const url = webUrl(payload.url);
  const name = payload.file_name || (url ? new URL(url).pathname.split('/').pop() : '') || 'file';
  const caption = text || payload.caption;
  if (url && imageExtensions.test(new URL(url).pathname)) {
    return [
      h(
        'a',
        { href: url, target: '_blank', rel: 'noopener noreferrer', class: 'image-link' },
        picture(url, caption || name, 'attachment-image'),
      ),
      caption ? paragraph(caption) : null,
    ];
  }
  const details = [
    typeof payload.size === 'number' && payload.size > 0 ? formatSize(payload.size) : null,
    typeof payload.pages === 'number' && payload.pages > 0 ? `${payload.pages} pages` : null,
  ].filter(Boolean);
  return [
    h(
      'div',
      { class: 'file', 'data-testid': 'file' },
      icon('file', 'file-icon'),
      h(
        'div',
        null,
        externalLink(payload.url, name, { class: 'file-name' }),
        details.length > 0 && h('div', { class: 'card-description' }, details.join(' · ')),
      ),
    ),
    caption ? paragraph(caption) : null,
  ];
}

/** @param {number} bytes */
function formatSize(bytes) {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * Postback buttons send their label back as the customer's press; link buttons open their page.
 *
 * @param {any[]} buttons
 * @param {RenderOptions} options
 * @param {string} className
 */
function buttonRow(buttons, options, className) {
  return h(
    'div',
    { class: `chat-buttons ${className}` },
    buttons.map((button) => {
      if (button.type === 'link') {
        return externalLink(button.payload?.url, `${button.label} ↗`, {
          class: 'chat-button chat-link',
          title: String(button.payload?.url ?? ''),
        });
      }
      const press = options.onPostback;
      return h(
        'button',
        {
          type: 'button',
          class: 'chat-button',
          'data-postback': button.label,
          title: `Sends "${button.postback_text || button.label}" as the customer`,
          disabled: !press,
          onclick: press ? () => press(button.label) : undefined,
        },
        button.label,
      );
    }),
  );
}
