/** The edit distance between two words (insertions, deletions, substitutions, swaps). */
function distance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) =>
    Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i < rows; i += 1) {
    for (let j = 1; j < cols; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const row = d[i] ?? [];
      const above = d[i - 1] ?? [];
      let best = Math.min((above[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (above[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, (d[i - 2]?.[j - 2] ?? 0) + 1);
      }
      row[j] = best;
    }
  }
  return d[a.length]?.[b.length] ?? 0;
}

/**
 * The known name closest to a mistyped one (`custmer` → `customer`), when it is close enough to
 * be what was meant: at most a third of its letters off, case aside.
 */
export function suggestName(name: string, known: readonly string[]): string | undefined {
  const wanted = name.toLowerCase();
  let best: { readonly name: string; readonly score: number } | undefined;
  for (const candidate of known) {
    const score = distance(wanted, candidate.toLowerCase());
    if (!best || score < best.score) best = { name: candidate, score };
  }
  if (!best) return undefined;
  return best.score <= Math.max(1, Math.floor(best.name.length / 3)) ? best.name : undefined;
}
