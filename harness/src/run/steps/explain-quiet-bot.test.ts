import { expect, it } from 'vitest';
import type { Delivery, Exchange, MockRoom } from '#contracts';
import { quietRoom as room, quietRoomId as roomId } from '../../../test/support/quiet-room.js';
import { RoomFollower } from '../room-follower.js';
import { explainQuietBot } from './explain-quiet-bot.js';

const delivery = {
  id: 'dlv_1',
  webhook: 'botMessage',
  room_id: roomId,
  comment_id: 1,
  url: 'http://127.0.0.1:3738/',
  status: 'delivered',
  skip_reason: null,
  reason: 'The bot answered 204.',
  created_at: '2026-11-24T02:10:30Z',
  settled_at: '2026-11-24T02:10:30Z',
  attempts: [
    {
      number: 1,
      started_at: '2026-11-24T02:10:30Z',
      status_code: 204,
      latency_ms: 3,
      error: null,
      response_head: '',
    },
  ],
  redelivery_of: null,
} satisfies Delivery;

function exchange(
  direction: Exchange['direction'],
  operationId: string | null,
  path: string,
  status: number,
): Exchange {
  return {
    seq: 2,
    start_seq: 2,
    time: '2026-11-24T02:10:31Z',
    direction,
    operation_id: operationId,
    method: 'POST',
    path,
    room_id: roomId,
    status,
    request: { headers: {}, body: null },
    response: null,
    error: null,
    warnings: [],
    flags: [],
  };
}

/** A follower that has seen the room as `roomChange` leaves it, and the delivery as given. */
function following(roomChange: Partial<MockRoom> | null, latest: Partial<Delivery> | null) {
  const follower = new RoomFollower();
  if (roomChange !== null)
    follower.take({ type: 'room', seq: 1, room: { ...room, ...roomChange } });
  if (latest !== null) follower.followDelivery({ ...delivery, ...latest });
  return follower;
}

it('says how the webhook went when the bot is on', () => {
  expect(
    [
      following({}, {}),
      following({}, { attempts: [] }),
      following({}, { status: 'failed', reason: 'The bot answered 500.' }),
      following({}, { status: 'pending' }),
      following({}, { status: 'skipped', reason: 'No bot URL is set.' }),
      following(null, null),
    ].map(explainQuietBot),
  ).toEqual([
    'the bot took the webhook (it answered 204); it has called nothing this turn',
    'the bot took the webhook (it answered 2xx); it has called nothing this turn',
    'the webhook delivery failed: The bot answered 500.; it has called nothing this turn',
    'the webhook is still waiting for the bot to answer it; it has called nothing this turn',
    'the webhook was not sent: No bot URL is set.; it has called nothing this turn',
    'it has called nothing this turn',
  ]);
});

it('says the bot is off for the room, and since which handover, and that so no webhook went out', () => {
  const handover = { ...room.handover, status: 'pending' as const };
  expect(
    [
      following({ bot_active: false }, null),
      following({ bot_active: false, handover }, null),
      following({ bot_active: false, handover: { ...handover, role: 'billing' } }, null),
      following({ bot_active: false }, { status: 'skipped', reason: 'The bot is off.' }),
    ].map(explainQuietBot),
  ).toEqual([
    'the bot is off for room 187250792; it has called nothing this turn',
    'the bot is off for room 187250792 since its handover (pending); it has called nothing this turn',
    'the bot is off for room 187250792 since its handover (pending to billing); it has called nothing this turn',
    'the bot is off for room 187250792, so the webhook was not sent; it has called nothing this turn',
  ]);
});

it("lists the bot's own calls of the turn, by operation or else by method and path", () => {
  const follower = following({}, null);
  follower.take({ type: 'exchange', seq: 2, exchange: exchange('to_bot', 'botMessage', '/', 200) });
  follower.take({
    type: 'exchange',
    seq: 3,
    exchange: exchange('from_bot', 'handover', '/api/v1/app/bot/187250792/hand_over', 200),
  });
  follower.take({
    type: 'exchange',
    seq: 4,
    exchange: exchange('from_bot', null, '/nowhere', 404),
  });
  expect(explainQuietBot(follower)).toBe('this turn it called handover → 200, POST /nowhere → 404');
});
