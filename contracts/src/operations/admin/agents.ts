import { AgentSchema, agentExample } from '../../agent.js';
import { defineOperation } from '../../define-operation.js';
import { z } from '../../zod.js';
import { adminApiAuth, adminAuthFidelity } from './admin-auth.js';
import { QueryIntSchema, QueryPageSchema } from './field-inputs.js';

/** The query of `GET /api/v2/admin/agents`. */
export const ListAgentsQuerySchema = z.strictObject({
  page: QueryPageSchema.optional().describe('From 1; 1 when left out.'),
  limit: QueryIntSchema.optional().describe('Agents per page; 20 when left out.'),
  search: z.string().optional().describe('Part of a name, e-mail or division, any case.'),
  scope: z
    .enum(['division', 'name', 'email'])
    .optional()
    .describe('Where `search` looks; everywhere when left out.'),
});

const agentsExample = {
  data: { agents: [agentExample] },
  meta: { per_page: 20, total_count: 1 },
  status: 200,
};

/** What `GET /api/v2/admin/agents` answers: one page of agents. */
export const AgentListResponseSchema = z
  .strictObject({
    data: z.strictObject({ agents: z.array(AgentSchema) }),
    meta: z.strictObject({
      per_page: z.number().int(),
      total_count: z.number().int().describe('Agents matching, on every page.'),
    }),
    status: z.literal(200),
  })
  .openapi('AgentListResponse', { example: agentsExample });

/** `GET /api/v2/admin/agents`: the app's agents, a page at a time. */
export const listAgents = defineOperation({
  id: 'listAgents',
  method: 'get',
  path: '/api/v2/admin/agents',
  summary: 'List the agents',
  description:
    'The mock’s agents (generated from the seed, or configured), searchable and in pages; `is_available` is whether the agent is online.',
  tags: ['Admin: agents'],
  auth: adminApiAuth,
  request: {
    query: ListAgentsQuerySchema,
    queryExample: { page: '1', limit: '20', search: 'billing', scope: 'division' },
  },
  responses: {
    200: {
      description: 'One page of agents.',
      schema: AgentListResponseSchema,
      examples: { page: { summary: 'One agent matches', value: agentsExample } },
    },
  },
  errors: ['UNAUTHORIZED', 'VALIDATION_FAILED'],
  fidelity: [
    {
      source: 'CODE-Q',
      fact: 'Path, page/limit/search/scope and the data.agents with meta answer, as Qiscus’s n8n node reads them.',
    },
    adminAuthFidelity,
  ],
});

/** The query of `GET /api/v2/admin/agents/by_division`. */
export const AgentsByDivisionQuerySchema = z.strictObject({
  'division_ids[]': z
    .union([z.string(), z.array(z.string())])
    .describe('One or more division ids: division_ids[]=1&division_ids[]=2.'),
  is_available: z.enum(['true', 'false']).optional().describe('Only online (or offline) agents.'),
  page: QueryPageSchema.optional(),
  limit: QueryIntSchema.optional(),
  sort: z.enum(['asc', 'desc']).optional().describe('By name.'),
});

const byDivisionExample = {
  data: [agentExample],
  meta: { limit: 20, page: 1, total: 1, total_page: 1 },
};

/** Page numbers as `by_division` and `divisions` answer them. */
export const PageMetaSchema = z.strictObject({
  limit: z.number().int(),
  page: z.number().int(),
  total: z.number().int(),
  total_page: z.number().int(),
});

/** What `GET /api/v2/admin/agents/by_division` answers. */
export const AgentsByDivisionResponseSchema = z
  .strictObject({ data: z.array(AgentSchema), meta: PageMetaSchema })
  .openapi('AgentsByDivisionResponse', { example: byDivisionExample });

/** `GET /api/v2/admin/agents/by_division`: the agents of some divisions. */
export const listAgentsByDivision = defineOperation({
  id: 'listAgentsByDivision',
  method: 'get',
  path: '/api/v2/admin/agents/by_division',
  summary: 'List the agents of divisions',
  description: 'Agents in any of the divisions named by id; an id no division has is refused.',
  tags: ['Admin: agents'],
  auth: adminApiAuth,
  request: {
    query: AgentsByDivisionQuerySchema,
    queryExample: { 'division_ids[]': ['2'], page: '1', limit: '20' },
  },
  responses: {
    200: {
      description: 'One page of agents.',
      schema: AgentsByDivisionResponseSchema,
      examples: { billing: { summary: 'The billing team', value: byDivisionExample } },
    },
  },
  errors: ['UNAUTHORIZED', 'VALIDATION_FAILED', 'DIVISION_NOT_FOUND'],
  fidelity: [
    {
      source: 'CODE-Q',
      fact: 'Path, division_ids[] and the data/meta answer, as Qiscus’s n8n node sends and reads them.',
    },
    adminAuthFidelity,
  ],
});
