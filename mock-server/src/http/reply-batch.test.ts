import { setImmediate as nextTurn } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { ReplyBatch } from './reply-batch.js';

/** A stand-in for fastify's reply: it notes what it was sent, and a closed connection, in one list. */
function replyInto(sent: string[], name: string, fail = false) {
  return {
    name,
    send(text: string) {
      if (fail) throw new Error(`${name} cannot be serialized`);
      sent.push(`${name}:${text}`);
    },
    raw: {
      destroy() {
        sent.push(`${name}:closed`);
      },
    },
  };
}

describe('ReplyBatch', () => {
  it('sends nothing at once, and everything of the turn together at its end, in order', async () => {
    const sent: string[] = [];
    const batch = new ReplyBatch(() => undefined);
    batch.send(replyInto(sent, 'a'), '1');
    batch.send(replyInto(sent, 'b'), '2');
    batch.send(replyInto(sent, 'c'), '3');
    expect(sent).toEqual([]);
    expect(batch.size).toBe(3);

    await nextTurn();
    expect(sent).toEqual(['a:1', 'b:2', 'c:3']);
    expect(batch.size).toBe(0);
  });

  it('starts a new batch after each flush', async () => {
    const sent: string[] = [];
    const batch = new ReplyBatch(() => undefined);
    batch.send(replyInto(sent, 'a'), '1');
    await nextTurn();
    batch.send(replyInto(sent, 'b'), '2');
    expect(sent).toEqual(['a:1']);
    await nextTurn();
    expect(sent).toEqual(['a:1', 'b:2']);
  });

  it('sends what is waiting when flushed early, and nothing twice at the end of the turn', async () => {
    const sent: string[] = [];
    const batch = new ReplyBatch(() => undefined);
    batch.send(replyInto(sent, 'a'), '1');
    batch.send(replyInto(sent, 'b'), '2');
    batch.flush();
    expect(sent).toEqual(['a:1', 'b:2']);
    await nextTurn();
    expect(sent).toEqual(['a:1', 'b:2']);
  });

  it('still sends the rest of the turn when one answer fails, reports it and closes its connection', async () => {
    const sent: string[] = [];
    const reported: unknown[] = [];
    const batch = new ReplyBatch((error) => reported.push(error));
    batch.send(replyInto(sent, 'a'), '1');
    batch.send(replyInto(sent, 'bad', true), '2');
    batch.send(replyInto(sent, 'c'), '3');

    await nextTurn();
    expect(sent).toEqual(['a:1', 'bad:closed', 'c:3']);
    expect(reported).toHaveLength(1);
    expect(String(reported[0])).toContain('bad cannot be serialized');
  });
});
