/** An element of a parsed XML document. */
export interface XmlElement {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: readonly (XmlElement | string)[];
}

/** The parsed document, or where it stops being well-formed. */
export type ParsedXml = { ok: true; root: XmlElement } | { ok: false; error: string };

const allowed = /^[\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]*$/u;
const named: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
};

class NotWellFormed extends Error {}

function decode(raw: string, inAttribute: boolean): string {
  if (!allowed.test(raw)) throw new NotWellFormed(`a character XML 1.0 forbids in ${raw}`);
  if (/&(?!(#\d+|#x[0-9a-f]+|[a-z]+);)/i.test(raw)) throw new NotWellFormed(`a bare & in ${raw}`);
  const normalized = raw.replace(/\r\n?/g, '\n');
  // A parser turns literal white space in an attribute into spaces (XML 1.0 §3.3.3).
  const spaced = inAttribute ? normalized.replace(/[\t\n]/g, ' ') : normalized;
  return spaced.replace(/&(#\d+|#x[0-9a-f]+|[a-z]+);/gi, (_, ref: string) => {
    const text = ref.startsWith('#x')
      ? String.fromCodePoint(parseInt(ref.slice(2), 16))
      : ref.startsWith('#')
        ? String.fromCodePoint(Number(ref.slice(1)))
        : named[ref];
    if (text === undefined || !allowed.test(text))
      throw new NotWellFormed(`bad reference &${ref};`);
    return text;
  });
}

/**
 * A strict little XML parser for the reports' tests: elements, double-quoted attributes, text,
 * character and the five named references, an optional declaration. It decodes as a conforming
 * parser would and reports, without throwing, where a document is not well-formed.
 */
export function parseXml(document: string): ParsedXml {
  const tokens =
    /<\?xml[^?]*\?>|<\/([\w.-]+)\s*>|<([\w.-]+)((?:\s+[\w.-]+="[^"<]*")*)\s*(\/?)>|([^<]+)|(<)/gy;
  const stack: {
    name: string;
    attributes: Record<string, string>;
    children: (XmlElement | string)[];
  }[] = [];
  let root: XmlElement | undefined;
  try {
    for (const [token, close, open, rawAttributes, selfClosing, text, stray] of document.matchAll(
      tokens,
    )) {
      if (stray !== undefined) throw new NotWellFormed(`a stray < at ${document.indexOf(token)}`);
      if (text !== undefined) {
        const decoded = decode(text, false);
        if (stack.length === 0) {
          if (decoded.trim() !== '') throw new NotWellFormed(`text outside the root: ${text}`);
        } else stack.at(-1)!.children.push(decoded);
      } else if (open !== undefined) {
        if (root !== undefined) throw new NotWellFormed(`a second root <${open}>`);
        const attributes: Record<string, string> = {};
        for (const [, name, value] of (rawAttributes ?? '').matchAll(/([\w.-]+)="([^"]*)"/g)) {
          if (name! in attributes) throw new NotWellFormed(`${name!} twice on <${open}>`);
          attributes[name!] = decode(value!, true);
        }
        const element = { name: open, attributes, children: [] };
        if (selfClosing === '/') {
          if (stack.length === 0) root = element;
          else stack.at(-1)!.children.push(element);
        } else stack.push(element);
      } else if (close !== undefined) {
        const element = stack.pop();
        if (element?.name !== close)
          throw new NotWellFormed(`</${close}> closes <${element?.name ?? 'nothing'}>`);
        if (stack.length === 0) root = element;
        else stack.at(-1)!.children.push(element);
      }
    }
  } catch (error) {
    if (error instanceof NotWellFormed) return { ok: false, error: error.message };
    throw error;
  }
  if (stack.length > 0) return { ok: false, error: `<${stack.at(-1)!.name}> is never closed` };
  if (root === undefined) return { ok: false, error: 'no root element' };
  return { ok: true, root };
}
