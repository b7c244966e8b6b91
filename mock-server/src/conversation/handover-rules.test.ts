import { describe, expect, it } from 'vitest';
import { acceptHandover, declineHandover, requestHandover } from './handover-rules.js';
import {
  roomOf,
  ani,
  budi,
  citra,
  gita,
  hadi,
  load,
  staff,
  offlineStaff,
  room,
  pendingHandover,
  pendingRoom,
  roomWithBudi,
} from '../../test/support/handover-staff.js';

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
