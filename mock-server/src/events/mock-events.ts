import type { MockEvent } from '#contracts';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** An event before it is numbered. */
export type MockEventBody = DistributiveOmit<MockEvent, 'seq'>;

/** Connects the hub to one source of changes while anyone listens; returns how to let go. */
export type EventSource = () => () => void;

/**
 * The mock's live events, numbered in order. Nothing is built while nobody listens: `emit`
 * takes a function that makes the event, and the sources that cost something to follow (the
 * traffic log presents each exchange for its listeners) are attached only while someone does.
 */
export class MockEvents {
  private seq = 0;
  private readonly listeners = new Set<(event: MockEvent) => void>();
  private detach: (() => void)[] = [];

  constructor(private readonly sources: readonly EventSource[] = []) {}

  /** The number of the last event sent. */
  get lastSeq(): number {
    return this.seq;
  }

  /** Whether anyone listens (a hot path may skip even making the event's builder). */
  get active(): boolean {
    return this.listeners.size > 0;
  }

  /** Calls `listener` with every event from now on; returns how to stop. */
  subscribe(listener: (event: MockEvent) => void): () => void {
    if (this.listeners.size === 0) this.detach = this.sources.map((attach) => attach());
    this.listeners.add(listener);
    return () => {
      if (!this.listeners.delete(listener) || this.listeners.size > 0) return;
      for (const letGo of this.detach) letGo();
      this.detach = [];
    };
  }

  /** Sends the event `make` builds to every listener; does nothing (builds nothing) without one. */
  emit(make: () => MockEventBody): void {
    if (this.listeners.size === 0) return;
    this.seq += 1;
    const event: MockEvent = { ...make(), seq: this.seq };
    for (const listener of [...this.listeners]) listener(event);
  }
}
