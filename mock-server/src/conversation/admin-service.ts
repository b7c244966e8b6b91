import type { Agent, RoomTag, Service, UserProperty } from '#contracts';
import { formatTimestamp, type Clock } from '../clock.js';
import { QiscusApiError } from '../errors.js';
import type { Directory } from '../state/directory.js';
import type { RoomAnnotations } from '../state/room-annotations.js';
import type { RoomStore } from '../state/room-store.js';
import { roomOptionsOf } from '../webhooks/room-options-of.js';
import { defaultAvatar } from '../webhooks/build-bot-message-webhook.js';
import { toCustomerRoom, toRoomAgent, toService, toUserInfo } from './admin-views.js';
import { assignAgentToRoom } from './assign-agent-rule.js';
import type { ConversationService } from './conversation-service.js';
import * as rules from './handover-rules.js';
import { paginate, type Page } from './paginate.js';
import type { RoomState } from './room-state.js';

/** What `mark_as_resolved` did: the room afterwards and its closed session. */
export interface Resolution {
  readonly room: RoomState;
  readonly service: Service;
}

/**
 * The admin API's behaviour: assigning, resolving, tagging, the customer's additional info and
 * the agent lists, on the same rooms the conversation service keeps.
 */
export class AdminService {
  constructor(
    private readonly deps: {
      readonly conversation: ConversationService;
      readonly store: RoomStore;
      readonly annotations: RoomAnnotations;
      readonly directory: Directory;
      readonly clock: Clock;
    },
  ) {}

  private room(roomId: string): RoomState {
    return this.deps.conversation.requireRoom(roomId);
  }

  /** The room's current session as a service record. */
  service(room: RoomState): Service {
    return toService(
      room,
      this.deps.annotations.session(room.id),
      this.deps.store.lastMessage(room.id),
    );
  }

  assignAgent(
    roomId: string,
    agentId: number,
  ): { readonly agent: Agent; readonly service: Service } {
    const room = this.room(roomId);
    const agent = this.deps.directory.agents.find((candidate) => candidate.id === agentId);
    if (!agent) {
      throw new QiscusApiError(
        'AGENT_NOT_FOUND',
        `No agent has the id ${agentId}: GET /api/v2/admin/agents lists the agents and their ids.`,
        [{ path: 'agent_id', message: 'no such agent' }],
      );
    }
    const updated = assignAgentToRoom(room, { agent, now: this.deps.clock.now() });
    this.deps.store.save(updated);
    return { agent, service: this.service(updated) };
  }

  /** Resolves the room as the inbox's Resolve does, keeping the notes on its session. */
  resolve(roomId: string, notes: string | null): Resolution {
    const room = this.room(roomId);
    const updated = rules.resolveRoom(room, { now: this.deps.clock.now() });
    this.deps.annotations.noteResolution(room.id, notes);
    this.deps.store.save(updated);
    // The bot resolves with the app's credentials: the admin resolved it.
    if (!room.resolved) this.deps.conversation.announceResolved(updated, undefined);
    return { room: updated, service: this.service(updated) };
  }

  /** `room_info.room` of the resolve answer. */
  roomInfo(room: RoomState) {
    return {
      room: {
        room_avatar_url: defaultAvatar,
        room_channel_id: room.channel.id,
        room_id: room.id,
        room_name: room.customer.name,
        room_options: roomOptionsOf(room),
        room_type: 'group' as const,
      },
    };
  }

  customerRoom(roomId: string) {
    const room = this.room(roomId);
    return toCustomerRoom(room, this.deps.store.messages(room.id));
  }

  userInfo(roomId: string) {
    const room = this.room(roomId);
    return toUserInfo(room, this.deps.annotations.propertiesOf(room.id));
  }

  setUserInfo(roomId: string, properties: readonly UserProperty[]) {
    const room = this.room(roomId);
    this.deps.annotations.setProperties(room.id, properties);
    return toUserInfo(room, properties);
  }

  tags(roomId: string): readonly RoomTag[] {
    return this.deps.annotations.tagsOf(this.room(roomId).id);
  }

  addTag(roomId: string, name: string): RoomTag {
    const room = this.room(roomId);
    const tag = this.deps.annotations.addTag(room.id, name);
    if (!tag) {
      throw new QiscusApiError('VALIDATION_FAILED', `Room ${room.id} has too many tags.`, [
        { path: 'tag', message: 'the room already has 100 tags' },
      ]);
    }
    return tag;
  }

  /** The agents matching a search, by id. */
  agents(search: string | undefined, scope: 'division' | 'name' | 'email' | undefined): Agent[] {
    const needle = search?.trim().toLowerCase() ?? '';
    if (needle === '') return [...this.deps.directory.agents];
    const matches = (agent: Agent) => {
      const fields =
        scope === 'name'
          ? [agent.name]
          : scope === 'email'
            ? [agent.email]
            : scope === 'division'
              ? agent.user_roles.map((role) => role.name)
              : [agent.name, agent.email, ...agent.user_roles.map((role) => role.name)];
      return fields.some((field) => field.toLowerCase().includes(needle));
    };
    return this.deps.directory.agents.filter(matches);
  }

  /** Agents in any of the divisions; an id no division has is refused. */
  agentsByDivision(
    ids: readonly string[],
    options: { readonly online?: boolean; readonly sort?: 'asc' | 'desc' },
  ): Agent[] {
    const { divisions, agents } = this.deps.directory;
    const wanted = new Set<number>();
    for (const id of ids) {
      const division = divisions.find((candidate) => String(candidate.id) === id.trim());
      if (!division) {
        throw new QiscusApiError(
          'DIVISION_NOT_FOUND',
          `No division has the id "${id}": GET /api/v2/divisions lists the divisions (${divisions.map((d) => `${d.id} ${d.name}`).join(', ')}).`,
          [{ path: 'division_ids[]', message: `no division has the id "${id}"` }],
        );
      }
      wanted.add(division.id);
    }
    const found = agents.filter(
      (agent) =>
        agent.user_roles.some((role) => wanted.has(role.id)) &&
        (options.online === undefined || agent.is_available === options.online),
    );
    if (options.sort === undefined) return found;
    const sign = options.sort === 'asc' ? 1 : -1;
    return found.sort((a, b) => sign * a.name.localeCompare(b.name));
  }

  /** The divisions as the divisions list shows them. */
  divisions() {
    const created = formatTimestamp(this.deps.clock.now());
    return this.deps.directory.divisions.map((division, index) => ({
      app_id: 1,
      created_at: created,
      id: division.id,
      is_default_role: index === 0,
      name: division.name,
      updated_at: created,
    }));
  }

  /** Every agent but the room's own (`other_agents`), or only those online, least busy first. */
  roomAgents(roomId: string, onlineOnly: boolean) {
    const room = this.room(roomId);
    const load = this.deps.store.agentLoad();
    const others = this.deps.directory.agents.filter((agent) => agent.id !== room.agentId);
    const chosen = onlineOnly
      ? others
          .filter((agent) => agent.is_available && !agent.force_offline)
          .sort((a, b) => (load.get(a.id) ?? 0) - (load.get(b.id) ?? 0) || a.id - b.id)
      : others;
    return chosen.map((agent) =>
      toRoomAgent(agent, load.get(agent.id) ?? 0, this.deps.directory.channels),
    );
  }

  page<T>(items: readonly T[], page: number | undefined, limit: number | undefined): Page<T> {
    return paginate(items, page, limit);
  }
}
