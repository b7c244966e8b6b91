import { isAlias, isMap, isPair, isScalar, isSeq, type Document } from 'yaml';

function hasRange(node: unknown): node is { range: [number, number, number] } {
  return typeof node === 'object' && node !== null && 'range' in node && Array.isArray(node.range);
}

/** The text of a value as written when it fits on one line; a longer text as a quoted string. */
function renderScalar(node: unknown, source: string): string {
  if (!hasRange(node)) return '';
  const written = source.slice(node.range[0], node.range[1]).trim();
  if (!written.includes('\n')) return written;
  return JSON.stringify(isScalar(node) ? String(node.value) : written.replace(/\s+/g, ' '));
}

/** A node in flow style, on one line: `{ type: buttons, buttons: [Billing, Sales] }`. */
function render(node: unknown, source: string, top: boolean): string {
  if (isMap(node)) {
    const pairs = node.items.map((pair) => {
      const value = isPair(pair) && pair.value !== null ? render(pair.value, source, false) : '';
      return `${render(pair.key, source, false)}:${value === '' ? '' : ` ${value}`}`;
    });
    return top ? pairs.join(', ') : `{ ${pairs.join(', ')} }`;
  }
  if (isSeq(node)) return `[${node.items.map((item) => render(item, source, false)).join(', ')}]`;
  if (isScalar(node) || isAlias(node)) return renderScalar(node, source);
  return '';
}

/**
 * The step at `path` as a report shows it, on one line: as written when it is written on one
 * line (comments aside), else in flow style, so a step written as a block mapping reads
 * `bot: { type: buttons, buttons: [Billing, Sales] }`.
 */
export function summarizeStep(
  document: Document,
  source: string,
  path: readonly PropertyKey[],
): string {
  const node: unknown = document.getIn(path, true);
  if (!hasRange(node)) return '';
  const lines = source
    .slice(node.range[0], node.range[1])
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
  return lines.length <= 1 ? (lines[0] ?? '') : render(node, source, true);
}
