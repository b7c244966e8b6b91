import { RunResultSchema, type RunResult } from '../run/run-result.js';

/**
 * The JSON report: the run's result itself, checked against its schema first so that what is
 * written is what `RunResultSchema` reads back.
 */
export function formatJsonReport(result: RunResult): string {
  return `${JSON.stringify(RunResultSchema.parse(result), null, 2)}\n`;
}
