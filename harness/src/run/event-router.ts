import type { MockEvent } from '#contracts';
import { roomOfExchange } from '../validation/room-of-exchange.js';
import { validateExchange } from '../validation/validate-exchange.js';
import type { RoomFollower } from './room-follower.js';

function roomOfEvent(event: MockEvent): string | null {
  switch (event.type) {
    case 'room':
      return event.room.room_id;
    case 'message':
      return event.room_id;
    case 'delivery':
      return event.delivery.room_id;
    case 'exchange':
      return roomOfExchange(event.exchange);
    default:
      return null;
  }
}

/**
 * Routes the mock's events to the follower of each room, by room id through a Map: an event costs
 * the same however many scripts run. The first message of a script opens its room inside
 * `open`, whose events go to that script's follower.
 */
export class EventRouter {
  private readonly followers = new Map<string, RoomFollower>();
  /** Scripts running now, for the rare finding that names no room. */
  private readonly running = new Set<RoomFollower>();
  private opening: RoomFollower | null = null;
  /** The script that stopped running last. */
  private lastRunning: RoomFollower | null = null;

  /** Takes one event of the mock. */
  route(event: MockEvent): void {
    const roomId = roomOfEvent(event);
    let follower = roomId === null ? undefined : this.followers.get(roomId);
    if (this.opening && roomId !== null && follower !== this.opening) {
      follower = this.opening;
      this.bind(roomId, follower);
    }
    if (follower) {
      try {
        follower.take(event);
      } catch (error) {
        // A bug of the harness: the script ends as an error rather than the mock's request.
        follower.failure =
          error instanceof Error ? error : new Error('a non-error was thrown', { cause: error });
      }
      return;
    }
    if (event.type === 'exchange' && event.exchange.direction === 'from_bot') {
      // A request the mock refused before it could tell the room, or one naming a room no
      // script has (every room of a run is a script's, so the mock refused it too): every
      // running script may have caused it, so each of them hears of it (and fails: the run
      // must). With none running, the script that ended last keeps it, so it is never lost.
      const names =
        roomId === null ? 'names no room' : `names room ${roomId}, which is no script's`;
      const found = validateExchange(event.exchange).map((violation) => ({
        ...violation,
        message: `${violation.message} [the request ${names}, so every script running when it came is failed by it]`,
      }));
      const hearing = this.running.size > 0 ? [...this.running] : [this.lastRunning];
      for (const follower of hearing) follower?.addViolations(found);
    }
  }

  /**
   * Runs `say` (the script's first customer message, made synchronously by the mock) with every
   * event it causes going to `follower`, which so learns its room.
   */
  open<T>(follower: RoomFollower, say: () => T): T {
    this.opening = follower;
    try {
      return say();
    } finally {
      this.opening = null;
    }
  }

  /** The room's events go to `follower` from now on. */
  bind(roomId: string, follower: RoomFollower): void {
    this.followers.set(roomId, follower);
    follower.roomId ??= roomId;
  }

  /** The script of `follower` runs (or no longer does). */
  setRunning(follower: RoomFollower, running: boolean): void {
    if (running) this.running.add(follower);
    else {
      this.running.delete(follower);
      this.lastRunning = follower;
    }
  }
}
