import { describe, expect, it } from 'vitest';
import {
  handOverToRole,
  pickAgent,
  receiveCustomerMessage,
  requestHandover,
  resolveRoom,
  setRoomBot,
} from './handover-rules.js';
import { type RoomState } from './room-state.js';
import {
  deepFreeze,
  roomOf,
  ani,
  budi,
  citra,
  dodi,
  eka,
  fani,
  fajar,
  gita,
  hadi,
  load,
  room,
  pendingRoom,
  roomWithBudi,
  roleRequest,
  staff,
} from '../../test/support/handover-staff.js';

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

  it('hands a room to the division it is marked with when its agent is in no division', () => {
    // assign_agent leaves the room's division as it was when the agent is in none.
    const withHadi: RoomState = deepFreeze({
      ...roomWithBudi,
      agentId: hadi.id,
      division: 'support',
    });
    const result = handOverToRole(withHadi, {
      ...roleRequest,
      role: 'support',
      findOnlineAgent: false,
      staff: { agents: [...staff.agents, hadi], load },
    });
    expect(result).toMatchObject({ ok: true, agent: { id: gita.id } });
    expect(roomOf(result)).toMatchObject({
      agentId: gita.id,
      division: 'support',
      handover: { status: 'assigned', role: 'support' },
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
