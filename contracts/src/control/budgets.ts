import { z } from '../zod.js';

const kib = 1024;
const units: Readonly<Record<string, number>> = {
  '': 1,
  b: 1,
  k: kib,
  kb: kib,
  kib,
  m: kib ** 2,
  mb: kib ** 2,
  mib: kib ** 2,
  g: kib ** 3,
  gb: kib ** 3,
  gib: kib ** 3,
};

/** `32MB`, `512KiB`, `1g`, `4096`: a size in bytes (the units count in 1,024s). */
export function parseByteSize(text: string): number | undefined {
  const match = /^\s*([0-9]+(?:\.[0-9]+)?)\s*([a-z]*)\s*$/i.exec(text);
  const factor = match ? units[(match[2] ?? '').toLowerCase()] : undefined;
  if (!match || factor === undefined) return undefined;
  return Math.round(Number(match[1]) * factor);
}

const durationUnits: Readonly<Record<string, number>> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** `90s`, `10m`, `1h`, `500ms`: a duration in milliseconds. */
export function parseDurationText(text: string): number | undefined {
  const match = /^([0-9]+)(ms|s|m|h)$/.exec(text.trim());
  if (!match) return undefined;
  return Number(match[1]) * (durationUnits[match[2] ?? ''] ?? Number.NaN);
}

/** A size as people write it: `16 GB`, `64 KB`, `256 bytes`. */
export function formatByteSize(bytes: number): string {
  for (const [unit, factor] of [
    ['GB', kib ** 3],
    ['MB', kib ** 2],
    ['KB', kib],
  ] as const) {
    if (bytes >= factor && bytes % factor === 0) return `${String(bytes / factor)} ${unit}`;
  }
  return `${String(bytes)} bytes`;
}

/** A size in bytes, given as a number of bytes or a text such as `32MB`, from `min` to `max`. */
export function byteSizeSchema(min: number, max: number) {
  const range = `from ${formatByteSize(min)} to ${formatByteSize(max)}`;
  return z.union([z.number(), z.string()]).transform((value, context) => {
    const bytes = typeof value === 'number' ? value : parseByteSize(value);
    if (bytes === undefined || !Number.isInteger(bytes)) {
      context.addIssue({
        code: 'custom',
        message: `must be a size such as 32MB, 512KB or a whole number of bytes, not ${JSON.stringify(value)}`,
      });
      return z.NEVER;
    }
    if (bytes < min || bytes > max) {
      context.addIssue({ code: 'custom', message: `must be ${range}, not ${String(value)}` });
      return z.NEVER;
    }
    return bytes;
  });
}

/** How long `reliable` delivery retries a webhook: `90s`, `10m`, `1h` (at most a day). */
export const RetryForSchema = z
  .string()
  .transform((value, context) => {
    const ms = parseDurationText(value);
    if (ms === undefined || ms > 24 * 3_600_000) {
      context.addIssue({
        code: 'custom',
        message: `must be a duration such as 90s, 10m or 1h (at most 24h), not "${value}"`,
      });
      return z.NEVER;
    }
    return ms;
  })
  .openapi({ example: '10m' });

/**
 * What the mock keeps in memory, and for how long it retries: the budgets of docs/reliability.md,
 * as the config file and `serve`'s flags give them (`rooms_budget: 64MB` is `--rooms-budget 64MB`).
 */
export const BudgetSettingsSchema = z
  .strictObject({
    max_rooms: z
      .number()
      .int('must be a whole number of rooms')
      .min(1, 'must be at least 1 room')
      .max(10_000_000, 'must be at most 10,000,000 rooms')
      .optional(),
    rooms_budget: byteSizeSchema(64 * kib, 16 * kib ** 3).optional(),
    traffic_budget: byteSizeSchema(64 * kib, 16 * kib ** 3).optional(),
    deliveries_budget: byteSizeSchema(64 * kib, 16 * kib ** 3).optional(),
    stored_body_limit: byteSizeSchema(256, 64 * kib ** 2).optional(),
    retry_for: RetryForSchema.optional(),
  })
  .openapi({
    example: {
      max_rooms: 20_000,
      rooms_budget: '16MB',
      traffic_budget: '8MB',
      deliveries_budget: '8MB',
      stored_body_limit: '16KB',
      retry_for: '2m',
    },
  });
export type BudgetSettings = z.output<typeof BudgetSettingsSchema>;
