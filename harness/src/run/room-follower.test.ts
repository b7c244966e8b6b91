import { expect, it, onTestFinished } from 'vitest';
import { botMessageEvent } from '../../test/support/bot-message-event.js';
import { RoomFollower } from './room-follower.js';

const botMessage = botMessageEvent('1');

/** Blocks the thread, as a long GC pause or a starved CPU would. */
function stall(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

it('hears an event that was queued while the process stalled past the wait’s timeout', async () => {
  const follower = new RoomFollower();
  const waiting = follower.waitFor(
    () => (follower.botMessageCount > 0 ? follower.botMessageCount : undefined),
    100,
    new AbortController().signal,
  );
  setTimeout(() => {
    stall(300);
    // Comes a turn of the event loop after the stall, behind every timer that fell due during
    // it, as a message still on its way (the bot's request, then the mock reading it) would.
    setImmediate(() => {
      setImmediate(() => {
        follower.take(botMessage);
      });
    });
  }, 10);

  expect(await waiting).toEqual({ ok: true, value: 1 });
});

it('times out in the end on a machine that stalls all the time', async () => {
  const follower = new RoomFollower();
  const stalls = setInterval(() => {
    stall(100);
  }, 10);
  onTestFinished(() => {
    clearInterval(stalls);
  });

  const result = await follower.waitFor(() => undefined, 50, new AbortController().signal);

  expect(result).toEqual({ ok: false, reason: 'timeout' });
});
