import { AgentSchema, agentExample } from '../agent.js';
import { ChannelSourceSchema } from '../channels.js';
import { defineWebhook } from '../define-operation.js';
import { AppCodeSchema, NumericIdSchema, RoomIdSchema } from '../ids.js';
import { z } from '../zod.js';

const { user_roles: _roles, ...candidateExample } = agentExample;

const allocationExample = {
  app_code: 'qiscus-mock-app',
  app_id: 'qiscus-mock-app',
  avatar_url: 'https://omnichannel.qiscus.com/img/ic_qiscus_client.png',
  candidate_agent: { ...candidateExample, sdk_key: 'mock-sdk-key-164868' },
  email: '6281234567890',
  extras:
    '{"additional_extras":{"timezone_offset":7},"notes":null,"timezone_offset":null,"user_properties":[],"user_properties_migrated":true}',
  is_new_session: false,
  is_resolved: false,
  latest_service: null,
  name: 'Budi Santoso',
  room_id: '187250792',
  source: 'wa',
};

/** The agent Qiscus would pick by itself, as the webhook carries it. */
export const CandidateAgentSchema = AgentSchema.omit({ user_roles: true })
  .extend({ sdk_key: z.string() })
  .openapi('CandidateAgent', { example: allocationExample.candidate_agent });

/**
 * The Custom Agent Allocation webhook: the customer and room waiting for an agent, and the agent
 * Qiscus would pick (null when none can take it).
 */
export const CustomAgentAllocationWebhookSchema = z
  .strictObject({
    app_code: AppCodeSchema,
    app_id: z.string(),
    avatar_url: z.string(),
    candidate_agent: CandidateAgentSchema.nullable(),
    email: z.string().min(1).describe('The customer’s id: a phone number, an e-mail …'),
    extras: z.string().describe('A JSON string: the customer’s extras and user_properties.'),
    is_new_session: z.boolean(),
    is_resolved: z.boolean(),
    latest_service: z
      .record(z.string(), z.unknown())
      .nullable()
      .describe('The previous service record, or null.'),
    name: z.string(),
    room_id: RoomIdSchema,
    source: ChannelSourceSchema,
  })
  .openapi('CustomAgentAllocationWebhook', { example: allocationExample });
export type CustomAgentAllocationWebhook = z.infer<typeof CustomAgentAllocationWebhookSchema>;

/**
 * What the receiver may answer to choose the agent. On Qiscus the receiver calls `assign_agent`
 * and the answer is ignored, so every field is optional; the mock also takes `agent_id`.
 */
export const CustomAgentAllocationReplySchema = z
  .looseObject({
    agent_id: NumericIdSchema.optional().describe(
      'The id of the agent to assign (the mock only); left out when the receiver calls assign_agent.',
    ),
  })
  .openapi('CustomAgentAllocationReply', { example: { agent_id: 164868 } });
export type CustomAgentAllocationReply = z.infer<typeof CustomAgentAllocationReplySchema>;

/** The Custom Agent Allocation webhook: Qiscus asks the app which agent should take a room. */
export const customAgentAllocationWebhook = defineWebhook({
  id: 'customAgentAllocation',
  summary: 'A room waits for an agent: which one?',
  description:
    'POSTed, when Custom Agent Allocation is on, to the URL set with POST /api/v1/app/webhook/agent_allocation (or the mock’s config) when the bot hands a room over (hand_over). The receiver chooses: it calls POST /api/v1/admin/service/assign_agent itself (as on Qiscus), or answers `{"agent_id": …}`. An answer naming no known agent, a failure or a timeout leaves the handover to the normal allocation (the inbox), and the delivery log says so.',
  tags: ['Webhooks'],
  body: CustomAgentAllocationWebhookSchema,
  examples: {
    handover: { summary: 'A WhatsApp room handed over by the bot', value: allocationExample },
  },
  reply: {
    description:
      'Any 2xx acknowledges the webhook. `{"agent_id": …}` assigns that agent (the mock only; Qiscus expects an assign_agent call).',
    schema: CustomAgentAllocationReplySchema,
  },
  fidelity: [
    {
      source: 'CODE',
      fact: 'The payload, field by field, from captured payloads and three callers (room_id, email, name, source, candidate_agent); candidate_agent may be null.',
    },
    { source: 'DOC', fact: 'The leading fields app_code, app_id, avatar_url and candidate_agent.' },
    {
      source: 'INFERRED',
      fact: 'When it is sent (on hand_over; Qiscus sends it while a room waits for an agent); the `{"agent_id"}` answer and the fall-back to the inbox; app_id equal to the app code.',
    },
  ],
});
