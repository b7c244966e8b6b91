import type { Delivery } from '#contracts';

/** The most deliveries the summary names one by one. */
const named = 20;

/**
 * What became of the webhooks still pending when the mock was asked to stop, for stderr: how many
 * were delivered in the grace period, and each one that was not, with why. Empty when none was.
 */
export function formatShutdownSummary(
  pendingIds: readonly string[],
  after: readonly Delivery[],
): string {
  if (pendingIds.length === 0) return '';
  const byId = new Map(after.map((delivery) => [delivery.id, delivery]));
  const settled = pendingIds.flatMap((id) => {
    const delivery = byId.get(id);
    return delivery ? [delivery] : [];
  });
  const delivered = settled.filter((delivery) => delivery.status === 'delivered');
  const lost = settled.filter((delivery) => delivery.status !== 'delivered');
  const lines = [
    `Webhooks in flight at shutdown: ${pendingIds.length}; delivered ${delivered.length}, not delivered ${lost.length}.`,
    ...lost
      .slice(0, named)
      .map(
        (delivery) =>
          `  ${delivery.id} (${delivery.webhook}, room ${delivery.room_id}, comment ${delivery.comment_id}): ${delivery.reason}`,
      ),
  ];
  if (lost.length > named) lines.push(`  … and ${lost.length - named} more.`);
  return `${lines.join('\n')}\n`;
}
