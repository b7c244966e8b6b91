import type { BotMessageInput } from '#contracts';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/**
 * A message the bot sends, as the reply policy decides it: a bot message of any type without the
 * sender and the room, which the client fills in.
 */
export type BotReply = DistributiveOmit<BotMessageInput, 'sender_email' | 'room_id'>;
