import type { OfficeHoursResponseSchema, z } from '#contracts';
import { formatTimestamp } from '../clock.js';

/** The office hours to answer: per open day (1 Monday … 7 Sunday), from and until (HH:MM). */
export interface OfficeHoursOption {
  readonly timezone: string;
  readonly days: readonly {
    readonly day: number;
    readonly start: string;
    readonly end: string;
  }[];
}

/** Open all day, every day: what the mock answers unless configured. */
export const alwaysOpen: OfficeHoursOption = {
  timezone: '+07:00',
  days: [1, 2, 3, 4, 5, 6, 7].map((day) => ({ day, start: '00:00', end: '23:59' })),
};

/** The office hours as `GET /api/v1/admin/office_hours` answers them. */
export function toOfficeHours(
  option: OfficeHoursOption,
  createdAt: number,
): z.infer<typeof OfficeHoursResponseSchema>['data'] {
  const created = formatTimestamp(createdAt);
  return {
    online_message: null,
    offline_message: null,
    timezone: option.timezone,
    send_online_if_resolved: false,
    send_offline_each_message: false,
    office_hours: option.days.map((entry, index) => ({
      id: index + 1,
      app_id: 1,
      day: entry.day,
      starttime: entry.start,
      endtime: entry.end,
      created_at: created,
      updated_at: created,
    })),
  };
}
