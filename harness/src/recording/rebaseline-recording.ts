import { rename, writeFile } from 'node:fs/promises';
import type { Exchange } from '#contracts';
import { Scrubber } from '#mock-server';
import { outputError } from '../errors.js';
import { compareBotSide, scrubbedMatcher } from './turn-result.js';
import type { ReplayedRecording } from './replay-recording.js';

/** Every string equal to a replay room id put back to the recorded room id. */
function restoreRooms(value: unknown, back: ReadonlyMap<string, string>): unknown {
  if (typeof value === 'string') {
    let out = value;
    for (const [replayed, recorded] of back) out = out.split(replayed).join(recorded);
    return out;
  }
  if (Array.isArray(value)) return value.map((item) => restoreRooms(item, back));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(
      Object.entries(value).map(([key, inner]) => [key, restoreRooms(inner, back)]),
    );
  }
  return value;
}

/**
 * `replay --update`: rewrites the recording with the bot's side as it was in this replay, as the
 * new baseline. The customer's and agents' side stays as recorded; each turn's webhooks and bot
 * calls are replaced by this run's, their room ids put back to the recorded ones. Written to a
 * temporary file first and renamed over the old one, so an interrupted update leaves it whole.
 * Resolves to how many turns changed.
 */
export async function rebaselineRecording(replayed: ReplayedRecording): Promise<number> {
  const { steps } = replayed;
  const back = new Map([...replayed.rooms].map(([recorded, replay]) => [replay, recorded]));
  const owned = new Set(steps.flatMap((turn) => turn.botSide.map((item) => item.exchange)));
  const byDriver = new Map(steps.map((turn) => [turn.driver.exchange, turn]));
  // A scrubbed recording stays scrubbed: the new bot side holds the replay mock's own people
  // (agents, their e-mails) and anything the bot made of them. Its stand-ins number on from the
  // recording's, so a new person never gets the stand-in of another.
  const { header } = replayed;
  const scrubber = header.scrubbed
    ? new Scrubber(new Set([header.bot_email, header.app_code]))
    : null;
  if (scrubber) for (const { exchange } of replayed.lines) scrubber.continueAfter(exchange);
  const same = scrubbedMatcher(header);
  const out: Exchange[] = [];
  let changed = 0;
  for (const { exchange } of replayed.lines) {
    if (owned.has(exchange)) continue;
    out.push(exchange);
    const turn = byDriver.get(exchange);
    if (!turn) continue;
    const actual = replayed.actual.get(turn) ?? [];
    const replacement = actual.map((item) => {
      const restored = restoreRooms(item, back) as Exchange;
      return scrubber ? scrubber.scrub(restored) : restored;
    });
    if (compareBotSide(turn.botSide, actual, { same }).diffs.length > 0) changed += 1;
    out.push(...replacement);
  }
  const text = [
    JSON.stringify(replayed.header),
    // Numbered again in the order written, which is the order they began in: each driver, then
    // its turn. The start_seq each had came from two runs (the recording's and this replay's).
    ...out.map((exchange, index) =>
      JSON.stringify({ ...exchange, seq: index + 1, start_seq: index + 1 }),
    ),
  ].join('\n');
  const temporary = `${replayed.file}.updating`;
  try {
    await writeFile(temporary, `${text}\n`);
    await rename(temporary, replayed.file);
  } catch (cause) {
    throw outputError(
      `Cannot rewrite ${replayed.file}: ${cause instanceof Error ? cause.message : String(cause)}.`,
      { cause },
    );
  }
  return changed;
}
