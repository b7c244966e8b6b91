import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  recordingFormat,
  recordingVersion,
  type Exchange,
  type MockEvent,
  type RecordingHeader,
} from '#contracts';
import { Scrubber, type MockServer } from '#mock-server';
import { outputError } from '../errors.js';
import type { ScriptResult } from '../run/run-result.js';

/**
 * `test --record DIR`: keeps each room's exchanges as they happen and, when a script finishes,
 * writes those of its room to `DIR/<script file's name>.jsonl`. Scripts that share a room run one
 * after the other, so each takes what its room saw since the one before finished.
 */
export class ScriptRecorder {
  private readonly byRoom = new Map<string, Exchange[]>();
  private readonly names = new Set<string>();
  private readonly written: string[] = [];

  constructor(
    private readonly mock: MockServer,
    private readonly options: { readonly dir: string; readonly scrub: boolean },
    private readonly now: () => string,
  ) {}

  /** Takes an event of the mock's stream; keeps the exchanges that name a room. */
  take(event: MockEvent): void {
    if (event.type !== 'exchange' || event.exchange.room_id === null) return;
    const list = this.byRoom.get(event.exchange.room_id);
    if (list) list.push(event.exchange);
    else this.byRoom.set(event.exchange.room_id, [event.exchange]);
  }

  /** Writes the finished script's recording; resolves to its path (null when it had no room). */
  async finish(result: ScriptResult): Promise<string | null> {
    if (result.room_id === null) return null;
    const exchanges = this.byRoom.get(result.room_id) ?? [];
    this.byRoom.delete(result.room_id);
    const settings = this.mock.settings();
    const header: RecordingHeader = {
      format: recordingFormat,
      version: recordingVersion,
      created_at: this.now(),
      app_code: settings.app_code,
      bot_email: settings.bot_email,
      scrubbed: this.options.scrub,
      upstream: null,
    };
    const scrubber = this.options.scrub
      ? new Scrubber(new Set([settings.bot_email, settings.app_code]))
      : null;
    const lines = [
      JSON.stringify(header),
      ...exchanges.map((exchange) =>
        JSON.stringify(scrubber ? scrubber.scrub(exchange) : exchange),
      ),
    ];
    const file = path.join(this.options.dir, `${this.nameFor(result.file)}.jsonl`);
    try {
      await mkdir(this.options.dir, { recursive: true });
      await writeFile(file, `${lines.join('\n')}\n`);
    } catch (cause) {
      throw outputError(
        `Cannot write the recording ${file}: ${cause instanceof Error ? cause.message : String(cause)}.`,
        { cause },
      );
    }
    this.written.push(file);
    return file;
  }

  /** The recordings written so far. */
  files(): readonly string[] {
    return this.written;
  }

  /** The script file's name without its extension; a second script of the same name gets -2 … */
  private nameFor(scriptFile: string): string {
    const base = path.basename(scriptFile).replace(/\.(ya?ml|json)$/i, '');
    let name = base;
    for (let n = 2; this.names.has(name); n += 1) name = `${base}-${n}`;
    this.names.add(name);
    return name;
  }
}
