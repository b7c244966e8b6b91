import { ChannelSourceSchema } from '../channels.js';
import { jsonStringOf } from '../json-string.js';
import { NumericIdSchema } from '../ids.js';
import { z } from '../zod.js';

/** The channel a room came through, as `room.options.channel_details` describes it. */
export const ChannelDetailsSchema = z
  .strictObject({
    channel_id: NumericIdSchema,
    name: z.string(),
    phone: z.string().optional().describe('The business number, on WhatsApp.'),
  })
  .openapi('ChannelDetails', {
    example: { channel_id: 963, name: 'Qiscus Mock WhatsApp', phone: '+6281100000001' },
  });

const roomOptionsExample = {
  channel: 'wa',
  channel_details: { channel_id: 963, name: 'Qiscus Mock WhatsApp', phone: '+6281100000001' },
  is_resolved: false,
  is_waiting: false,
  source: 'wa',
} as const;

/** The options of a WhatsApp room as Qiscus sends them: a JSON string. */
export const roomOptionsJsonExample = JSON.stringify(roomOptionsExample);

const roomOptionsComponent = 'RoomOptions';

/** A room's options, once decoded from the JSON string Qiscus sends. */
export const RoomOptionsSchema = z
  .strictObject({
    channel: ChannelSourceSchema,
    channel_details: ChannelDetailsSchema,
    is_resolved: z.boolean(),
    is_waiting: z.boolean().describe('Waiting for an agent.'),
    source: ChannelSourceSchema,
  })
  .openapi(roomOptionsComponent, { example: roomOptionsExample });
export type RoomOptions = z.infer<typeof RoomOptionsSchema>;

/**
 * `room.options` as it travels: a JSON **string** whose decoded content is a `RoomOptions`.
 * Both layers are checked; a problem inside is reported at its path below `options`.
 */
export const RoomOptionsJsonSchema = jsonStringOf(RoomOptionsSchema, {
  component: roomOptionsComponent,
  what: 'the room options',
  example: roomOptionsJsonExample,
});

/** Decodes a checked `room.options` string. Throws on text that is not valid room options. */
export function decodeRoomOptions(text: string): RoomOptions {
  return RoomOptionsSchema.parse(JSON.parse(text));
}

/** Encodes room options the way Qiscus sends them: a JSON string with keys in alphabetical order. */
export function encodeRoomOptions(options: RoomOptions): string {
  const details: RoomOptions['channel_details'] = {
    channel_id: options.channel_details.channel_id,
    name: options.channel_details.name,
    ...(options.channel_details.phone === undefined
      ? {}
      : { phone: options.channel_details.phone }),
  };
  return JSON.stringify({
    channel: options.channel,
    channel_details: details,
    is_resolved: options.is_resolved,
    is_waiting: options.is_waiting,
    source: options.source,
  });
}
