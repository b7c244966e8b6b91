import { ChannelSourceSchema } from '../channels.js';
import { NumericIdSchema } from '../ids.js';
import { z } from '../zod.js';

/** One channel of the app: a WhatsApp number, an Instagram account, the web widget … */
export const ChannelSchema = z
  .strictObject({
    id: NumericIdSchema,
    source: ChannelSourceSchema,
    name: z.string().min(1).max(191),
    phone: z.string().optional().describe('The business number, on WhatsApp.'),
    is_on_cloud: z
      .boolean()
      .optional()
      .describe('WhatsApp only: the number runs on the WhatsApp Cloud API (same refusals).'),
  })
  .openapi('Channel', {
    example: { id: 963, source: 'wa', name: 'Qiscus Mock WhatsApp', phone: '+6281100000001' },
  });
export type Channel = z.infer<typeof ChannelSchema>;
