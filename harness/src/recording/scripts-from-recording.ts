import { scriptsFromExchanges, type LinedExchange, type ScriptFromExchanges } from '#mock-server';
import { readRecording } from './read-recording.js';

/** One conversation script made from a recorded room: its room and its YAML. */
export type ScriptFromRecording = ScriptFromExchanges;

/** Reads a recording (as a stream) and turns it into scripts, one per recorded room. */
export async function scriptsFromRecording(file: string): Promise<ScriptFromRecording[]> {
  const lines: LinedExchange[] = [];
  for await (const item of readRecording(file)) {
    if (item.kind === 'exchange') lines.push({ line: item.line, exchange: item.exchange });
  }
  return scriptsFromExchanges(
    lines,
    (index, roomId) => `Recorded conversation ${index + 1} of ${file} (room ${roomId})`,
  );
}
