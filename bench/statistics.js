export function median(values) {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

export function minimum(values) {
  return values.length === 0 ? null : Math.min(...values);
}

export function maximum(values) {
  return values.length === 0 ? null : Math.max(...values);
}

// The median and the range of some values, as a table's "median (min–max)" column reads them.
export function spread(values) {
  return { median: median(values), min: minimum(values), max: maximum(values) };
}

// The value below which a share `p` (0..1) of the sorted values fall (nearest rank).
export function percentile(sorted, p) {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))];
}

// The list turned by `by` places: the order of round `by`, so drift hits every target alike.
export function rotate(names, by) {
  const shift = by % names.length;
  return [...names.slice(shift), ...names.slice(0, shift)];
}
