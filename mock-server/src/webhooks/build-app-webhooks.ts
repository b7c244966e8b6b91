import type {
  Agent,
  BotMessageWebhook,
  CustomAgentAllocationWebhook,
  MarkAsResolvedWebhook,
  NewSessionWebhook,
  Service,
  UserProperty,
} from '#contracts';
import type { RoomState } from '../conversation/room-state.js';

/** Who resolved a room, as the Mark-as-Resolved webhook names them. */
export type Resolver = MarkAsResolvedWebhook['resolved_by'];

/** The New Session webhook for the message that opened a session, from its bot webhook. */
export function buildNewSessionWebhook(
  room: RoomState,
  botWebhook: BotMessageWebhook,
  createdAt: string,
): NewSessionWebhook {
  const { from, message, room: webhookRoom } = botWebhook.payload;
  return {
    is_new_session: true,
    payload: {
      from,
      message: {
        id: message.id,
        id_str: message.id_str,
        payload: message.payload,
        text: message.text,
        timestamp: message.timestamp,
        type: message.type,
      },
      room: webhookRoom,
    },
    room_log: {
      channel_id: room.channel.id,
      // The documented sample writes this time without a zone.
      created_at: createdAt.replace(/Z$/, ''),
      extras: null,
      has_no_message: true,
      is_waiting: room.isWaiting,
      name: room.customer.name,
      resolved: false,
      room_badge: null,
      room_id: room.id,
      source: room.channel.source,
      user_avatar_url: room.customer.avatar_url,
      user_id: room.customer.id,
    },
    webhook_type: 'NEW_SESSION_WEBHOOK',
  };
}

/** The Mark-as-Resolved webhook for a room just resolved. */
export function buildMarkAsResolvedWebhook(
  room: RoomState,
  service: Service,
  properties: readonly UserProperty[],
  resolvedBy: Resolver,
): MarkAsResolvedWebhook {
  return {
    customer: {
      additional_info: [...properties],
      avatar: room.customer.avatar_url,
      name: room.customer.name,
      user_id: room.customer.id,
    },
    resolved_by: resolvedBy,
    service: {
      first_comment_id: service.first_comment_id,
      id: service.id,
      is_resolved: true,
      last_comment_id: service.last_comment_id,
      notes: service.notes,
      room_id: room.id,
      source: room.channel.source,
    },
  };
}

/** The agent as a resolver, or as the Custom Agent Allocation webhook's candidate. */
export function asResolver(agent: Agent): Resolver {
  return {
    email: agent.email,
    id: agent.id,
    is_available: agent.is_available,
    name: agent.name,
    type: agent.type_as_string,
  };
}

/** The Custom Agent Allocation webhook for a room that waits for an agent. */
export function buildAgentAllocationWebhook(
  app: { readonly appCode: string },
  room: RoomState,
  candidate: Agent | undefined,
  properties: readonly UserProperty[],
): CustomAgentAllocationWebhook {
  let candidateAgent: CustomAgentAllocationWebhook['candidate_agent'] = null;
  if (candidate) {
    const { user_roles: _roles, ...agent } = candidate;
    candidateAgent = { ...agent, sdk_key: `mock-sdk-key-${candidate.id}` };
  }
  return {
    app_code: app.appCode as CustomAgentAllocationWebhook['app_code'],
    app_id: app.appCode,
    avatar_url: room.customer.avatar_url,
    candidate_agent: candidateAgent,
    email: room.customer.id,
    extras: JSON.stringify({
      additional_extras: { timezone_offset: 7 },
      notes: null,
      timezone_offset: null,
      user_properties: properties,
      user_properties_migrated: true,
    }),
    is_new_session: false,
    is_resolved: room.resolved,
    latest_service: null,
    name: room.customer.name,
    room_id: room.id,
    source: room.channel.source,
  };
}
