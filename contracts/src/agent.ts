import { NumericIdSchema, TimestampSchema } from './ids.js';
import { z } from './zod.js';

/** A division (Qiscus calls them roles in the data model): `{ id, name }`. */
export const DivisionRefSchema = z
  .strictObject({ id: NumericIdSchema, name: z.string().min(1) })
  .openapi('DivisionRef', { example: { id: 2, name: 'billing' } });

/** A realistic agent, reused by the examples of the operations that return one. */
export const agentExample = {
  id: 164868,
  name: 'Dewi Lestari',
  email: 'dewi.lestari@example.com',
  avatar_url: null,
  is_available: true,
  force_offline: false,
  is_verified: true,
  type: 2,
  type_as_string: 'agent' as const,
  sdk_email: 'qiscus-mock-app_dewi.lestari@example.com',
  last_login: '2026-11-24T01:58:12Z',
  created_at: '2026-01-07T03:41:11Z',
  updated_at: '2026-11-24T01:58:12Z',
  user_roles: [{ id: 2, name: 'billing' }],
};

/**
 * A human agent, with the fields of the agent objects Qiscus returns (as captured from the
 * Custom Agent Allocation webhook and `available_agents`).
 */
export const AgentSchema = z
  .strictObject({
    id: NumericIdSchema,
    name: z.string().min(1),
    email: z.email(),
    avatar_url: z.string().nullable(),
    is_available: z.boolean().describe('Online and taking chats.'),
    force_offline: z.boolean(),
    is_verified: z.boolean(),
    type: z
      .number()
      .int()
      .describe('The user type; 2 is an agent (the meaning of the other values is not published).'),
    type_as_string: z.enum(['admin', 'agent', 'supervisor']),
    sdk_email: z.string(),
    last_login: TimestampSchema.nullable(),
    created_at: TimestampSchema,
    updated_at: TimestampSchema,
    user_roles: z.array(DivisionRefSchema).describe('The divisions the agent belongs to.'),
  })
  .openapi('Agent', { example: agentExample });
export type Agent = z.infer<typeof AgentSchema>;
