import { z } from '#contracts';
import { parseDuration } from './parse-duration.js';
import { parseTextPattern } from './parse-text-pattern.js';

/** A duration (`500ms`, `2s`, `1.5s`, `1m`), read into milliseconds. */
export const DurationSchema = z.unknown().transform((value, ctx) => {
  const parsed = parseDuration(value);
  if (parsed.ok) return parsed.ms;
  ctx.addIssue({ code: 'custom', message: parsed.message, input: value });
  return z.NEVER;
});

/** An expected text: exact, or `/pattern/flags`. */
export const TextPatternSchema = z.string().transform((value, ctx) => {
  const parsed = parseTextPattern(value);
  if (parsed.ok) return parsed.pattern;
  ctx.addIssue({ code: 'custom', message: parsed.message, input: value });
  return z.NEVER;
});
