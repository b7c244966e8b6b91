/**
 * Builds DOM elements. Text only ever goes in as text nodes and attributes are set one by one,
 * so nothing a customer or a bot wrote can become markup.
 *
 * @param {string} tag
 * @param {Record<string, unknown> | null} [props] attributes; `on…` functions become listeners,
 *   `false`, `null` and `undefined` leave the attribute out
 * @param {...(Node | string | number | null | undefined | false | Array<Node | string | null | undefined | false>)} children
 * @returns {HTMLElement}
 */
export function h(tag, props, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(props ?? {})) {
    if (value === false || value === null || value === undefined) continue;
    if (name.startsWith('on') && typeof value === 'function') {
      element.addEventListener(name.slice(2), /** @type {EventListener} */ (value));
    } else if (name === 'value' && 'value' in element) {
      /** @type {HTMLInputElement} */ (element).value = String(value);
    } else if (name === 'checked' || name === 'selected' || name === 'disabled') {
      element.toggleAttribute(name, Boolean(value));
      if (name in element) {
        /** @type {Record<string, unknown>} */ (/** @type {unknown} */ (element))[name] =
          Boolean(value);
      }
    } else {
      element.setAttribute(name, value === true ? '' : String(value));
    }
  }
  append(element, children);
  return element;
}

/**
 * @param {Node} parent
 * @param {unknown[]} children
 */
function append(parent, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(parent, child);
    else parent.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/**
 * The URL when it is a web address a page may open or load, otherwise undefined: a bot's
 * `javascript:` link never becomes a link here.
 *
 * @param {unknown} url
 * @returns {string | undefined}
 */
export function webUrl(url) {
  if (typeof url !== 'string') return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A link that opens in a new tab and tells the page nothing about the inbox; plain text when the
 * URL is not a web address.
 *
 * @param {unknown} url
 * @param {string} text
 * @param {Record<string, unknown>} [props]
 */
export function externalLink(url, text, props = {}) {
  const href = webUrl(url);
  if (!href) return h('span', { ...props, class: `${String(props.class ?? '')} dead-link` }, text);
  return h('a', { ...props, href, target: '_blank', rel: 'noopener noreferrer' }, text);
}

/**
 * A picture from the web; when it cannot load (the mock runs offline) a framed stand-in names it.
 *
 * @param {unknown} url
 * @param {string} alt
 * @param {string} className
 */
export function picture(url, alt, className) {
  const src = webUrl(url);
  const name = src ? (new URL(src).pathname.split('/').pop() ?? src) : String(url);
  const standIn = () => h('div', { class: `${className} picture-missing`, title: src ?? '' }, name);
  if (!src) return standIn();
  const image = h('img', {
    class: className,
    src,
    alt,
    loading: 'lazy',
    referrerpolicy: 'no-referrer',
  });
  image.addEventListener('error', () => image.replaceWith(standIn()), { once: true });
  return image;
}

/**
 * A time as the inbox shows it: hours and minutes, local time.
 *
 * @param {string} timestamp ISO 8601
 */
export function shortTime(timestamp) {
  const date = new Date(timestamp);
  if (Number.isNaN(date.getTime())) return timestamp;
  return date.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
}
