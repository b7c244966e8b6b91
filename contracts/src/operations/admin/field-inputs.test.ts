import { expect, it } from 'vitest';
import { checkContract } from '../../contract-issues.js';
import { z } from '../../zod.js';
import {
  AgentIdFieldSchema,
  BooleanFieldSchema,
  QueryIntSchema,
  QueryPageSchema,
  RoomIdFieldSchema,
} from './field-inputs.js';

const BodySchema = z.strictObject({
  room_id: RoomIdFieldSchema,
  agent_id: AgentIdFieldSchema,
  flag: BooleanFieldSchema,
});
const QuerySchema = z.strictObject({ limit: QueryIntSchema, page: QueryPageSchema });

/** The problems the contract finds in a value; an empty list when it takes it. */
function problemsOf(schema: z.ZodType, value: unknown) {
  const result = checkContract(schema, value);
  return result.ok ? [] : [...result.problems];
}

it('reads a room id as text and an agent id as a number, whichever way each was sent', () => {
  expect(BodySchema.parse({ room_id: '187250792', agent_id: 164868, flag: true })).toEqual({
    room_id: '187250792',
    agent_id: 164868,
    flag: true,
  });
  expect(BodySchema.parse({ room_id: 187250792, agent_id: '164868', flag: 'false' })).toEqual({
    room_id: '187250792',
    agent_id: 164868,
    flag: false,
  });
  expect(BodySchema.parse({ room_id: 0, agent_id: '0', flag: 'true' })).toEqual({
    room_id: '0',
    agent_id: 0,
    flag: true,
  });
});

it('refuses ids that are not whole numbers, in words that give an example', () => {
  const room = { path: 'room_id', message: 'must be the numeric id of the room, e.g. "187250792"' };
  const agent = { path: 'agent_id', message: 'must be the numeric id of an agent, e.g. 164868' };
  for (const [roomId, agentId] of [
    ['12a', '16x'],
    [-1, -1],
    [1.5, 2.5],
    ['', ''],
    ['12345678901234567890', '12345678901234567890'],
    [' 12', '12 '],
    [null, true],
  ]) {
    expect({
      roomId,
      agentId,
      problems: problemsOf(BodySchema, { room_id: roomId, agent_id: agentId, flag: true }),
    }).toEqual({ roomId, agentId, problems: [room, agent] });
  }
});

it('says a missing id is required', () => {
  expect(problemsOf(BodySchema, { flag: true })).toEqual([
    { path: 'room_id', message: 'is required' },
    { path: 'agent_id', message: 'is required' },
  ]);
});

it('reads whole numbers from the query string, a page from 1', () => {
  expect(QuerySchema.parse({ limit: '0', page: '1' })).toEqual({ limit: 0, page: 1 });
  expect(QuerySchema.parse({ limit: '999999999', page: '20' })).toEqual({
    limit: 999_999_999,
    page: 20,
  });
  for (const limit of ['', '-1', '1.5', 'ten', '1000000000', ' 20']) {
    expect({ limit, problems: problemsOf(QuerySchema, { limit, page: '1' }) }).toEqual({
      limit,
      problems: [{ path: 'limit', message: 'must be a whole number such as 20' }],
    });
  }
  expect(problemsOf(QuerySchema, { limit: '20', page: '0' })).toEqual([
    { path: 'page', message: 'must be 1 or more' },
  ]);
});
