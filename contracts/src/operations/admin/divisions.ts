import { defineOperation } from '../../define-operation.js';
import { NumericIdSchema, TimestampSchema } from '../../ids.js';
import { z } from '../../zod.js';
import { adminApiAuth, adminAuthFidelity } from './admin-auth.js';
import { PageMetaSchema } from './agents.js';
import { QueryIntSchema, QueryPageSchema } from './field-inputs.js';

const divisionExample = {
  app_id: 1,
  created_at: '2026-01-07T03:41:11Z',
  id: 2,
  is_default_role: false,
  name: 'billing',
  updated_at: '2026-01-07T03:41:11Z',
};

/** A division (a "role" in Qiscus's data model), as the divisions list has it. */
export const DivisionSchema = z
  .strictObject({
    app_id: NumericIdSchema,
    created_at: TimestampSchema,
    id: NumericIdSchema,
    is_default_role: z.boolean().describe('The first division is the default one.'),
    name: z.string(),
    updated_at: TimestampSchema,
  })
  .openapi('Division', { example: divisionExample });

const divisionsExample = {
  data: [divisionExample],
  meta: { limit: 20, page: 1, total: 1, total_page: 1 },
};

/** What `GET /api/v2/divisions` answers. */
export const DivisionListResponseSchema = z
  .strictObject({ data: z.array(DivisionSchema), meta: PageMetaSchema })
  .openapi('DivisionListResponse', { example: divisionsExample });

/** `GET /api/v2/divisions`: the app's divisions. */
export const listDivisions = defineOperation({
  id: 'listDivisions',
  method: 'get',
  path: '/api/v2/divisions',
  summary: 'List the divisions',
  description: 'The mock’s divisions, in pages; their ids are what `by_division` takes.',
  tags: ['Admin: agents'],
  auth: adminApiAuth,
  request: {
    query: z.strictObject({
      page: QueryPageSchema.optional(),
      limit: QueryIntSchema.optional(),
    }),
    queryExample: { page: '1', limit: '20' },
  },
  responses: {
    200: {
      description: 'One page of divisions.',
      schema: DivisionListResponseSchema,
      examples: { all: { summary: 'The divisions', value: divisionsExample } },
    },
  },
  errors: ['UNAUTHORIZED', 'VALIDATION_FAILED'],
  fidelity: [
    {
      source: 'CODE-Q',
      fact: 'Path, page/limit and the data/meta answer, as Qiscus’s n8n node reads them.',
    },
    adminAuthFidelity,
  ],
});
