import { z } from './zod.js';

/** An app's code, the `{app_code}` of every bot URL (Qiscus calls it App ID in the dashboard). */
export const AppCodeSchema = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z0-9_-]+$/, 'an app code holds only letters, digits, "-" and "_"')
  .openapi({ example: 'qiscus-mock-app' })
  .brand<'AppCode'>();
export type AppCode = z.infer<typeof AppCodeSchema>;

/**
 * A room id. Qiscus room ids are numbers, but every client sends them as strings (the webhook's
 * `payload.room.id_str`), and the bot endpoints expect a string.
 */
export const RoomIdSchema = z
  .string({
    error: (issue) =>
      issue.input === undefined
        ? undefined
        : 'must be a string such as "123": send payload.room.id_str from the webhook',
  })
  .regex(/^[0-9]{1,19}$/, 'must be the numeric id of the room, as a string such as "123"')
  .openapi({ example: '187250792', description: 'Numeric room id, as a string.' })
  .brand<'RoomId'>();
export type RoomId = z.infer<typeof RoomIdSchema>;

/** A numeric id Qiscus gives users, agents, channels and comments. */
export const NumericIdSchema = z.number().int().nonnegative().openapi({ example: 963 });

/** An ISO-8601 UTC timestamp as Qiscus writes it, e.g. `2025-07-11T05:46:37Z`. */
export const TimestampSchema = z.iso
  .datetime({ offset: true })
  .openapi({ example: '2025-07-11T05:46:37Z' });
