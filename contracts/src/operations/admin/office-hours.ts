import { defineOperation } from '../../define-operation.js';
import { NumericIdSchema, TimestampSchema } from '../../ids.js';
import { z } from '../../zod.js';
import { adminApiAuth, adminAuthFidelity } from './admin-auth.js';

/** One day's opening hours; `day` 1 is Monday, 7 Sunday. */
export const OfficeHourSchema = z
  .strictObject({
    id: NumericIdSchema,
    app_id: NumericIdSchema,
    day: z.number().int().min(1).max(7),
    starttime: z.string().regex(/^[0-2][0-9]:[0-5][0-9]$/),
    endtime: z.string().regex(/^[0-2][0-9]:[0-5][0-9]$/),
    created_at: TimestampSchema,
    updated_at: TimestampSchema,
  })
  .openapi('OfficeHour', {
    example: {
      id: 1,
      app_id: 1,
      day: 1,
      starttime: '00:00',
      endtime: '23:59',
      created_at: '2026-01-07T03:41:11Z',
      updated_at: '2026-01-07T03:41:11Z',
    },
  });

const officeHoursExample = {
  data: {
    online_message: 'We are online.',
    offline_message: 'We are closed now; we answer from 08:00.',
    timezone: '+07:00',
    send_online_if_resolved: false,
    send_offline_each_message: false,
    office_hours: [
      {
        id: 1,
        app_id: 1,
        day: 1,
        starttime: '00:00',
        endtime: '23:59',
        created_at: '2026-01-07T03:41:11Z',
        updated_at: '2026-01-07T03:41:11Z',
      },
    ],
  },
};

/** What `GET /api/v1/admin/office_hours` answers. */
export const OfficeHoursResponseSchema = z
  .strictObject({
    data: z.strictObject({
      online_message: z.string().nullable(),
      offline_message: z.string().nullable(),
      timezone: z.string().describe('An offset such as +07:00.'),
      send_online_if_resolved: z.boolean(),
      send_offline_each_message: z.boolean(),
      office_hours: z.array(OfficeHourSchema).describe('The open hours of each open day.'),
    }),
  })
  .openapi('OfficeHoursResponse', { example: officeHoursExample });

/** `GET /api/v1/admin/office_hours`: when agents are in. */
export const getOfficeHours = defineOperation({
  id: 'getOfficeHours',
  method: 'get',
  path: '/api/v1/admin/office_hours',
  summary: 'Read the office hours',
  description:
    'From the mock’s configuration; by default open all day, every day (00:00–23:59, +07:00).',
  tags: ['Admin: account'],
  auth: adminApiAuth,
  request: {},
  responses: {
    200: {
      description: 'The office hours.',
      schema: OfficeHoursResponseSchema,
      examples: { monday: { summary: 'Open on Mondays', value: officeHoursExample } },
    },
  },
  errors: ['UNAUTHORIZED'],
  fidelity: [
    {
      source: 'CODE',
      fact: 'Path and the data fields, as two third-party bots read them.',
    },
    adminAuthFidelity,
    { source: 'INFERRED', fact: 'day 1 is Monday; times as HH:MM.' },
  ],
});
