import { describe, expect, it } from 'vitest';
import { AgentSchema, agentExample, ChannelSchema, RoomIdSchema, type Agent } from '#contracts';
import {
  acceptHandover,
  declineHandover,
  handOverToRole,
  pickAgent,
  receiveCustomerMessage,
  requestHandover,
  resolveRoom,
  setRoomBot,
  type Staff,
  type Transition,
} from './handover-rules.js';
import { noHandover, type Handover, type RoomState } from './room-state.js';

/** Freezes a value and everything in it, so a rule that changed its input in place would throw. */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

/** The room of a transition that happened; fails the test when it was refused. */
function roomOf<Extra>(result: Transition<Extra>): RoomState {
  if (!result.ok) throw new Error(`refused with ${result.code}: ${result.message}`);
  return result.room;
}

const billing = { id: 2, name: 'billing' };
const sales = { id: 3, name: 'sales' };
const support = { id: 4, name: 'support' };
const divisions = ['billing', 'sales', 'support'];

/** The contract's example agent, in billing. */
const baseAgent = { ...agentExample, user_roles: [billing] } satisfies Agent;

const ani = deepFreeze(
  AgentSchema.parse({
    ...baseAgent,
    id: 101,
    name: 'Ani Wijaya',
    email: 'ani.wijaya@example.com',
    user_roles: [billing],
    is_available: true,
  } satisfies Agent),
);
const budi = deepFreeze(
  AgentSchema.parse({
    ...baseAgent,
    id: 102,
    name: 'Budi Santoso',
    email: 'budi.santoso@example.com',
    user_roles: [billing],
    is_available: true,
  } satisfies Agent),
);
const citra = deepFreeze(
  AgentSchema.parse({
    ...baseAgent,
    id: 103,
    name: 'Citra Kirana',
    email: 'citra.kirana@example.com',
    user_roles: [billing],
    is_available: false,
  } satisfies Agent),
);
const dodi = deepFreeze(
  AgentSchema.parse({
    ...baseAgent,
    id: 201,
    name: 'Dodi Pratama',
    email: 'dodi.pratama@example.com',
    user_roles: [sales],
    is_available: true,
  } satisfies Agent),
);
const eka = deepFreeze(
  AgentSchema.parse({
    ...baseAgent,
    id: 202,
    name: 'Eka Putri',
    email: 'eka.putri@example.com',
    user_roles: [sales],
    is_available: true,
  } satisfies Agent),
);
const fani = deepFreeze(
  AgentSchema.parse({
    ...baseAgent,
    id: 203,
    name: 'Fani Rahma',
    email: 'fani.rahma@example.com',
    user_roles: [sales],
    is_available: false,
  } satisfies Agent),
);
const fajar = deepFreeze(
  AgentSchema.parse({
    ...baseAgent,
    id: 301,
    name: 'Fajar Nugroho',
    email: 'fajar.nugroho@example.com',
    user_roles: [support],
    is_available: false,
  } satisfies Agent),
);
/** In two divisions, support first; offline; absent from the load map (so 0 open rooms). */
const gita = deepFreeze(
  AgentSchema.parse({
    ...baseAgent,
    id: 401,
    name: 'Gita Savitri',
    email: 'gita.savitri@example.com',
    user_roles: [support, billing],
    is_available: false,
  } satisfies Agent),
);
/** In no division at all. */
const hadi = deepFreeze(
  AgentSchema.parse({
    ...baseAgent,
    id: 501,
    name: 'Hadi Susanto',
    email: 'hadi.susanto@example.com',
    user_roles: [],
    is_available: true,
  } satisfies Agent),
);

const load: ReadonlyMap<number, number> = new Map([
  [ani.id, 3],
  [budi.id, 1],
  [citra.id, 0],
  [dodi.id, 2],
  [eka.id, 2],
  [fani.id, 0],
  [fajar.id, 3],
]);

/** Everyone; eka is listed before dodi so that ties are not settled by the order of the list. */
const staff: Staff = { agents: [ani, budi, citra, eka, dodi, fani, fajar, gita], load };
/** Nobody online. */
const offlineStaff: Staff = { agents: [fajar, gita, citra], load };

const room: RoomState = deepFreeze({
  id: RoomIdSchema.parse('187250792'),
  channel: ChannelSchema.parse({
    id: 963,
    source: 'wa',
    name: 'Qiscus Mock WhatsApp',
    phone: '+6281100000001',
  }),
  customer: { id: '6281234567890', userId: 900001, name: 'Rina Marlina', avatar_url: '' },
  botActive: true,
  handover: noHandover,
  agentId: null,
  division: null,
  isWaiting: false,
  resolved: false,
  resolvedAt: null,
  createdAt: 1000,
  updatedAt: 1000,
});

function pendingHandover(findOnlineAgent: boolean): Handover {
  return { status: 'pending', requestedAt: 2000, answeredAt: null, findOnlineAgent, role: null };
}

/** The room after the bot called hand_over at 2000. */
function pendingRoom(findOnlineAgent: boolean): RoomState {
  return deepFreeze({
    ...room,
    botActive: false,
    isWaiting: true,
    handover: pendingHandover(findOnlineAgent),
    updatedAt: 2000,
  });
}

/** A room an agent of billing (budi) took by accepting a handover at 3000. */
const roomWithBudi: RoomState = deepFreeze({
  ...room,
  botActive: false,
  agentId: budi.id,
  division: 'billing',
  handover: { ...pendingHandover(true), status: 'accepted', answeredAt: 3000 },
  updatedAt: 3000,
});

const roleRequest = {
  findOnlineAgent: true,
  autoAgentAllocation: true,
  divisions,
  staff,
  now: 5000,
};

describe('requestHandover', () => {
  it('switches the bot off and leaves a pending request that waits in the inbox', () => {
    expect(requestHandover(room, { findOnlineAgent: true, now: 2000 })).toEqual({
      ok: true,
      room: {
        ...room,
        botActive: false,
        isWaiting: true,
        handover: {
          status: 'pending',
          requestedAt: 2000,
          answeredAt: null,
          findOnlineAgent: true,
          role: null,
        },
        updatedAt: 2000,
      },
    });
  });

  it('remembers that the bot did not insist on an online agent', () => {
    expect(roomOf(requestHandover(room, { findOnlineAgent: false, now: 2500 })).handover).toEqual({
      status: 'pending',
      requestedAt: 2500,
      answeredAt: null,
      findOnlineAgent: false,
      role: null,
    });
  });

  it('returns the very same room when a request is already pending', () => {
    const pending = pendingRoom(false);
    const result = requestHandover(pending, { findOnlineAgent: true, now: 9000 });
    expect(result.ok).toBe(true);
    expect(roomOf(result)).toBe(pending);
    expect(roomOf(result).handover).toEqual(pendingHandover(false));
    expect(roomOf(result).updatedAt).toBe(2000);
  });

  it('asks anew after an earlier request was declined', () => {
    const declined = roomOf(declineHandover(pendingRoom(true), { now: 3000 }));
    expect(roomOf(requestHandover(declined, { findOnlineAgent: false, now: 4000 }))).toEqual({
      ...room,
      botActive: false,
      isWaiting: true,
      handover: {
        status: 'pending',
        requestedAt: 4000,
        answeredAt: null,
        findOnlineAgent: false,
        role: null,
      },
      updatedAt: 4000,
    });
  });
});

describe('acceptHandover', () => {
  it('refuses a room that has no handover request, naming the room', () => {
    expect(acceptHandover(room, { staff, now: 3000 })).toEqual({
      ok: false,
      code: 'NO_PENDING_HANDOVER',
      message:
        'Room 187250792 has no handover request to accept (its handover is "none"): the bot asks for one with hand_over.',
      path: 'room_id',
    });
  });

  it('refuses a request that was already accepted', () => {
    expect(acceptHandover(roomWithBudi, { staff, agentId: ani.id, now: 4000 })).toEqual({
      ok: false,
      code: 'NO_PENDING_HANDOVER',
      message:
        'Room 187250792 has no handover request to accept (its handover is "accepted"): the bot asks for one with hand_over.',
      path: 'room_id',
    });
  });

  it('gives the room to the least busy online agent, even when an offline one has fewer rooms', () => {
    expect(acceptHandover(pendingRoom(true), { staff, now: 3000 })).toEqual({
      ok: true,
      agent: budi,
      room: {
        ...room,
        botActive: false,
        isWaiting: false,
        agentId: 102,
        division: 'billing',
        handover: {
          status: 'accepted',
          requestedAt: 2000,
          answeredAt: 3000,
          findOnlineAgent: true,
          role: null,
        },
        updatedAt: 3000,
      },
    });
  });

  it('still prefers an online agent when the bot did not insist on one', () => {
    const result = acceptHandover(pendingRoom(false), { staff, now: 3000 });
    expect(result).toMatchObject({ ok: true, agent: { id: 102 } });
    expect(roomOf(result).agentId).toBe(102);
  });

  it('gives the room to the agent named, online or not', () => {
    expect(acceptHandover(pendingRoom(true), { staff, agentId: citra.id, now: 3000 })).toEqual({
      ok: true,
      agent: citra,
      room: {
        ...room,
        botActive: false,
        isWaiting: false,
        agentId: 103,
        division: 'billing',
        handover: {
          status: 'accepted',
          requestedAt: 2000,
          answeredAt: 3000,
          findOnlineAgent: true,
          role: null,
        },
        updatedAt: 3000,
      },
    });
  });

  it('puts the room in the first division of an agent who is in several', () => {
    const result = acceptHandover(pendingRoom(false), { staff, agentId: gita.id, now: 3000 });
    expect(roomOf(result).agentId).toBe(401);
    expect(roomOf(result).division).toBe('support');
  });

  it('leaves the division empty when the agent is in none', () => {
    const result = acceptHandover(pendingRoom(false), {
      staff: { agents: [hadi], load },
      agentId: hadi.id,
      now: 3000,
    });
    expect(result).toMatchObject({ ok: true, agent: { id: 501 } });
    expect(roomOf(result).division).toBeNull();
  });

  it('refuses an agent id nobody has, and leaves the request pending', () => {
    const pending = pendingRoom(true);
    expect(acceptHandover(pending, { staff, agentId: 999, now: 3000 })).toEqual({
      ok: false,
      code: 'AGENT_NOT_FOUND',
      message: 'No agent has the id 999: GET /_mock/config lists the agents and their ids.',
      path: 'agent_id',
    });
    expect(pending.handover.status).toBe('pending');
  });

  it('refuses when the bot asked for an online agent and nobody is online', () => {
    expect(acceptHandover(pendingRoom(true), { staff: offlineStaff, now: 3000 })).toEqual({
      ok: false,
      code: 'NO_AGENT',
      message: 'No agent can take the room: none is online, and the bot asked for an online one.',
      path: 'agent_id',
    });
  });

  it('takes the least busy offline agent when nobody is online and the bot did not insist', () => {
    expect(acceptHandover(pendingRoom(false), { staff: offlineStaff, now: 3000 })).toEqual({
      ok: true,
      agent: citra,
      room: {
        ...room,
        botActive: false,
        isWaiting: false,
        agentId: 103,
        division: 'billing',
        handover: {
          status: 'accepted',
          requestedAt: 2000,
          answeredAt: 3000,
          findOnlineAgent: false,
          role: null,
        },
        updatedAt: 3000,
      },
    });
  });

  it('refuses when there are no agents at all', () => {
    expect(acceptHandover(pendingRoom(false), { staff: { agents: [], load }, now: 3000 })).toEqual({
      ok: false,
      code: 'NO_AGENT',
      message: 'No agent can take the room: the app has no agents.',
      path: 'agent_id',
    });
  });

  it('accepts what requestHandover asked for', () => {
    const asked = roomOf(requestHandover(room, { findOnlineAgent: true, now: 2000 }));
    expect(roomOf(acceptHandover(asked, { staff, now: 3000 }))).toEqual(roomWithBudi);
  });
});

describe('declineHandover', () => {
  it('refuses a room that has no handover request, naming the room', () => {
    expect(declineHandover(room, { now: 3000 })).toEqual({
      ok: false,
      code: 'NO_PENDING_HANDOVER',
      message: 'Room 187250792 has no handover request to decline (its handover is "none").',
      path: 'room_id',
    });
  });

  it('refuses a request that was already accepted', () => {
    expect(declineHandover(roomWithBudi, { now: 4000 })).toEqual({
      ok: false,
      code: 'NO_PENDING_HANDOVER',
      message: 'Room 187250792 has no handover request to decline (its handover is "accepted").',
      path: 'room_id',
    });
  });

  it('gives the room back to the bot, no longer waiting, with the request declined', () => {
    expect(declineHandover(pendingRoom(true), { now: 3000 })).toEqual({
      ok: true,
      room: {
        ...room,
        botActive: true,
        isWaiting: false,
        agentId: null,
        division: null,
        handover: {
          status: 'declined',
          requestedAt: 2000,
          answeredAt: 3000,
          findOnlineAgent: true,
          role: null,
        },
        updatedAt: 3000,
      },
    });
  });

  it('refuses to decline a request twice', () => {
    const declined = roomOf(declineHandover(pendingRoom(false), { now: 3000 }));
    expect(declineHandover(declined, { now: 4000 })).toMatchObject({
      ok: false,
      code: 'NO_PENDING_HANDOVER',
      path: 'room_id',
    });
  });
});

describe('handOverToRole', () => {
  it('refuses while Auto Agent Allocation is off, with a path for the whole body', () => {
    expect(
      handOverToRole(room, { ...roleRequest, role: 'billing', autoAgentAllocation: false }),
    ).toEqual({
      ok: false,
      code: 'AUTO_AGENT_ALLOCATION_OFF',
      message:
        'Handover to a division needs Auto Agent Allocation, which is off: switch it on (PATCH /_mock/config {"auto_agent_allocation": true}), or use hand_over.',
      path: '',
    });
  });

  it('says Auto Agent Allocation is off before looking at the role or the room', () => {
    expect(
      handOverToRole(room, { ...roleRequest, role: 'marketing', autoAgentAllocation: false }),
    ).toMatchObject({ ok: false, code: 'AUTO_AGENT_ALLOCATION_OFF', path: '' });
    expect(
      handOverToRole(roomWithBudi, { ...roleRequest, role: 'billing', autoAgentAllocation: false }),
    ).toMatchObject({ ok: false, code: 'AUTO_AGENT_ALLOCATION_OFF', path: '' });
  });

  it('refuses a division that does not exist and lists the ones that do', () => {
    expect(handOverToRole(room, { ...roleRequest, role: 'marketing' })).toEqual({
      ok: false,
      code: 'ROLE_NOT_FOUND',
      message: 'No division is called "marketing": the divisions are billing, sales, support.',
      path: 'role',
    });
  });

  it('matches division names exactly', () => {
    expect(handOverToRole(room, { ...roleRequest, role: 'Billing' })).toMatchObject({
      ok: false,
      code: 'ROLE_NOT_FOUND',
      path: 'role',
    });
  });

  it('refuses the division the room’s agent is already in', () => {
    expect(handOverToRole(roomWithBudi, { ...roleRequest, role: 'billing' })).toEqual({
      ok: false,
      code: 'SAME_DIVISION',
      message:
        'The room is already with Budi Santoso of billing: hand it to another division, or leave it with them.',
      path: 'role',
    });
  });

  it('refuses any division of an agent who is in several, not only the first', () => {
    const withGita: RoomState = { ...roomWithBudi, agentId: gita.id, division: 'support' };
    expect(handOverToRole(withGita, { ...roleRequest, role: 'billing' })).toEqual({
      ok: false,
      code: 'SAME_DIVISION',
      message:
        'The room is already with Gita Savitri of billing: hand it to another division, or leave it with them.',
      path: 'role',
    });
  });

  it('gives the room to the least busy online agent of the division', () => {
    expect(handOverToRole(room, { ...roleRequest, role: 'billing' })).toEqual({
      ok: true,
      agent: budi,
      room: {
        ...room,
        botActive: false,
        isWaiting: false,
        agentId: 102,
        division: 'billing',
        handover: {
          status: 'assigned',
          requestedAt: 5000,
          answeredAt: 5000,
          findOnlineAgent: true,
          role: 'billing',
        },
        updatedAt: 5000,
      },
    });
  });

  it('settles a tie in load with the lowest agent id', () => {
    const result = handOverToRole(room, { ...roleRequest, role: 'sales' });
    expect(result).toMatchObject({ ok: true, agent: { id: 201 } });
    expect(roomOf(result).agentId).toBe(201);
  });

  it('takes an offline agent of the division only when the bot did not ask for an online one', () => {
    expect(
      handOverToRole(room, { ...roleRequest, role: 'support', findOnlineAgent: false }),
    ).toEqual({
      ok: true,
      agent: gita,
      room: {
        ...room,
        botActive: false,
        isWaiting: false,
        agentId: 401,
        division: 'support',
        handover: {
          status: 'assigned',
          requestedAt: 5000,
          answeredAt: 5000,
          findOnlineAgent: false,
          role: 'support',
        },
        updatedAt: 5000,
      },
    });
  });

  it('prefers an online agent of the division even when the bot did not insist', () => {
    const result = handOverToRole(room, {
      ...roleRequest,
      role: 'billing',
      findOnlineAgent: false,
    });
    expect(result).toMatchObject({ ok: true, agent: { id: 102 } });
  });

  it('leaves the room waiting for the division when nobody in it is online', () => {
    expect(handOverToRole(room, { ...roleRequest, role: 'support' })).toEqual({
      ok: true,
      agent: null,
      room: {
        ...room,
        botActive: false,
        isWaiting: true,
        agentId: null,
        division: 'support',
        handover: {
          status: 'assigned',
          requestedAt: 5000,
          answeredAt: null,
          findOnlineAgent: true,
          role: 'support',
        },
        updatedAt: 5000,
      },
    });
  });

  it('refuses the division a room is already waiting for', () => {
    const waiting = roomOf(handOverToRole(room, { ...roleRequest, role: 'support' }));
    expect(handOverToRole(waiting, { ...roleRequest, role: 'support', now: 6000 })).toEqual({
      ok: false,
      code: 'SAME_DIVISION',
      message:
        'The room is already waiting for an agent of support: hand it to another division, or let it wait.',
      path: 'role',
    });
  });

  it('moves a room from an agent of one division to an agent of another', () => {
    expect(handOverToRole(roomWithBudi, { ...roleRequest, role: 'sales' })).toEqual({
      ok: true,
      agent: dodi,
      room: {
        ...roomWithBudi,
        botActive: false,
        isWaiting: false,
        agentId: 201,
        division: 'sales',
        handover: {
          status: 'assigned',
          requestedAt: 5000,
          answeredAt: 5000,
          findOnlineAgent: true,
          role: 'sales',
        },
        updatedAt: 5000,
      },
    });
  });

  it('takes the room from its agent when nobody in the new division is online', () => {
    expect(roomOf(handOverToRole(roomWithBudi, { ...roleRequest, role: 'support' }))).toMatchObject(
      {
        agentId: null,
        division: 'support',
        isWaiting: true,
        handover: { status: 'assigned', role: 'support', answeredAt: null },
      },
    );
  });
});

describe('pickAgent', () => {
  it('puts an online agent before an offline one with fewer rooms', () => {
    expect(pickAgent([citra, ani], load, false)).toBe(ani);
  });

  it('puts the agent with fewer rooms first among the online ones', () => {
    expect(pickAgent([ani, dodi, budi], load, false)).toBe(budi);
  });

  it('settles a tie in load with the lowest id, whatever the order of the candidates', () => {
    expect(pickAgent([eka, dodi], load, false)).toBe(dodi);
    expect(pickAgent([dodi, eka], load, false)).toBe(dodi);
  });

  it('counts an agent missing from the load as having no rooms', () => {
    expect(pickAgent([fajar, gita], load, false)).toBe(gita);
  });

  it('leaves offline agents out when asked for online ones only', () => {
    expect(pickAgent([citra, fajar, gita], load, true)).toBeUndefined();
    expect(pickAgent([citra, fani, ani], load, true)).toBe(ani);
  });

  it('falls back to the least busy offline agent when online ones are not required', () => {
    expect(pickAgent([fajar, citra, gita], load, false)).toBe(citra);
  });

  it('finds nobody among no candidates', () => {
    expect(pickAgent([], load, false)).toBeUndefined();
    expect(pickAgent([], load, true)).toBeUndefined();
  });

  it('leaves the list of candidates in its order', () => {
    const candidates = deepFreeze([ani, citra, budi]);
    expect(pickAgent(candidates, load, false)).toBe(budi);
    expect(candidates.map((agent) => agent.id)).toEqual([101, 103, 102]);
  });
});

describe('room switches', () => {
  it('setRoomBot switches the bot off and back on, stamping the time', () => {
    const off = setRoomBot(room, { active: false, now: 2000 });
    expect(off).toEqual({ ...room, botActive: false, updatedAt: 2000 });
    expect(setRoomBot(off, { active: true, now: 3000 })).toEqual({
      ...room,
      botActive: true,
      updatedAt: 3000,
    });
  });

  it('setRoomBot leaves the handover and the agent as they are', () => {
    expect(setRoomBot(roomWithBudi, { active: true, now: 4000 })).toEqual({
      ...roomWithBudi,
      botActive: true,
      updatedAt: 4000,
    });
  });

  it('resolveRoom marks the room resolved, no longer waiting, and keeps its agent', () => {
    const waiting = pendingRoom(true);
    expect(resolveRoom(waiting, { now: 6000 })).toEqual({
      ...waiting,
      resolved: true,
      resolvedAt: 6000,
      isWaiting: false,
      updatedAt: 6000,
    });
    expect(resolveRoom(roomWithBudi, { now: 6000 })).toEqual({
      ...roomWithBudi,
      resolved: true,
      resolvedAt: 6000,
      isWaiting: false,
      updatedAt: 6000,
    });
  });

  it('receiveCustomerMessage only stamps the time in a room that is not resolved', () => {
    expect(receiveCustomerMessage(roomWithBudi, { now: 7000 })).toEqual({
      newSession: false,
      room: { ...roomWithBudi, updatedAt: 7000 },
    });
  });

  it('receiveCustomerMessage opens a new session with the bot in a resolved room', () => {
    const resolved = resolveRoom(roomWithBudi, { now: 6000 });
    expect(receiveCustomerMessage(resolved, { now: 7000 })).toEqual({
      newSession: true,
      room: {
        ...room,
        botActive: true,
        isWaiting: false,
        agentId: null,
        division: null,
        handover: {
          status: 'none',
          requestedAt: null,
          answeredAt: null,
          findOnlineAgent: false,
          role: null,
        },
        resolved: false,
        resolvedAt: null,
        createdAt: 1000,
        updatedAt: 7000,
      },
    });
  });

  it('receiveCustomerMessage lets a new handover be asked for in the new session', () => {
    const resolved = resolveRoom(roomWithBudi, { now: 6000 });
    const reopened = receiveCustomerMessage(resolved, { now: 7000 }).room;
    expect(
      roomOf(requestHandover(reopened, { findOnlineAgent: true, now: 8000 })).handover,
    ).toEqual({
      status: 'pending',
      requestedAt: 8000,
      answeredAt: null,
      findOnlineAgent: true,
      role: null,
    });
  });
});
