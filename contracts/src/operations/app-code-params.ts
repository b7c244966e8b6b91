import { AppCodeSchema, RoomIdSchema } from '../ids.js';
import { z } from '../zod.js';

/** Path parameters of `/{app_code}/…` operations. */
export const AppCodeParamsSchema = z.strictObject({ app_code: AppCodeSchema });

/** Path parameters of `/{app_code}/bot/{room_id}/…` operations. */
export const AppRoomParamsSchema = z.strictObject({
  app_code: AppCodeSchema,
  room_id: RoomIdSchema,
});

/** Path parameters of `/bot/{room_id}/…` operations. */
export const RoomParamsSchema = z.strictObject({ room_id: RoomIdSchema });
