import { expect } from 'vitest';
import { channelSources, type ChannelSource, type CustomerMessageRequest } from '#contracts';
import type { MockServer } from '#mock-server';

/** A channel a customer can write through: every channel kind, and WhatsApp on the Cloud API. */
export interface ChannelUnderTest {
  /** How a test name shows it. */
  readonly name: string;
  readonly source: ChannelSource;
  /** A WhatsApp number on the WhatsApp Cloud API (the mock has one besides the plain one). */
  readonly cloud: boolean;
}

/** Every channel of the mock's default app: one of each kind, then the WhatsApp Cloud API one. */
export const channelsUnderTest: readonly ChannelUnderTest[] = [
  ...channelSources.map((source) => ({ name: source, source, cloud: false })),
  { name: 'wa (WhatsApp Cloud API)', source: 'wa', cloud: true },
];

/**
 * The fields of a customer message that pick the channel: its kind, and the id of the one channel
 * of that kind that is (or is not) on the WhatsApp Cloud API.
 */
export function writingThrough(
  mock: MockServer,
  channel: ChannelUnderTest,
): Pick<CustomerMessageRequest, 'channel' | 'channel_id'> {
  const found = mock
    .settings()
    .channels.find(
      (candidate) =>
        candidate.source === channel.source && (candidate.is_on_cloud ?? false) === channel.cloud,
    );
  expect(found, `the mock has no ${channel.name} channel`).toBeDefined();
  return { channel: channel.source, ...(found ? { channel_id: found.id } : {}) };
}
