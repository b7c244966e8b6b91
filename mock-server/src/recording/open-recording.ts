import {
  recordingFormat,
  recordingVersion,
  type RecordingHeader,
  type RecordingStatus,
} from '#contracts';
import { formatTimestamp } from '../clock.js';
import type { ResolvedOptions } from '../options.js';
import type { TrafficLog } from '../traffic/traffic-log.js';
import { RecordingWriter } from './recording-writer.js';
import { Scrubber } from './scrubber.js';

/**
 * Starts recording the traffic log to `options.record`, when given: the header first, then every
 * exchange as the log takes it (before the mock answers). Returns the writer, or null.
 */
export function openRecording(
  resolved: ResolvedOptions,
  options: {
    readonly record?: string;
    readonly scrub?: boolean;
    readonly upstream?: { readonly url: string };
  },
  context: {
    readonly traffic: TrafficLog;
    readonly botEmail: string;
    readonly onStop: (status: RecordingStatus) => void;
  },
): RecordingWriter | null {
  if (options.record === undefined) return null;
  const scrub = options.scrub ?? false;
  const header: RecordingHeader = {
    format: recordingFormat,
    version: recordingVersion,
    created_at: formatTimestamp(resolved.clock.now()),
    app_code: resolved.appCode as RecordingHeader['app_code'],
    bot_email: context.botEmail,
    scrubbed: scrub,
    // The base URL only: the upstream's credentials are never written.
    upstream: options.upstream?.url ?? null,
  };
  const writer = RecordingWriter.open(options.record, header, {
    scrubber: scrub ? new Scrubber(new Set([context.botEmail, resolved.appCode])) : null,
    onStop: context.onStop,
  });
  // Unscrubbed, each line is written from the log's kept text, with no exchange value made.
  if (scrub) {
    context.traffic.subscribe((exchange) => {
      writer.write(exchange);
    });
  } else {
    context.traffic.subscribeLines(writer.writeLine);
  }
  return writer;
}
