import { AgentSchema, agentExample } from '../../agent.js';
import { defineOperation } from '../../define-operation.js';
import { NumericIdSchema } from '../../ids.js';
import { z } from '../../zod.js';
import { adminApiAuth, adminAuthFidelity } from './admin-auth.js';
import { QueryIntSchema } from './field-inputs.js';

/** The query of the room's agent lists. */
export const RoomAgentsQuerySchema = z.strictObject({
  room_id: z
    .string()
    .regex(/^[0-9]{1,19}$/, 'must be the numeric id of the room, e.g. 187250792')
    .describe('The room to find agents for.'),
  limit: QueryIntSchema.optional(),
  cursor_after: z.string().optional(),
  cursor_before: z.string().optional(),
  is_available_in_room: z.enum(['true', 'false']).optional(),
});

const roomAgentExample = {
  ...agentExample,
  current_customer_count: 2,
  user_channels: [{ id: 963, name: 'Qiscus Mock WhatsApp' }],
};

/** An agent as the room's agent lists show it: with how many open rooms they have. */
export const RoomAgentSchema = AgentSchema.extend({
  current_customer_count: z.number().int().nonnegative().describe('Open rooms the agent has.'),
  user_channels: z.array(z.strictObject({ id: NumericIdSchema, name: z.string() })),
}).openapi('RoomAgent', { example: roomAgentExample });

const roomAgentsExample = {
  data: { agents: [roomAgentExample] },
  meta: { after: null, before: null, per_page: 20, total_count: 1 },
  status: 200,
};

/** What the room's agent lists answer. */
export const RoomAgentListResponseSchema = z
  .strictObject({
    data: z.strictObject({ agents: z.array(RoomAgentSchema) }),
    meta: z.strictObject({
      after: z.string().nullable(),
      before: z.string().nullable(),
      per_page: z.number().int(),
      total_count: z.number().int(),
    }),
    status: z.literal(200),
  })
  .openapi('RoomAgentListResponse', { example: roomAgentsExample });

const roomAgentsFidelity = [
  {
    source: 'CODE',
    fact: 'Path, room_id and the data.agents answer with current_customer_count, as a third-party bot reads them.',
  },
  adminAuthFidelity,
  { source: 'INFERRED', fact: 'Cursors: the mock answers one page and null cursors.' },
] as const;

/** `GET /api/v2/admin/service/available_agents`: who could take the room now. */
export const listAvailableAgents = defineOperation({
  id: 'listAvailableAgents',
  method: 'get',
  path: '/api/v2/admin/service/available_agents',
  summary: 'List the agents who could take a room',
  description:
    'Online agents who are not in the room, least busy first (fewest open rooms, then lowest id).',
  tags: ['Admin: agents'],
  auth: adminApiAuth,
  request: { query: RoomAgentsQuerySchema, queryExample: { room_id: '187250792', limit: '20' } },
  responses: {
    200: {
      description: 'The agents, least busy first.',
      schema: RoomAgentListResponseSchema,
      examples: { one: { summary: 'One agent is free', value: roomAgentsExample } },
    },
  },
  errors: ['UNAUTHORIZED', 'VALIDATION_FAILED', 'ROOM_NOT_FOUND'],
  fidelity: roomAgentsFidelity,
});

/** `GET /api/v2/admin/service/other_agents`: the agents not in the room. */
export const listOtherAgents = defineOperation({
  id: 'listOtherAgents',
  method: 'get',
  path: '/api/v2/admin/service/other_agents',
  summary: 'List the agents not in a room',
  description: 'Every agent except the room’s own, online or not, by id.',
  tags: ['Admin: agents'],
  auth: adminApiAuth,
  request: { query: RoomAgentsQuerySchema, queryExample: { room_id: '187250792', limit: '20' } },
  responses: {
    200: {
      description: 'The agents.',
      schema: RoomAgentListResponseSchema,
      examples: { one: { summary: 'One other agent', value: roomAgentsExample } },
    },
  },
  errors: ['UNAUTHORIZED', 'VALIDATION_FAILED', 'ROOM_NOT_FOUND'],
  fidelity: roomAgentsFidelity,
});
