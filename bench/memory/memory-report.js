// The memory section of the report: the resident set as the messages went in.
import { count, markdownTable, percent } from '../format.js';

export function renderMemoryReport(section) {
  const { settings, samples, judged, peakRssMiB, failures, roomsGone } = section;
  const table = markdownTable(
    ['bot messages', ...samples.map((sample) => count(sample.messages))],
    [['RSS MiB', ...samples.map((sample) => count(sample.rssMiB))]],
  );
  const growth = judged.growth === null ? '–' : percent(judged.growth);
  return [
    `Memory: a fresh mock, ${count(settings.messages)} bot messages in ${settings.rooms} rooms ` +
      `(${settings.connections} connections), RSS read from /proc every tenth of the way:`,
    '',
    table,
    '',
    `Peak RSS ${count(peakRssMiB)} MiB; growth over the second half ${growth} ` +
      `(flat: at most ${percent(judged.flatGrowth)}); ${count(failures)} failed, ` +
      `${count(roomsGone)} answered 404 (rooms the rooms budget had dropped).`,
    '',
  ].join('\n');
}
