import { formatByteSize, type RoomId, type RoomMessage } from '#contracts';
import type { RoomState } from '../conversation/room-state.js';
import { RingBuffer } from '../ring-buffer.js';
import { estimateBytes } from './estimate-bytes.js';

interface RoomEntry {
  room: RoomState;
  readonly messages: RingBuffer<RoomMessage>;
  /** What each message kept costs, about, in the same order. */
  readonly sizes: RingBuffer<number>;
  /** What the room costs, about: a base and its messages. */
  bytes: number;
  /** The time of the latest message, when later than the room value's own `updatedAt`. */
  activity: number;
}

/** How many rooms, and about how many bytes of rooms and messages, a store keeps. */
export interface RoomBudget {
  readonly maxRooms: number;
  readonly maxBytes: number;
}

/** What a room costs before any message: its state, indexes and buffers. */
const roomBaseBytes = 1024;

/** What a message costs to keep, about: what its value holds on the heap, and a little more. */
function messageBytes(message: RoomMessage): number {
  return 128 + estimateBytes(message);
}

/**
 * The rooms of one server instance and their messages, indexed by id (and by customer), so no
 * request scans the whole store. Rooms are immutable values: a change stores a new one.
 */
export class RoomStore {
  private readonly rooms = new Map<string, RoomEntry>();
  private readonly byCustomer = new Map<string, RoomId>();
  private bytes = 0;

  constructor(
    private readonly messagesPerRoom: number,
    /** Told of each change: a room opened or replaced (no message), or a message written. */
    private readonly onChange: (roomId: string, message?: RoomMessage) => void = () => undefined,
    private readonly budget: RoomBudget = { maxRooms: Infinity, maxBytes: Infinity },
    /** Told of the rooms let go to stay within the budget, and why. */
    private readonly onDrop: (roomIds: RoomId[], reason: string) => void = () => undefined,
  ) {}

  /** What the rooms cost, about, in bytes. */
  get size(): number {
    return this.bytes;
  }

  /**
   * Lets the oldest rooms go (never `keep`, the one just written to) while there are more rooms
   * or bytes than the budget allows; a single room too large loses its oldest messages instead.
   */
  private keepWithinBudget(keep: string): void {
    const { maxRooms, maxBytes } = this.budget;
    if (this.rooms.size <= maxRooms && this.bytes <= maxBytes) return;
    const dropped: RoomId[] = [];
    for (const [id, entry] of this.rooms) {
      if (this.rooms.size <= maxRooms && this.bytes <= maxBytes) break;
      if (id === keep) continue;
      this.rooms.delete(id);
      this.byCustomer.delete(RoomStore.customerKey(entry.room.channel.id, entry.room.customer.id));
      this.bytes -= entry.bytes;
      dropped.push(id as RoomId);
    }
    const entry = this.rooms.get(keep);
    while (entry && this.bytes > maxBytes && entry.messages.length > 1) {
      entry.messages.shift();
      const size = entry.sizes.shift() ?? 0;
      entry.bytes -= size;
      this.bytes -= size;
    }
    if (dropped.length > 0) {
      const size = maxBytes === Infinity ? 'no byte limit' : formatByteSize(maxBytes);
      this.onDrop(
        dropped,
        `${dropped.length} oldest room${dropped.length === 1 ? ' was' : 's were'} let go to stay within the rooms budget (${maxRooms === Infinity ? '' : `${maxRooms} rooms, `}${size}): if a test needs them, raise it with serve's --max-rooms N or --rooms-budget SIZE (max_rooms, rooms_budget in the config file; maxRooms, roomsMaxBytes in createMockServer).`,
      );
    }
  }

  private static customerKey(channelId: number, customerId: string): string {
    return `${channelId}\u0000${customerId}`;
  }

  add(room: RoomState): void {
    this.rooms.set(room.id, {
      room,
      messages: new RingBuffer(this.messagesPerRoom),
      sizes: new RingBuffer(this.messagesPerRoom),
      bytes: roomBaseBytes,
      activity: room.updatedAt,
    });
    this.bytes += roomBaseBytes;
    this.byCustomer.set(RoomStore.customerKey(room.channel.id, room.customer.id), room.id);
    this.onChange(room.id);
    this.keepWithinBudget(room.id);
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
    const size = messageBytes(message);
    if (entry.messages.length === entry.messages.capacity) {
      const oldest = entry.sizes.at(0) ?? 0;
      entry.bytes -= oldest;
      this.bytes -= oldest;
    }
    entry.messages.push(message);
    entry.sizes.push(size);
    entry.bytes += size;
    this.bytes += size;
    this.onChange(roomId, message);
    this.keepWithinBudget(roomId);
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
    this.bytes = 0;
  }
}
