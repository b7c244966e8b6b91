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
