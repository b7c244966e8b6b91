import { expect, it } from 'vitest';
import { RoomIdSchema, type Exchange, type MockEvent } from '#contracts';
import { botMessageEvent as botMessage } from '../../test/support/bot-message-event.js';
import { EventRouter } from './event-router.js';
import { RoomFollower } from './room-follower.js';

/** A request of the bot the mock refused before it could tell the room: a body that is not JSON. */
const refusedWithoutRoom = {
  seq: 5,
  start_seq: 5,
  time: '2026-11-24T02:10:31Z',
  direction: 'from_bot',
  operation_id: 'postBotMessage',
  method: 'POST',
  path: '/qiscus-mock-app/bot',
  room_id: null,
  status: 400,
  request: { headers: { 'content-type': 'application/json' }, body: '{"room_id' },
  response: { body: 'not JSON' },
  error: null,
  warnings: [],
  flags: [],
} satisfies Exchange;

const refusal: MockEvent = { type: 'exchange', seq: 5, exchange: refusedWithoutRoom };

function heard(follower: RoomFollower): string[] {
  return follower.stepFindings().violations.map((violation) => violation.message);
}

it("sends each room's events to the script of that room only", () => {
  const router = new EventRouter();
  const first = new RoomFollower();
  const second = new RoomFollower();
  router.bind('1', first);
  router.bind('2', second);
  router.route(botMessage('1'));
  router.route(botMessage('1'));
  router.route(botMessage('2'));
  router.route(botMessage('3'));
  expect([first.botMessageCount, second.botMessageCount]).toEqual([2, 1]);
});

it('gives the events of a room opened inside open to the opening script, which learns its room', () => {
  const router = new EventRouter();
  const first = new RoomFollower();
  expect(router.open(first, () => (router.route(botMessage('7')), 'said'))).toBe('said');
  router.route(botMessage('7'));
  router.bind('8', first);
  expect([first.roomId, first.botMessageCount]).toEqual(['7', 2]);
  expect(() =>
    router.open(first, () => {
      throw new Error('refused');
    }),
  ).toThrow('refused');
  router.route(botMessage('9'));
  expect(first.botMessageCount).toBe(2);
});

it('fails every running script with a refused request that names no room, and says why', () => {
  const router = new EventRouter();
  const first = new RoomFollower();
  const second = new RoomFollower();
  router.setRunning(first, true);
  router.setRunning(second, true);
  router.route({ type: 'reset', seq: 4 });
  router.route(refusal);
  expect([heard(first), heard(second)]).toMatchInlineSnapshot(`
    [
      [
        "status 400: not JSON [the request names no room, so every script running when it came is failed by it]",
      ],
      [
        "status 400: not JSON [the request names no room, so every script running when it came is failed by it]",
      ],
    ]
  `);
  router.setRunning(first, false);
  router.route(refusal);
  expect([heard(first).length, heard(second).length]).toEqual([1, 2]);
});

it('fails every running script with a refused request naming a room no script has', () => {
  const router = new EventRouter();
  const first = new RoomFollower();
  router.bind('1', first);
  router.setRunning(first, true);
  router.route({
    type: 'exchange',
    seq: 7,
    exchange: {
      ...refusedWithoutRoom,
      room_id: RoomIdSchema.parse('999999'),
      status: 404,
      response: { body: 'no such room' },
    },
  });
  expect(heard(first)).toEqual([
    "status 404: no such room [the request names room 999999, which is no script's, so every script running when it came is failed by it]",
  ]);
});

it('gives a refusal that names no room to the script that ended last when none runs', () => {
  const router = new EventRouter();
  expect(() => {
    router.route(refusal);
  }).not.toThrow();
  const first = new RoomFollower();
  const second = new RoomFollower();
  router.setRunning(first, true);
  router.setRunning(second, true);
  router.setRunning(second, false);
  router.setRunning(first, false);
  router.route(refusal);
  expect([heard(first).length, heard(second).length]).toEqual([1, 0]);
});

it('keeps no room-less finding of a webhook sent to the bot for any script', () => {
  const router = new EventRouter();
  const first = new RoomFollower();
  router.setRunning(first, true);
  router.route({
    type: 'exchange',
    seq: 6,
    exchange: {
      ...refusedWithoutRoom,
      direction: 'to_bot',
      operation_id: 'botMessage',
      path: '/',
      status: null,
      error: 'connect ECONNREFUSED',
    },
  });
  expect(heard(first)).toEqual([]);
});
