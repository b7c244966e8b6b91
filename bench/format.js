// Number formats and Markdown tables shared by the bench's reports, so they paste into
// BENCHMARKS.md as they are.

const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const oneDecimalFormat = new Intl.NumberFormat('en-US', {
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
});
const upToTwoDecimalsFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

export const missing = '–';
export const show = (value, format) =>
  value === null || value === undefined ? missing : format(value);
export const count = (value) => show(value, (v) => integer.format(v));
export const ratio = (value) => show(value, (v) => v.toFixed(2));
export const percent = (value) => show(value, (v) => `${integer.format(v * 100)} %`);
export const oneDecimal = (value) => show(value, (v) => oneDecimalFormat.format(v));
export const upToTwoDecimals = (value) => show(value, (v) => upToTwoDecimalsFormat.format(v));

export function medianAndRange({ median, min, max }) {
  return median === null ? missing : `${count(median)} (${count(min)}–${count(max)})`;
}

export function markdownTable(header, rows) {
  const widths = header.map((cell, column) =>
    Math.max(cell.length, ...rows.map((row) => row[column].length)),
  );
  const line = (cells) => `| ${cells.map((cell, i) => cell.padEnd(widths[i])).join(' | ')} |`;
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join(
    '\n',
  );
}

// The last columns of a target's row: where the CPU went, peak RSS, failures.
export function costCells(summary) {
  return [
    percent(summary.serverCpuShare),
    percent(summary.clientCpuShare),
    percent(summary.noiseShare),
    count(summary.peakRssMiB),
    count(summary.failures),
  ];
}
