import { isMap, isScalar, isSeq, type Document, type LineCounter, type Node } from 'yaml';

/** A place in a file, from 1. */
export interface Position {
  readonly line: number;
  readonly column: number;
}

function hasRange(node: unknown): node is Node & { range: [number, number, number] } {
  return typeof node === 'object' && node !== null && 'range' in node && Array.isArray(node.range);
}

/**
 * Where the value at `path` is written (or its key, with `atKey`). A path that goes past what
 * the document has (a missing field) points at the nearest thing that is there: the mapping the
 * field is missing from.
 */
export function locateNode(
  document: Document,
  lines: LineCounter,
  path: readonly PropertyKey[],
  atKey = false,
): Position {
  let node: unknown = document.contents;
  let offset = hasRange(node) ? node.range[0] : 0;
  for (let i = 0; i < path.length; i += 1) {
    const key = path[i];
    const last = i === path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find(
        (item) => isScalar(item.key) && String(item.key.value) === String(key),
      );
      if (!pair) break;
      if (hasRange(pair.key)) offset = pair.key.range[0];
      if (last && atKey) break;
      node = pair.value;
      if (hasRange(node)) offset = node.range[0];
      else break;
    } else if (isSeq(node) && typeof key === 'number') {
      const item: unknown = node.items[key];
      if (!hasRange(item)) break;
      node = item;
      offset = item.range[0];
    } else {
      break;
    }
  }
  const { line, col } = lines.linePos(offset);
  return { line, column: col };
}
