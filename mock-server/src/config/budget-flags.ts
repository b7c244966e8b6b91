import { BudgetSettingsSchema, checkContract, type BudgetSettings } from '#contracts';
import type { MockServerOptions } from '../options.js';

/** The flags of the budgets and the retry window: each is its config-file key with dashes. */
export const budgetFlags = {
  'max-rooms': { type: 'string' },
  'rooms-budget': { type: 'string' },
  'traffic-budget': { type: 'string' },
  'deliveries-budget': { type: 'string' },
  'stored-body-limit': { type: 'string' },
  'retry-for': { type: 'string' },
} as const;

export type BudgetFlagValues = { readonly [K in keyof typeof budgetFlags]?: string | undefined };

/** The budgets in the mock's option names. */
export function budgetOptions(budgets: BudgetSettings): MockServerOptions {
  const entries: [keyof MockServerOptions, number | undefined][] = [
    ['maxRooms', budgets.max_rooms],
    ['roomsMaxBytes', budgets.rooms_budget],
    ['trafficMaxBytes', budgets.traffic_budget],
    ['deliveryMaxBytes', budgets.deliveries_budget],
    ['storedBodyMaxBytes', budgets.stored_body_limit],
    ['retryForMs', budgets.retry_for],
  ];
  return Object.fromEntries(entries.filter(([, value]) => value !== undefined));
}

/**
 * The budgets given as flags (`--rooms-budget 64MB`), checked by the same contract as the config
 * file's keys. Throws a RangeError naming the flag, e.g. `--rooms-budget must be a size such as …`.
 */
export function budgetOptionsFromFlags(flags: BudgetFlagValues): MockServerOptions {
  const given: Record<string, unknown> = {};
  for (const flag of Object.keys(budgetFlags) as (keyof typeof budgetFlags)[]) {
    const text = flags[flag];
    if (text === undefined) continue;
    // A count is a number in the config file; on the command line every value is text.
    given[flag.replaceAll('-', '_')] =
      flag === 'max-rooms' && /^[0-9]+$/.test(text) ? Number(text) : text;
  }
  const check = checkContract(BudgetSettingsSchema, given);
  if (!check.ok) {
    const messages = check.problems.map((problem) => {
      const flag = `--${problem.path.replaceAll('_', '-')}`;
      const message =
        problem.path === 'max_rooms' && typeof given['max_rooms'] === 'string'
          ? `must be a whole number of rooms, not "${given['max_rooms']}"`
          : problem.message;
      return `${flag} ${message}`;
    });
    throw new RangeError(messages.join('\n'));
  }
  return budgetOptions(check.value);
}
