import { ChannelSchema } from '../../control/channel.js';
import { defineOperation } from '../../define-operation.js';
import { z } from '../../zod.js';
import { adminApiAuth, adminAuthFidelity } from './admin-auth.js';

const list = z.array(ChannelSchema);

const channelsExample = {
  data: {
    custom_channels: [],
    fb_channels: [],
    ig_channels: [],
    line_channels: [],
    qiscus_channels: [{ id: 961, source: 'qiscus', name: 'Qiscus Mock Widget' }],
    telegram_channels: [],
    wa_channels: [{ id: 963, source: 'wa', name: 'Qiscus Mock WhatsApp', phone: '+6281100000001' }],
  },
};

/** What `GET /api/v2/channels` answers: the app's channels by kind. */
export const ChannelListResponseSchema = z
  .strictObject({
    data: z.strictObject({
      custom_channels: list,
      fb_channels: list,
      ig_channels: list,
      line_channels: list,
      qiscus_channels: list,
      telegram_channels: list,
      wa_channels: list,
    }),
  })
  .openapi('ChannelListResponse', { example: channelsExample });

/** `GET /api/v2/channels`: the app's channels. */
export const listChannels = defineOperation({
  id: 'listChannels',
  method: 'get',
  path: '/api/v2/channels',
  summary: 'List the channels',
  description: 'The mock’s channels (one of each kind by default), grouped by kind.',
  tags: ['Admin: account'],
  auth: adminApiAuth,
  request: {},
  responses: {
    200: {
      description: 'The channels.',
      schema: ChannelListResponseSchema,
      examples: { some: { summary: 'Two channels', value: channelsExample } },
    },
  },
  errors: ['UNAUTHORIZED'],
  fidelity: [
    {
      source: 'CODE-Q',
      fact: 'Path and the seven *_channels keys, as Qiscus’s n8n node reads them.',
    },
    adminAuthFidelity,
    {
      source: 'INFERRED',
      fact: 'The fields of each channel object (the mock’s own channel shape).',
    },
  ],
});
