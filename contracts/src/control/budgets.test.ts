import { describe, expect, it } from 'vitest';
import {
  BudgetSettingsSchema,
  byteSizeSchema,
  formatByteSize,
  parseByteSize,
  parseDurationText,
  RetryForSchema,
} from './budgets.js';

const kib = 1024;

describe('parseByteSize', () => {
  it('reads a number of bytes, with or without a unit, the units counting in 1,024s', () => {
    expect(parseByteSize('4096')).toBe(4096);
    expect(parseByteSize('12b')).toBe(12);
    expect(['1k', '1kb', '1KiB'].map(parseByteSize)).toEqual([kib, kib, kib]);
    expect(['32m', '32MB', '32mib'].map(parseByteSize)).toEqual(Array(3).fill(32 * kib ** 2));
    expect(['2g', '2GB', '2GiB'].map(parseByteSize)).toEqual(Array(3).fill(2 * kib ** 3));
  });

  it('takes spaces around the number and the unit, and a fraction rounded to a whole byte', () => {
    expect(parseByteSize('  1 MB  ')).toBe(kib ** 2);
    expect(parseByteSize('1.5KB')).toBe(1536);
    expect(parseByteSize('0.0007k')).toBe(1);
  });

  it('refuses what is not a size', () => {
    for (const text of ['', 'MB', 'lots', '12 parsecs', '-1', '1.', '.5k', 'x1k', '1k!', '1,5k']) {
      expect({ text, bytes: parseByteSize(text) }).toEqual({ text, bytes: undefined });
    }
  });
});

describe('parseDurationText', () => {
  it('reads milliseconds, seconds, minutes and hours', () => {
    expect(['500ms', '90s', '10m', '1h'].map(parseDurationText)).toEqual([
      500, 90_000, 600_000, 3_600_000,
    ]);
    expect(parseDurationText(' 2m ')).toBe(120_000);
  });

  it('refuses a duration without a unit, with a fraction, or with anything around it', () => {
    for (const text of ['', '10', 'm', '1.5h', '10 m', '10 minutes', 'x10s', '10sx', '10d']) {
      expect({ text, ms: parseDurationText(text) }).toEqual({ text, ms: undefined });
    }
  });
});

describe('formatByteSize', () => {
  it('names the largest unit that divides the size, and bytes otherwise', () => {
    expect(
      [16 * kib ** 3, kib ** 3, 64 * kib ** 2, kib ** 2, 64 * kib, kib, 1536, 1023, 0].map(
        formatByteSize,
      ),
    ).toEqual([
      '16 GB',
      '1 GB',
      '64 MB',
      '1 MB',
      '64 KB',
      '1 KB',
      '1536 bytes',
      '1023 bytes',
      '0 bytes',
    ]);
  });
});

describe('byteSizeSchema', () => {
  const schema = byteSizeSchema(256, kib);
  const refusal = (value: unknown) => {
    const result = schema.safeParse(value);
    return result.success
      ? `took ${String(result.data)}`
      : result.error.issues.map((issue) => `${issue.code}: ${issue.message}`);
  };

  it('takes a number of bytes or a size, from min to max inclusive', () => {
    expect([256, '1KB', kib, '0.5k'].map((value) => schema.parse(value))).toEqual([
      256,
      kib,
      kib,
      512,
    ]);
  });

  it('refuses a size out of range, or one that is not a whole number of bytes', () => {
    expect(refusal(255)).toEqual(['custom: must be from 256 bytes to 1 KB, not 255']);
    expect(refusal('1025')).toEqual(['custom: must be from 256 bytes to 1 KB, not 1025']);
    expect(refusal(300.5)).toEqual([
      'custom: must be a size such as 32MB, 512KB or a whole number of bytes, not 300.5',
    ]);
    expect(refusal('lots')).toEqual([
      'custom: must be a size such as 32MB, 512KB or a whole number of bytes, not "lots"',
    ]);
  });
});

describe('RetryForSchema', () => {
  it('takes a duration of at most a day, in milliseconds', () => {
    expect(RetryForSchema.parse('24h')).toBe(24 * 3_600_000);
    expect(RetryForSchema.parse('90s')).toBe(90_000);
  });

  it('refuses a longer one, or one that is not a duration', () => {
    for (const text of ['25h', '1441m', 'soon']) {
      const result = RetryForSchema.safeParse(text);
      const issue = result.error?.issues[0];
      expect(result.success ? 'taken' : `${String(issue?.code)}: ${String(issue?.message)}`).toBe(
        `custom: must be a duration such as 90s, 10m or 1h (at most 24h), not "${text}"`,
      );
    }
  });
});

describe('BudgetSettingsSchema', () => {
  // The ranges docs/reliability.md gives each budget, written out.
  const refusals = (settings: Record<string, unknown>) => {
    const result = BudgetSettingsSchema.safeParse(settings);
    return result.success
      ? 'taken'
      : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
  };

  it('takes each budget at the ends of its range', () => {
    expect(
      BudgetSettingsSchema.parse({
        max_rooms: 1,
        rooms_budget: '64KB',
        traffic_budget: '16GB',
        deliveries_budget: '64KB',
        stored_body_limit: 256,
        retry_for: '24h',
      }),
    ).toEqual({
      max_rooms: 1,
      rooms_budget: 64 * kib,
      traffic_budget: 16 * kib ** 3,
      deliveries_budget: 64 * kib,
      stored_body_limit: 256,
      retry_for: 24 * 3_600_000,
    });
    expect(
      BudgetSettingsSchema.parse({ max_rooms: 10_000_000, stored_body_limit: '64MB' }),
    ).toEqual({ max_rooms: 10_000_000, stored_body_limit: 64 * kib ** 2 });
  });

  it('refuses each budget just outside its range, naming the field and the range', () => {
    expect(refusals({ max_rooms: 0 })).toEqual(['max_rooms: must be at least 1 room']);
    expect(refusals({ max_rooms: 10_000_001 })).toEqual([
      'max_rooms: must be at most 10,000,000 rooms',
    ]);
    expect(refusals({ max_rooms: 1.5 })).toEqual(['max_rooms: must be a whole number of rooms']);
    for (const field of ['rooms_budget', 'traffic_budget', 'deliveries_budget']) {
      expect(refusals({ [field]: '63KB' })).toEqual([
        `${field}: must be from 64 KB to 16 GB, not 63KB`,
      ]);
      expect(refusals({ [field]: '17GB' })).toEqual([
        `${field}: must be from 64 KB to 16 GB, not 17GB`,
      ]);
    }
    expect(refusals({ stored_body_limit: 255 })).toEqual([
      'stored_body_limit: must be from 256 bytes to 64 MB, not 255',
    ]);
    expect(refusals({ max_room: 5 })).toEqual([': Unrecognized key: "max_room"']);
  });
});
