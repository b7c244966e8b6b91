/** What the batch needs of a reply (fastify's has it). */
export interface SendsText {
  send(text: string): unknown;
  /** The connection's response, closed when sending fails. */
  readonly raw: { destroy(): unknown };
}

interface PendingAnswer {
  readonly reply: SendsText;
  readonly text: string;
}

/**
 * Sends the answers made in one turn of the event loop together, at the end of that turn, rather
 * each as soon as it is ready. Requests that arrive together on many connections (a busy bot, a
 * load test) are read one after the other in the same turn; written one by one, each answer made
 * the kernel wake the client again (BENCHMARKS.md: 14 µs of system time a message, against 8.5
 * written in bursts). Written in a burst, the client is woken once and finds them all. An answer waits one turn at
 * most; the order of the answers is the order they were made in.
 */
export class ReplyBatch {
  private pending: PendingAnswer[] = [];

  /**
   * @param report told when sending an answer throws. A closed connection does not throw: fastify
   * lets such an answer go quietly.
   */
  constructor(private readonly report: (error: unknown) => void) {}

  /**
   * Queues `text` as the body of `reply`, whose status and headers are already set. A route
   * handler that uses it must then return nothing: given the reply or a promise, fastify would
   * send or wait itself.
   */
  send(reply: SendsText, text: string): void {
    this.pending.push({ reply, text });
    if (this.pending.length === 1) setImmediate(this.flush);
  }

  /** How many answers are waiting for the end of the turn. */
  get size(): number {
    return this.pending.length;
  }

  /** Sends the waiting answers now (the server is closing, say); the end of the turn finds none. */
  readonly flush = (): void => {
    if (this.pending.length === 0) return;
    const answers = this.pending;
    this.pending = [];
    for (const { reply, text } of answers) {
      // One failed answer must not keep the others of the turn from going out, and its client
      // must not wait for it: its connection is closed.
      try {
        reply.send(text);
      } catch (error) {
        this.report(error);
        reply.raw.destroy();
      }
    }
  };
}
