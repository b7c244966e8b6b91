// The agents, divisions and rooms the tests of the hand-over rules share: frozen, so that a rule
// that changed its input in place would throw.
import { AgentSchema, agentExample, ChannelSchema, RoomIdSchema, type Agent } from '#contracts';
import type { Staff, Transition } from '../../src/conversation/handover-rules.js';
import { noHandover, type Handover, type RoomState } from '../../src/conversation/room-state.js';

/** Freezes a value and everything in it, so a rule that changed its input in place would throw. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

/** The room of a transition that happened; fails the test when it was refused. */
export function roomOf<Extra>(result: Transition<Extra>): RoomState {
  if (!result.ok) throw new Error(`refused with ${result.code}: ${result.message}`);
  return result.room;
}

export const billing = { id: 2, name: 'billing' };
export const sales = { id: 3, name: 'sales' };
export const support = { id: 4, name: 'support' };
export const divisions = ['billing', 'sales', 'support'];

/** The contract's example agent, in billing. */
export const baseAgent = { ...agentExample, user_roles: [billing] } satisfies Agent;

export const ani = deepFreeze(
  AgentSchema.parse({
    ...baseAgent,
    id: 101,
    name: 'Ani Wijaya',
    email: 'ani.wijaya@example.com',
    user_roles: [billing],
    is_available: true,
  } satisfies Agent),
);
export const budi = deepFreeze(
  AgentSchema.parse({
    ...baseAgent,
    id: 102,
    name: 'Budi Santoso',
    email: 'budi.santoso@example.com',
    user_roles: [billing],
    is_available: true,
  } satisfies Agent),
);
export const citra = deepFreeze(
  AgentSchema.parse({
    ...baseAgent,
    id: 103,
    name: 'Citra Kirana',
    email: 'citra.kirana@example.com',
    user_roles: [billing],
    is_available: false,
  } satisfies Agent),
);
export const dodi = deepFreeze(
  AgentSchema.parse({
    ...baseAgent,
    id: 201,
    name: 'Dodi Pratama',
    email: 'dodi.pratama@example.com',
    user_roles: [sales],
    is_available: true,
  } satisfies Agent),
);
export const eka = deepFreeze(
  AgentSchema.parse({
    ...baseAgent,
    id: 202,
    name: 'Eka Putri',
    email: 'eka.putri@example.com',
    user_roles: [sales],
    is_available: true,
  } satisfies Agent),
);
export const fani = deepFreeze(
  AgentSchema.parse({
    ...baseAgent,
    id: 203,
    name: 'Fani Rahma',
    email: 'fani.rahma@example.com',
    user_roles: [sales],
    is_available: false,
  } satisfies Agent),
);
export const fajar = deepFreeze(
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
export const gita = deepFreeze(
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
export const hadi = deepFreeze(
  AgentSchema.parse({
    ...baseAgent,
    id: 501,
    name: 'Hadi Susanto',
    email: 'hadi.susanto@example.com',
    user_roles: [],
    is_available: true,
  } satisfies Agent),
);

export const load: ReadonlyMap<number, number> = new Map([
  [ani.id, 3],
  [budi.id, 1],
  [citra.id, 0],
  [dodi.id, 2],
  [eka.id, 2],
  [fani.id, 0],
  [fajar.id, 3],
]);

/** Everyone; eka is listed before dodi so that ties are not settled by the order of the list. */
export const staff: Staff = { agents: [ani, budi, citra, eka, dodi, fani, fajar, gita], load };
/** Nobody online. */
export const offlineStaff: Staff = { agents: [fajar, gita, citra], load };

export const room: RoomState = deepFreeze({
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

export function pendingHandover(findOnlineAgent: boolean): Handover {
  return { status: 'pending', requestedAt: 2000, answeredAt: null, findOnlineAgent, role: null };
}

/** The room after the bot called hand_over at 2000. */
export function pendingRoom(findOnlineAgent: boolean): RoomState {
  return deepFreeze({
    ...room,
    botActive: false,
    isWaiting: true,
    handover: pendingHandover(findOnlineAgent),
    updatedAt: 2000,
  });
}

/** A room an agent of billing (budi) took by accepting a handover at 3000. */
export const roomWithBudi: RoomState = deepFreeze({
  ...room,
  botActive: false,
  agentId: budi.id,
  division: 'billing',
  handover: { ...pendingHandover(true), status: 'accepted', answeredAt: 3000 },
  updatedAt: 3000,
});

export const roleRequest = {
  findOnlineAgent: true,
  autoAgentAllocation: true,
  divisions,
  staff,
  now: 5000,
};
