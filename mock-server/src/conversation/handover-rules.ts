import type { Agent, ErrorCode } from '#contracts';
import { noHandover, type RoomState } from './room-state.js';

/** Why a transition was refused: a code of the Qiscus surface, or one of the control API. */
export type TransitionRefusal =
  | {
      readonly ok: false;
      readonly code: ErrorCode;
      readonly message: string;
      readonly path: string;
    }
  | {
      readonly ok: false;
      readonly code: 'NO_PENDING_HANDOVER' | 'NO_AGENT' | 'AGENT_NOT_FOUND';
      readonly message: string;
      readonly path: string;
    };

/** A transition's outcome: the room afterwards, or why it did not happen. */
export type Transition<Extra = object> =
  ({ readonly ok: true; readonly room: RoomState } & Extra) | TransitionRefusal;

/** What the rules need to know about the agents. */
export interface Staff {
  readonly agents: readonly Agent[];
  /** How many open rooms each agent has now, to give a room to the least busy one. */
  readonly load: ReadonlyMap<number, number>;
}

function isInDivision(agent: Agent, division: string): boolean {
  return agent.user_roles.some((role) => role.name === division);
}

/**
 * Picks the agent to give a room to: among `candidates`, online ones only when asked, the one
 * with the fewest open rooms, then the lowest id, so the choice is repeatable.
 */
export function pickAgent(
  candidates: readonly Agent[],
  load: ReadonlyMap<number, number>,
  onlineOnly: boolean,
): Agent | undefined {
  const eligible = onlineOnly ? candidates.filter((agent) => agent.is_available) : candidates;
  const ranked = [...eligible].sort(
    (a, b) =>
      Number(b.is_available) - Number(a.is_available) ||
      (load.get(a.id) ?? 0) - (load.get(b.id) ?? 0) ||
      a.id - b.id,
  );
  return ranked[0];
}

/**
 * `hand_over`: the bot lets go of the room. Its switch goes off and a handover request waits in
 * the inbox until someone accepts or declines it. Asking again while one waits changes nothing.
 */
export function requestHandover(
  room: RoomState,
  request: { readonly findOnlineAgent: boolean; readonly now: number },
): Transition {
  if (room.handover.status === 'pending') return { ok: true, room };
  return {
    ok: true,
    room: {
      ...room,
      botActive: false,
      isWaiting: true,
      handover: {
        status: 'pending',
        requestedAt: request.now,
        answeredAt: null,
        findOnlineAgent: request.findOnlineAgent,
        role: null,
      },
      updatedAt: request.now,
    },
  };
}

/**
 * Accept a pending handover request: an agent (the one named, or the least busy, online first)
 * takes the room. The bot stays off for it.
 */
export function acceptHandover(
  room: RoomState,
  request: { readonly staff: Staff; readonly agentId?: number; readonly now: number },
): Transition<{ readonly agent: Agent }> {
  if (room.handover.status !== 'pending') {
    return {
      ok: false,
      code: 'NO_PENDING_HANDOVER',
      message: `Room ${room.id} has no handover request to accept (its handover is "${room.handover.status}"): the bot asks for one with hand_over.`,
      path: 'room_id',
    };
  }
  const agent =
    request.agentId === undefined
      ? pickAgent(request.staff.agents, request.staff.load, room.handover.findOnlineAgent)
      : request.staff.agents.find((candidate) => candidate.id === request.agentId);
  if (!agent) {
    if (request.agentId !== undefined) {
      return {
        ok: false,
        code: 'AGENT_NOT_FOUND',
        message: `No agent has the id ${request.agentId}: GET /_mock/config lists the agents and their ids.`,
        path: 'agent_id',
      };
    }
    return {
      ok: false,
      code: 'NO_AGENT',
      message:
        request.staff.agents.length === 0
          ? 'No agent can take the room: the app has no agents.'
          : 'No agent can take the room: none is online, and the bot asked for an online one.',
      path: 'agent_id',
    };
  }
  return {
    ok: true,
    agent,
    room: {
      ...room,
      botActive: false,
      isWaiting: false,
      agentId: agent.id,
      division: agent.user_roles[0]?.name ?? null,
      handover: { ...room.handover, status: 'accepted', answeredAt: request.now },
      updatedAt: request.now,
    },
  };
}

/**
 * Decline a pending handover request: no agent takes the room, so it goes back to the bot
 * (inferred: the customer is not left with nobody).
 */
export function declineHandover(room: RoomState, request: { readonly now: number }): Transition {
  if (room.handover.status !== 'pending') {
    return {
      ok: false,
      code: 'NO_PENDING_HANDOVER',
      message: `Room ${room.id} has no handover request to decline (its handover is "${room.handover.status}").`,
      path: 'room_id',
    };
  }
  return {
    ok: true,
    room: {
      ...room,
      botActive: true,
      isWaiting: false,
      handover: { ...room.handover, status: 'declined', answeredAt: request.now },
      updatedAt: request.now,
    },
  };
}

/**
 * `hand_over_to_role`: give the room to a division. Needs Auto Agent Allocation; refuses the
 * division the room's agent is already in. Assigns the least busy agent of the division (an
 * online one when `findOnlineAgent`); when none can take it, the room waits for that division.
 */
export function handOverToRole(
  room: RoomState,
  request: {
    readonly role: string;
    readonly findOnlineAgent: boolean;
    readonly autoAgentAllocation: boolean;
    readonly divisions: readonly string[];
    readonly staff: Staff;
    readonly now: number;
  },
): Transition<{ readonly agent: Agent | null }> {
  if (!request.autoAgentAllocation) {
    return {
      ok: false,
      code: 'AUTO_AGENT_ALLOCATION_OFF',
      message:
        'Handover to a division needs Auto Agent Allocation, which is off: switch it on (PATCH /_mock/config {"auto_agent_allocation": true}), or use hand_over.',
      path: '',
    };
  }
  if (!request.divisions.includes(request.role)) {
    return {
      ok: false,
      code: 'ROLE_NOT_FOUND',
      message: `No division is called "${request.role}": the divisions are ${request.divisions.join(', ')}.`,
      path: 'role',
    };
  }
  const current = request.staff.agents.find((agent) => agent.id === room.agentId);
  if (current && isInDivision(current, request.role)) {
    return {
      ok: false,
      code: 'SAME_DIVISION',
      message: `The room is already with ${current.name} of ${request.role}: hand it to another division, or leave it with them.`,
      path: 'role',
    };
  }
  if (!current && room.agentId === null && room.division === request.role && !room.resolved) {
    return {
      ok: false,
      code: 'SAME_DIVISION',
      message: `The room is already waiting for an agent of ${request.role}: hand it to another division, or let it wait.`,
      path: 'role',
    };
  }
  const members = request.staff.agents.filter((agent) => isInDivision(agent, request.role));
  const agent = pickAgent(members, request.staff.load, request.findOnlineAgent) ?? null;
  return {
    ok: true,
    agent,
    room: {
      ...room,
      botActive: false,
      isWaiting: agent === null,
      agentId: agent?.id ?? null,
      division: request.role,
      handover: {
        status: 'assigned',
        requestedAt: request.now,
        answeredAt: agent === null ? null : request.now,
        findOnlineAgent: request.findOnlineAgent,
        role: request.role,
      },
      updatedAt: request.now,
    },
  };
}

/** The per-room bot switch (`POST /bot/{room_id}/activate`). */
export function setRoomBot(
  room: RoomState,
  request: { readonly active: boolean; readonly now: number },
): RoomState {
  return { ...room, botActive: request.active, updatedAt: request.now };
}

/** Resolve the room: the conversation is over; the next customer message starts a new session. */
export function resolveRoom(room: RoomState, request: { readonly now: number }): RoomState {
  return {
    ...room,
    resolved: true,
    resolvedAt: request.now,
    isWaiting: false,
    updatedAt: request.now,
  };
}

/**
 * A customer writes. In a resolved room this opens a new session, as Qiscus does: the bot has the
 * room again, with no agent and no handover.
 */
export function receiveCustomerMessage(
  room: RoomState,
  request: { readonly now: number },
): { readonly room: RoomState; readonly newSession: boolean } {
  if (!room.resolved) return { room: { ...room, updatedAt: request.now }, newSession: false };
  return {
    newSession: true,
    room: {
      ...room,
      resolved: false,
      resolvedAt: null,
      botActive: true,
      isWaiting: false,
      agentId: null,
      division: null,
      handover: noHandover,
      updatedAt: request.now,
    },
  };
}
