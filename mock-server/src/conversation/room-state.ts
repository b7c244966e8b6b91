import type { Channel, HandoverStatus, RoomId } from '#contracts';

/** The customer a room belongs to. */
export interface Customer {
  /** The user id on the channel (a phone number on WhatsApp), the webhook's `from.email`. */
  readonly id: string;
  /** The numeric user id, the webhook's `from.id`. */
  readonly userId: number;
  readonly name: string;
  readonly avatar_url: string;
}

/** Where a room's handover stands (times in epoch milliseconds). */
export interface Handover {
  readonly status: HandoverStatus;
  readonly requestedAt: number | null;
  readonly answeredAt: number | null;
  readonly findOnlineAgent: boolean;
  readonly role: string | null;
}

/** A room, as the store keeps it. Values are replaced, never changed in place. */
export interface RoomState {
  readonly id: RoomId;
  readonly channel: Channel;
  readonly customer: Customer;
  /** Whether the bot gets webhooks for this room (Qiscus's `is_handled_by_bot`). */
  readonly botActive: boolean;
  readonly handover: Handover;
  readonly agentId: number | null;
  readonly division: string | null;
  readonly isWaiting: boolean;
  readonly resolved: boolean;
  readonly resolvedAt: number | null;
  readonly createdAt: number;
  readonly updatedAt: number;
}

/** A room's handover before anyone asked for one. */
export const noHandover: Handover = {
  status: 'none',
  requestedAt: null,
  answeredAt: null,
  findOnlineAgent: false,
  role: null,
};
