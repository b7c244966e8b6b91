import { externalLink } from './dom.js';

// A web address in running text, without the punctuation that ends its sentence.
const webAddress = /https?:\/\/[^\s<>"']+[^\s<>"'.,;:!?)\]]/g;

/**
 * A text with its web addresses as links, as a chat app shows it: text nodes and links only, so
 * nothing in it becomes markup.
 *
 * @param {string} text
 * @returns {Array<Node | string>}
 */
export function linkedText(text) {
  /** @type {Array<Node | string>} */
  const parts = [];
  let from = 0;
  for (const match of text.matchAll(webAddress)) {
    parts.push(text.slice(from, match.index), externalLink(match[0], match[0]));
    from = match.index + match[0].length;
  }
  parts.push(text.slice(from));
  return parts;
}
