import { AgentSchema, agentExample } from '../../agent.js';
import { defineOperation } from '../../define-operation.js';
import { bodyErrorCodes } from '../../error-codes.js';
import { z } from '../../zod.js';
import { adminApiAuth, adminAuthFidelity } from './admin-auth.js';
import {
  AgentIdFieldSchema,
  BooleanFieldSchema,
  idField,
  RoomIdFieldSchema,
} from './field-inputs.js';
import { jsonAndFormBody } from './form-content.js';
import { ServiceSchema, serviceExample } from './service.js';

/** The body of `assign_agent`, JSON or form. */
export const AssignAgentRequestSchema = z
  .strictObject({
    room_id: RoomIdFieldSchema,
    agent_id: AgentIdFieldSchema,
    replace_latest_agent: BooleanFieldSchema.optional().describe(
      'Take the room from the agent who has it (the mock always does: one agent per room).',
    ),
    max_agent: idField(
      (message) => [
        z.number().int(message).positive(message),
        z.string().regex(/^[0-9]{1,4}$/, message),
      ],
      'must be a whole number of agents, 1 or more, e.g. 1',
    )
      .optional()
      .describe('How many agents the room may have; the mock keeps one.'),
  })
  .openapi('AssignAgentRequest', { example: { room_id: '187250792', agent_id: 164868 } });
export type AssignAgentRequest = z.output<typeof AssignAgentRequestSchema>;

const assignedExample = {
  data: {
    added_agent: agentExample,
    service: { ...serviceExample, is_resolved: false, resolved_at: null, notes: null },
  },
};

/** What `assign_agent` answers: the agent now in the room and the room's session. */
export const AssignAgentResponseSchema = z
  .strictObject({
    data: z.strictObject({ added_agent: AgentSchema, service: ServiceSchema }),
  })
  .openapi('AssignAgentResponse', { example: assignedExample });

/** `POST /api/v1/admin/service/assign_agent`: put an agent in a room. */
export const assignAgent = defineOperation({
  id: 'assignAgent',
  method: 'post',
  path: '/api/v1/admin/service/assign_agent',
  summary: 'Assign an agent to a room',
  description:
    'The agent takes the room: the bot is off for it from then on (as on Qiscus), a waiting handover is answered, and the dashboard shows the agent.',
  tags: ['Admin: rooms'],
  auth: adminApiAuth,
  request: {
    body: jsonAndFormBody(
      'JSON, form-encoded or multipart.',
      AssignAgentRequestSchema,
      { assign: { summary: 'Assign an agent', value: { room_id: '187250792', agent_id: 164868 } } },
      {
        assign: {
          summary: 'Assign an agent (form)',
          value: { room_id: '187250792', agent_id: '164868', max_agent: '1' },
        },
      },
    ),
  },
  responses: {
    200: {
      description: 'The agent and the room’s session.',
      schema: AssignAgentResponseSchema,
      examples: { assigned: { summary: 'Dewi has the room', value: assignedExample } },
    },
  },
  errors: ['UNAUTHORIZED', 'ROOM_NOT_FOUND', 'AGENT_NOT_FOUND', ...bodyErrorCodes],
  fidelity: [
    {
      source: 'CODE-Q',
      fact: 'Path, the room_id and agent_id fields and the data.added_agent answer, as in Qiscus’s Go client; form and JSON bodies both seen in third-party bots.',
    },
    adminAuthFidelity,
    {
      source: 'INFERRED',
      fact: 'added_agent carries the mock’s agent fields (a subset of the real ones); service is the room’s current session.',
    },
  ],
});
