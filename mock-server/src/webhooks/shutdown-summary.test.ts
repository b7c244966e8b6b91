import { describe, expect, it } from 'vitest';
import type { Delivery, RoomId } from '#contracts';
import { formatShutdownSummary } from './shutdown-summary.js';

function delivery(n: number, status: Delivery['status'], reason: string): Delivery {
  return {
    id: `dlv_${n}`,
    webhook: 'botMessage',
    room_id: `${100 + n}` as RoomId,
    comment_id: 1000 + n,
    url: 'http://127.0.0.1:3738/',
    status,
    skip_reason: null,
    reason,
    created_at: '2026-12-06T07:00:00Z',
    settled_at: '2026-12-06T07:00:01Z',
    attempts: [],
    redelivery_of: null,
  };
}

/** `count` deliveries dlv_1…, all failed. */
function failed(count: number): Delivery[] {
  return Array.from({ length: count }, (_, i) => delivery(i + 1, 'failed', 'Not sent.'));
}

describe('formatShutdownSummary', () => {
  it('is empty when no webhook was in flight', () => {
    expect(formatShutdownSummary([], [delivery(1, 'failed', 'Delivery failed.')])).toBe('');
  });

  it('counts the delivered and names each one not delivered, with its room, comment and reason', () => {
    const after = [
      delivery(1, 'delivered', 'The bot answered 200.'),
      delivery(2, 'failed', 'Not sent: the mock shut down before its turn came.'),
      delivery(3, 'failed', 'Delivery failed: the bot answered 500.'),
      delivery(4, 'failed', 'Delivery failed: the bot answered 500.'),
    ];
    expect(formatShutdownSummary(['dlv_1', 'dlv_2', 'dlv_4'], after)).toBe(
      'Webhooks in flight at shutdown: 3; delivered 1, not delivered 2.\n' +
        '  dlv_2 (botMessage, room 102, comment 1002): Not sent: the mock shut down before its turn came.\n' +
        '  dlv_4 (botMessage, room 104, comment 1004): Delivery failed: the bot answered 500.\n',
    );
  });

  it('counts a pending delivery the log has let go of in the total only', () => {
    expect(
      formatShutdownSummary(
        ['dlv_1', 'dlv_9'],
        [delivery(1, 'delivered', 'The bot answered 200.')],
      ),
    ).toBe('Webhooks in flight at shutdown: 2; delivered 1, not delivered 0.\n');
  });

  it('names twenty lost deliveries one by one, and no more line', () => {
    const after = failed(20);
    const lines = formatShutdownSummary(
      after.map((d) => d.id),
      after,
    ).split('\n');
    expect(lines).toHaveLength(22);
    expect(lines[0]).toBe('Webhooks in flight at shutdown: 20; delivered 0, not delivered 20.');
    expect(lines[20]).toBe('  dlv_20 (botMessage, room 120, comment 1020): Not sent.');
    expect(lines[21]).toBe('');
  });

  it('names the first twenty lost deliveries and counts the rest', () => {
    const after = failed(23);
    const lines = formatShutdownSummary(
      after.map((d) => d.id),
      after,
    ).split('\n');
    expect(lines).toHaveLength(23);
    expect(lines[1]).toBe('  dlv_1 (botMessage, room 101, comment 1001): Not sent.');
    expect(lines[20]).toBe('  dlv_20 (botMessage, room 120, comment 1020): Not sent.');
    expect(lines[21]).toBe('  … and 3 more.');
    expect(lines[22]).toBe('');
  });
});
