import type { Faker } from '@faker-js/faker';
import type { Channel, CustomerMessageRequest, RoomId } from '#contracts';
import { mockError } from '../errors.js';
import type { IdGenerator } from '../id-generator.js';
import { generateCustomer } from '../state/directory.js';
import { defaultAvatar } from '../webhooks/build-bot-message-webhook.js';
import { noHandover, type RoomState } from './room-state.js';

/** The channel a customer message names by kind (and id); MOCK_ERR_CHANNEL_NOT_FOUND if none. */
export function findChannel(
  channels: readonly Channel[],
  request: CustomerMessageRequest,
): Channel {
  const matching = channels.filter(
    (channel) =>
      (request.channel === undefined || channel.source === request.channel) &&
      (request.channel_id === undefined || channel.id === request.channel_id),
  );
  const channel = matching[0];
  if (!channel) {
    const have = channels.map((c) => `${c.source} (id ${c.id})`).join(', ');
    throw mockError(
      'MOCK_ERR_CHANNEL_NOT_FOUND',
      `The app has no ${request.channel ?? ''} channel${request.channel_id === undefined ? '' : ` with id ${request.channel_id}`}: its channels are ${have}.`,
      {
        errors: [
          {
            path: request.channel_id === undefined ? 'channel' : 'channel_id',
            message: 'no such channel',
          },
        ],
      },
    );
  }
  return channel;
}

/** A room for a customer's first message on a channel: the bot has it, nobody else yet. */
export function newRoom(
  channel: Channel,
  customerId: string,
  customerName: string | undefined,
  made: { readonly ids: IdGenerator; readonly faker: Faker; readonly now: number },
): RoomState {
  return {
    id: String(made.ids.next('room')) as RoomId,
    channel,
    customer: {
      id: customerId,
      userId: made.ids.next('customer'),
      name: customerName ?? generateCustomer(channel.source, made.faker).name,
      avatar_url: defaultAvatar,
    },
    botActive: true,
    handover: noHandover,
    agentId: null,
    division: null,
    isWaiting: false,
    resolved: false,
    resolvedAt: null,
    createdAt: made.now,
    updatedAt: made.now,
  };
}
