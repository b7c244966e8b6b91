import type { RoomId, RoomMessage } from '#contracts';
import type { RoomState } from '../conversation/room-state.js';
import { RingBuffer } from '../ring-buffer.js';

interface RoomEntry {
  room: RoomState;
  readonly messages: RingBuffer<RoomMessage>;
  /** The time of the latest message, when later than the room value's own `updatedAt`. */
  activity: number;
}

/**
 * The rooms of one server instance and their messages, indexed by id (and by customer), so no
 * request scans the whole store. Rooms are immutable values: a change stores a new one.
 */
export class RoomStore {
  private readonly rooms = new Map<string, RoomEntry>();
  private readonly byCustomer = new Map<string, RoomId>();

  constructor(
    private readonly messagesPerRoom: number,
    /** Told of each change: a room opened or replaced (no message), or a message written. */
    private readonly onChange: (roomId: string, message?: RoomMessage) => void = () => undefined,
  ) {}

  private static customerKey(channelId: number, customerId: string): string {
    return `${channelId}\u0000${customerId}`;
  }

  add(room: RoomState): void {
    this.rooms.set(room.id, {
      room,
      messages: new RingBuffer(this.messagesPerRoom),
      activity: room.updatedAt,
    });
    this.byCustomer.set(RoomStore.customerKey(room.channel.id, room.customer.id), room.id);
    this.onChange(room.id);
  }

  get(id: string): RoomState | undefined {
    const entry = this.rooms.get(id);
    if (!entry) return undefined;
    // A message moved the room's time on; the new room value is made when it is first read.
    if (entry.activity > entry.room.updatedAt) {
      entry.room = { ...entry.room, updatedAt: entry.activity };
    }
    return entry.room;
  }

  /** The room as last stored, its `updatedAt` possibly behind its latest message. */
  peek(id: string): RoomState | undefined {
    return this.rooms.get(id)?.room;
  }

  findByCustomer(channelId: number, customerId: string): RoomState | undefined {
    const id = this.byCustomer.get(RoomStore.customerKey(channelId, customerId));
    return id === undefined ? undefined : this.get(id);
  }

  /** Replaces a room with its new state. */
  save(room: RoomState): void {
    const entry = this.rooms.get(room.id);
    if (!entry) throw new Error(`room ${room.id} is not in the store`);
    entry.room = room;
    entry.activity = Math.max(entry.activity, room.updatedAt);
    this.onChange(room.id);
  }

  /** Adds a message; `at` moves the room's time on (read back through `get`). */
  appendMessage(roomId: string, message: RoomMessage, at?: number): void {
    const entry = this.rooms.get(roomId);
    if (!entry) throw new Error(`room ${roomId} is not in the store`);
    entry.messages.push(message);
    this.onChange(roomId, message);
    if (at !== undefined && at > entry.activity) {
      entry.activity = at;
      this.onChange(roomId);
    }
  }

  /** The messages kept for a room, oldest first (a copy). */
  messages(roomId: string): RoomMessage[] {
    return this.rooms.get(roomId)?.messages.toArray() ?? [];
  }

  /** How many messages the room has had, including any no longer kept. */
  messageCount(roomId: string): number {
    const messages = this.rooms.get(roomId)?.messages;
    return messages ? messages.length + messages.dropped : 0;
  }

  lastMessage(roomId: string): RoomMessage | undefined {
    return this.rooms.get(roomId)?.messages.last();
  }

  list(): RoomState[] {
    return [...this.rooms.keys()].map((id) => this.get(id) as RoomState);
  }

  /** How many open (unresolved) rooms each agent has. */
  agentLoad(): Map<number, number> {
    const load = new Map<number, number>();
    // Who has the room is all that counts here, not its time.
    for (const { room } of this.rooms.values()) {
      if (room.agentId !== null && !room.resolved) {
        load.set(room.agentId, (load.get(room.agentId) ?? 0) + 1);
      }
    }
    return load;
  }

  clear(): void {
    this.rooms.clear();
    this.byCustomer.clear();
  }
}
