import type { Violation } from '../run/run-result.js';
import { validateExchange } from '../validation/validate-exchange.js';
import { readRecording } from './read-recording.js';

/** An exchange of a recording that no longer fits the contracts. */
export interface DriftFinding {
  readonly file: string;
  readonly line: number;
  readonly seq: number;
  readonly method: string;
  readonly path: string;
  readonly violation: Violation;
}

/** What checking one recording found. */
export interface RecordingCheck {
  readonly file: string;
  readonly exchanges: number;
  readonly findings: readonly DriftFinding[];
  readonly warnings: readonly string[];
}

/**
 * What says a recorded body no longer fits: a shape the contracts refuse now, or a call the API
 * no longer has. Refusals, flags and failed deliveries are what happened when it was recorded,
 * not drift.
 */
const driftCodes = new Set<Violation['code']>(['SCHEMA_MISMATCH', 'UNEXPECTED_CALL']);

/**
 * Re-checks every exchange of a recording against the current contracts, read as a stream.
 * Throws HARNESS_ERR_RECORDING when the file cannot be read as a recording.
 */
export async function validateRecording(file: string): Promise<RecordingCheck> {
  const findings: DriftFinding[] = [];
  const warnings: string[] = [];
  let exchanges = 0;
  for await (const item of readRecording(file, {
    onWarning: (warning) => warnings.push(warning),
  })) {
    if (item.kind !== 'exchange') continue;
    exchanges += 1;
    const { exchange } = item;
    for (const violation of validateExchange(exchange)) {
      if (!driftCodes.has(violation.code)) continue;
      findings.push({
        file,
        line: item.line,
        seq: exchange.seq,
        method: exchange.method,
        path: exchange.path,
        violation,
      });
    }
  }
  return { file, exchanges, findings, warnings };
}
