import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasLargeBody } from './body-parsers.js';

/**
 * How many large bodies are read and handled at once. A request past it waits before its body
 * is read: Node stops reading its socket, and the bytes wait in the kernel's buffers and the
 * client's, not in the heap. Eight connections sending 1 MB each then hold two megabytes (and
 * their garbage) instead of eight, and each body, once read, is handled without seven others
 * read alongside it (issue 15).
 */
export class BodySlots {
  private free: number;
  private readonly waiting: (() => void)[] = [];

  constructor(readonly slots: number) {
    this.free = slots;
  }

  /** Calls `granted` with a slot (now, or when one is let go) and the function that lets it go. */
  take(granted: (release: () => void) => void): void {
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      const next = this.waiting.shift();
      if (next) next();
      else this.free += 1;
    };
    if (this.free > 0) {
      this.free -= 1;
      granted(release);
    } else {
      this.waiting.push(() => {
        granted(release);
      });
    }
  }

  /** Requests waiting for a slot. */
  get queued(): number {
    return this.waiting.length;
  }
}

/**
 * What a route may do with a large body's request before the body is read: refuse it (throw) at
 * its headers, so the body is never read (`registerOperation`: the caller's app code and
 * credentials). Named in the route's config.
 */
export interface LargeBodyRouteConfig {
  readonly beforeLargeBody?: (request: FastifyRequest) => void;
}

/**
 * A large body (`hasLargeBody`) is first shown to its route's `beforeLargeBody`, then waits for one
 * of the slots before it is read, and holds it until its answer has gone out or the connection
 * closed. One hook for both, which every request runs: each hook fastify runs costs every request
 * a runner and its closures, and a small body does nothing here.
 */
export function limitLargeBodies(app: FastifyInstance, slots: BodySlots): void {
  app.addHook('onRequest', (request, reply, done) => {
    if (!hasLargeBody(request)) {
      done();
      return;
    }
    const before = (request.routeOptions.config as LargeBodyRouteConfig | undefined)
      ?.beforeLargeBody;
    if (before) {
      try {
        before(request);
      } catch (error) {
        done(error as Error);
        return;
      }
    }
    slots.take((release) => {
      if (isGone(reply)) {
        release();
      } else {
        reply.raw.once('close', release);
      }
      done();
    });
  });
}

/** Whether the answer already went out or the connection closed while the request waited. */
function isGone(reply: FastifyReply): boolean {
  return reply.raw.writableEnded || reply.raw.destroyed || reply.request.raw.destroyed;
}
