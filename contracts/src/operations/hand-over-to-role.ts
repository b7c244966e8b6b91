import { AgentSchema, agentExample } from '../agent.js';
import { defineOperation } from '../define-operation.js';
import { bodyErrorCodes } from '../error-codes.js';
import { z } from '../zod.js';
import { AppRoomParamsSchema } from './app-code-params.js';
import { handoverAuth } from './hand-over.js';

/** The body of `hand_over_to_role`. */
export const HandOverToRoleRequestSchema = z
  .strictObject({
    role: z
      .string()
      .min(1)
      .regex(/^[^A-Z]*$/, 'must be the division name in lower case, e.g. "billing"')
      .describe('The division (role) name, in lower case.'),
    find_online_agent: z
      .boolean()
      .optional()
      .describe('Assign only an agent who is online; the room waits when none is.'),
  })
  .openapi('HandOverToRoleRequest', { example: { role: 'billing', find_online_agent: true } });

/** What `hand_over_to_role` answers: the agent now in the room, or null while it waits. */
export const HandOverToRoleResponseSchema = z
  .strictObject({
    data: z.strictObject({
      added_agent: AgentSchema.nullable().describe(
        'The agent assigned; null when no agent of the division could take the room yet.',
      ),
    }),
  })
  .openapi('HandOverToRoleResponse', { example: { data: { added_agent: agentExample } } });

/** `POST /{app_code}/bot/{room_id}/hand_over_to_role`: give the room to a division. */
export const handOverToRole = defineOperation({
  id: 'handOverToRole',
  method: 'post',
  path: '/{app_code}/bot/{room_id}/hand_over_to_role',
  summary: 'Hand the room over to a division',
  description:
    'Switches the bot off for the room and assigns an agent of the named division (an online one when `find_online_agent` is true). Works only while Auto Agent Allocation is on; refused when the room’s agent is already in that division.',
  tags: ['Handover'],
  auth: handoverAuth,
  request: {
    params: AppRoomParamsSchema,
    body: {
      required: true,
      description: 'The division to hand over to.',
      content: {
        'application/json': {
          schema: HandOverToRoleRequestSchema,
          examples: {
            billing: {
              summary: 'To billing, online agents only',
              value: { role: 'billing', find_online_agent: true },
            },
            sales: {
              summary: 'To sales, any agent',
              value: { role: 'sales', find_online_agent: false },
            },
          },
        },
      },
    },
  },
  responses: {
    200: {
      description:
        'The bot is off for the room; an agent of the division was assigned, or the room waits for one.',
      schema: HandOverToRoleResponseSchema,
      examples: {
        assigned: {
          summary: 'An agent was assigned',
          value: {
            data: {
              added_agent: agentExample,
            },
          },
        },
        waiting: {
          summary: 'No online agent; the room waits',
          value: { data: { added_agent: null } },
        },
      },
    },
  },
  errors: [
    'UNAUTHORIZED',
    'APP_NOT_FOUND',
    ...bodyErrorCodes,
    'ROOM_NOT_FOUND',
    'ROLE_NOT_FOUND',
    'SAME_DIVISION',
    'AUTO_AGENT_ALLOCATION_OFF',
  ],
  fidelity: [
    {
      source: 'CODE',
      fact: 'URL, body ({ role, find_online_agent }) and Authorization carrying the secret key (one public sample).',
    },
    {
      source: 'INFERRED',
      fact: 'The other auth styles; the response (like assign_agent: { data: { added_agent } }); role in lower case; the same-division and Auto Agent Allocation refusals, which come from the product brief and whose bodies no source shows.',
    },
  ],
});
