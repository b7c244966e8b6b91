import { ConformResultSchema, type ConformResult } from '../conform-result.js';

/** The result as JSON, checked against its schema first (a report that breaks it is a bug). */
export function formatConformJson(result: ConformResult): string {
  return `${JSON.stringify(ConformResultSchema.parse(result), null, 2)}\n`;
}
