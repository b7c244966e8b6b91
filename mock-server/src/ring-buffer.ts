/**
 * Keeps the latest `capacity` items and counts the ones let go, so memory stays bounded however
 * long the mock runs (DESIGN.md: unbounded recording is what makes peer mocks slow down). It grows
 * as items come, so an almost empty buffer (a room with one message) costs almost nothing.
 */
export class RingBuffer<T> {
  private items: (T | undefined)[] = [];
  private start = 0;
  private size = 0;
  private droppedCount = 0;

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) {
      throw new Error(`a ring buffer needs a positive capacity, got ${capacity}`);
    }
  }

  push(item: T): void {
    const length = this.items.length;
    if (this.size < length) {
      this.items[(this.start + this.size) % length] = item;
      this.size += 1;
      return;
    }
    if (length < this.capacity) {
      // Full as allocated but not at capacity: grow, the oldest first again.
      if (this.start !== 0) {
        this.items = this.toArray();
        this.start = 0;
      }
      this.items.push(item);
      this.size += 1;
      return;
    }
    this.items[this.start] = item;
    this.start = (this.start + 1) % length;
    this.droppedCount += 1;
  }

  /** Lets the oldest item go (counted as dropped) and returns it. */
  shift(): T | undefined {
    if (this.size === 0) return undefined;
    const item = this.items[this.start];
    this.items[this.start] = undefined;
    this.start = (this.start + 1) % this.items.length;
    this.size -= 1;
    this.droppedCount += 1;
    return item;
  }

  /** How many items were let go to make room. */
  get dropped(): number {
    return this.droppedCount;
  }

  get length(): number {
    return this.size;
  }

  /** The latest item, if any. */
  last(): T | undefined {
    return this.size === 0
      ? undefined
      : this.items[(this.start + this.size - 1) % this.items.length];
  }

  /** The item at `index` (0 is the oldest kept). */
  at(index: number): T | undefined {
    if (index < 0 || index >= this.size) return undefined;
    return this.items[(this.start + index) % this.items.length];
  }

  /** The items kept, oldest first. */
  toArray(): T[] {
    const out: T[] = [];
    for (let i = 0; i < this.size; i += 1) {
      const item = this.items[(this.start + i) % this.items.length];
      if (item !== undefined) out.push(item);
    }
    return out;
  }

  clear(): void {
    this.items = [];
    this.start = 0;
    this.size = 0;
    this.droppedCount = 0;
  }
}
