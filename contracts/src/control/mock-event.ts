import { RoomIdSchema } from '../ids.js';
import { z } from '../zod.js';
import { DeliverySchema } from './delivery.js';
import { ExchangeSchema } from './exchange.js';
import { MockRoomSchema, RoomMessageSchema } from './mock-room.js';
import { MockSettingsSchema } from './mock-settings.js';

const seq = z
  .number()
  .int()
  .nonnegative()
  .describe(
    'Counts the events of one server, from 1; `ready` carries the last one sent before it.',
  );

/**
 * One event of `/_mock/events`, the mock's live WebSocket stream (one JSON text frame each): a
 * `ready` snapshot first, then every change as it happens, so a dashboard or a harness can follow
 * the mock without polling.
 */
export const MockEventSchema = z
  .discriminatedUnion('type', [
    z
      .strictObject({
        type: z.literal('ready'),
        seq,
        settings: MockSettingsSchema,
        rooms: z.array(MockRoomSchema).describe('Every room, newest activity first.'),
      })
      .describe('Sent once, on connecting: where things stand.'),
    z
      .strictObject({ type: z.literal('room'), seq, room: MockRoomSchema })
      .describe('A room was opened or changed (bot on or off, handover, agent, resolved …).'),
    z
      .strictObject({
        type: z.literal('message'),
        seq,
        room_id: RoomIdSchema,
        message: RoomMessageSchema,
      })
      .describe('Someone wrote in a room: the customer, the bot or an agent.'),
    z
      .strictObject({ type: z.literal('delivery'), seq, delivery: DeliverySchema })
      .describe('A webhook delivery was logged, tried again or settled.'),
    z
      .strictObject({ type: z.literal('exchange'), seq, exchange: ExchangeSchema })
      .describe('An exchange went into the traffic log, refusals of the bot included.'),
    z
      .strictObject({ type: z.literal('settings'), seq, settings: MockSettingsSchema })
      .describe('The switches changed.'),
    z
      .strictObject({ type: z.literal('reset'), seq })
      .describe('Rooms, deliveries and traffic were cleared.'),
    z
      .strictObject({
        type: z.literal('rooms_dropped'),
        seq,
        room_ids: z.array(RoomIdSchema),
        reason: z.string().describe('Why, in one sentence, with the budget that was reached.'),
      })
      .describe('The oldest rooms were let go to keep the mock within its memory budget.'),
  ])
  .openapi('MockEvent', { example: { type: 'reset', seq: 7 } });
export type MockEvent = z.infer<typeof MockEventSchema>;
