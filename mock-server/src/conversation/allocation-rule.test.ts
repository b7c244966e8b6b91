import { describe, expect, it } from 'vitest';
import type { Agent } from '#contracts';
import { allocateByAnswer } from './allocation-rule.js';
import { ani, budi, pendingRoom, room, roomWithBudi } from '../../test/support/handover-staff.js';

const agents: readonly Agent[] = [ani, budi];
const findAgent = (id: number | null) => agents.find((agent) => agent.id === id);
const request = { findAgent, now: 5000 };

describe('allocateByAnswer', () => {
  it('assigns the agent the receiver answered, answering the pending handover', () => {
    const pending = pendingRoom(true);

    expect(allocateByAnswer(pending, { ok: true, agentId: ani.id }, request)).toEqual({
      room: {
        ...pending,
        botActive: false,
        isWaiting: false,
        agentId: ani.id,
        division: 'billing',
        handover: { ...pending.handover, status: 'accepted', answeredAt: 5000 },
        updatedAt: 5000,
      },
      note: 'Assigned Ani Wijaya (agent 101), as the receiver answered.',
    });
  });

  it('assigns nobody when the room is gone', () => {
    expect(allocateByAnswer(undefined, { ok: true, agentId: ani.id }, request)).toEqual({
      note: 'The room is gone (reset or dropped); nobody was assigned.',
    });
  });

  it('leaves the room with the agent who has it already', () => {
    const taken = { ...pendingRoom(true), agentId: budi.id };

    expect(allocateByAnswer(taken, { ok: true, agentId: ani.id }, request)).toEqual({
      note: 'Budi Santoso (agent 102) has the room already.',
    });
    expect(allocateByAnswer(roomWithBudi, { ok: true, agentId: ani.id }, request)).toEqual({
      note: 'Budi Santoso (agent 102) has the room already.',
    });
  });

  it('assigns nobody once the handover is no longer pending', () => {
    expect(allocateByAnswer(room, { ok: true, agentId: ani.id }, request)).toEqual({
      note: 'The handover is none already; nobody was assigned.',
    });
  });

  it('falls back to the inbox when the receiver gave no agent, or one the app does not have', () => {
    const pending = pendingRoom(false);

    expect(allocateByAnswer(pending, { ok: false, why: 'no answer came' }, request)).toEqual({
      note: 'Fell back to the normal allocation (no answer came): the handover waits in the inbox.',
    });
    expect(allocateByAnswer(pending, { ok: true, agentId: 999 }, request)).toEqual({
      note: 'Fell back to the normal allocation (agent_id 999 is no agent of the app): the handover waits in the inbox.',
    });
  });
});
