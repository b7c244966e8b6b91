import { RoomIdSchema } from '../ids.js';
import { z } from '../zod.js';
import { CustomerMessageRequestSchema, CustomerMessageResultSchema } from './customer-message.js';
import { DeliveryListSchema, DeliverySchema } from './delivery.js';
import { defineControlOperation } from './define-control-operation.js';
import { ExchangeDirectionSchema, TrafficSchema } from './exchange.js';
import {
  AcceptHandoverRequestSchema,
  AgentMessageRequestSchema,
  MockRoomDetailSchema,
  MockRoomListSchema,
  RoomBotSwitchRequestSchema,
} from './mock-room.js';
import { MockSettingsPatchSchema, MockSettingsSchema } from './mock-settings.js';

const WaitQuerySchema = z.strictObject({
  wait: z
    .enum(['true', 'false'])
    .optional()
    .describe('true: answer once the webhook delivery has settled, with its outcome.'),
});
const RoomParams = z.strictObject({ room_id: RoomIdSchema });

/** `POST /_mock/messages`: a customer writes. */
export const sendCustomerMessage = defineControlOperation({
  id: 'sendCustomerMessage',
  method: 'post',
  path: '/_mock/messages',
  summary: 'A customer writes (the bot gets a webhook)',
  description:
    'Makes the room on first contact (per channel and customer) and reuses it after; POSTs the bot webhook unless the bot is off (globally or for the room) or no bot URL is set, and says why in the delivery.',
  request: {
    query: WaitQuerySchema,
    body: {
      required: true,
      schema: CustomerMessageRequestSchema,
      examples: {
        text: { summary: 'A WhatsApp customer says hi', value: { channel: 'wa', text: 'Hi' } },
        named: {
          summary: 'A named web-widget customer',
          value: {
            channel: 'qiscus',
            customer: { id: 'budi@example.com', name: 'Budi' },
            text: 'Halo',
          },
        },
        file: {
          summary: 'A photo with a caption',
          value: {
            channel: 'wa',
            type: 'file_attachment',
            payload: { url: 'https://files.example.com/receipt.jpg', caption: 'My receipt' },
          },
        },
        postback: {
          summary: 'Press a button the bot sent',
          value: { room_id: '187250792', postback: 'Billing' },
        },
      },
    },
  },
  response: {
    status: 200,
    description: 'The room and the delivery (settled with ?wait=true).',
    schema: CustomerMessageResultSchema,
  },
});

/** `GET /_mock/rooms`. */
export const listRooms = defineControlOperation({
  id: 'listRooms',
  method: 'get',
  path: '/_mock/rooms',
  summary: 'List rooms',
  description: 'Every room, latest activity first, with its last message.',
  request: {},
  response: { status: 200, description: 'The rooms.', schema: MockRoomListSchema },
});

/** `GET /_mock/rooms/{room_id}`. */
export const getRoom = defineControlOperation({
  id: 'getRoom',
  method: 'get',
  path: '/_mock/rooms/{room_id}',
  summary: 'One room with its messages',
  description: 'Bot switch, handover, agent, division, resolved, and the messages kept.',
  request: { params: RoomParams },
  response: { status: 200, description: 'The room.', schema: MockRoomDetailSchema },
});

/** `GET /_mock/rooms/{room_id}/script`: the room as a conversation script. */
export const RoomScriptSchema = z
  .strictObject({
    room_id: RoomIdSchema,
    file_name: z.string().describe('A file name for it, e.g. `room-187250792.yaml`.'),
    script: z
      .string()
      .describe('The YAML of a conversation script, as `qiscus-mock script` writes it.'),
    complete: z
      .boolean()
      .describe(
        'false when the traffic log has let go of some of the room’s exchanges: the script then starts later than the room.',
      ),
  })
  .openapi('RoomScript', {
    example: {
      room_id: '187250792',
      file_name: 'room-187250792.yaml',
      script:
        'name: Conversation in room 187250792, saved from the dashboard\nchannel: wa\nsteps:\n  - customer: Hi\n',
      complete: true,
    },
  });
export type RoomScript = z.infer<typeof RoomScriptSchema>;

/** `GET /_mock/rooms/{room_id}/script`. */
export const getRoomScript = defineControlOperation({
  id: 'getRoomScript',
  method: 'get',
  path: '/_mock/rooms/{room_id}/script',
  summary: 'The room as a conversation script',
  description:
    'The room’s conversation, from the traffic log, as a script `qiscus-mock test` runs (the YAML `qiscus-mock script` writes from a recording): the customer’s messages, the bot’s accepted messages, hand-overs, agents’ messages and resolving. The dashboard’s "Save as script" downloads it.',
  request: { params: RoomParams },
  response: { status: 200, description: 'The script.', schema: RoomScriptSchema },
});

/** `POST /_mock/rooms/{room_id}/agent-messages`. */
export const sendAgentMessage = defineControlOperation({
  id: 'sendAgentMessage',
  method: 'post',
  path: '/_mock/rooms/{room_id}/agent-messages',
  summary: 'A human agent writes',
  description: 'The room’s agent (or the one named) writes a text into the room.',
  request: {
    params: RoomParams,
    body: {
      required: true,
      schema: AgentMessageRequestSchema,
      examples: { reply: { summary: 'The agent answers', value: { text: 'Hi, I am Dewi.' } } },
    },
  },
  response: { status: 200, description: 'The room.', schema: MockRoomDetailSchema },
});

/** `POST /_mock/rooms/{room_id}/handover/accept`. */
export const acceptHandover = defineControlOperation({
  id: 'acceptHandover',
  method: 'post',
  path: '/_mock/rooms/{room_id}/handover/accept',
  summary: 'Accept the pending handover request',
  description: 'An agent (the one named, or the least busy, online first) takes the room.',
  request: {
    params: RoomParams,
    body: {
      required: false,
      schema: AcceptHandoverRequestSchema,
      examples: { any: { summary: 'Any agent', value: {} } },
    },
  },
  response: { status: 200, description: 'The room.', schema: MockRoomDetailSchema },
});

/** `POST /_mock/rooms/{room_id}/handover/decline`. */
export const declineHandover = defineControlOperation({
  id: 'declineHandover',
  method: 'post',
  path: '/_mock/rooms/{room_id}/handover/decline',
  summary: 'Decline the pending handover request',
  description: 'No agent takes the room; it goes back to the bot (inferred).',
  request: { params: RoomParams },
  response: { status: 200, description: 'The room.', schema: MockRoomDetailSchema },
});

/** `POST /_mock/rooms/{room_id}/resolve`. */
export const resolveRoom = defineControlOperation({
  id: 'resolveRoom',
  method: 'post',
  path: '/_mock/rooms/{room_id}/resolve',
  summary: 'Resolve the room',
  description:
    'The conversation is over; the customer’s next message opens a new session with the bot.',
  request: { params: RoomParams },
  response: { status: 200, description: 'The room.', schema: MockRoomDetailSchema },
});

/** `POST /_mock/rooms/{room_id}/bot`. */
export const setRoomBot = defineControlOperation({
  id: 'setRoomBot',
  method: 'post',
  path: '/_mock/rooms/{room_id}/bot',
  summary: 'Switch the bot on or off for one room',
  description:
    'What the Qiscus route POST /bot/{room_id}/activate does, without its credentials: for the dashboard and tests. A room with the bot off gets no webhooks (BOT_OFF_FOR_ROOM in the delivery log).',
  request: {
    params: RoomParams,
    body: {
      required: true,
      schema: RoomBotSwitchRequestSchema,
      examples: {
        on: { summary: 'The bot answers this room again', value: { is_active: true } },
        off: { summary: 'The bot leaves this room alone', value: { is_active: false } },
      },
    },
  },
  response: { status: 200, description: 'The room.', schema: MockRoomDetailSchema },
});

/** `GET /_mock/deliveries`. */
export const listDeliveries = defineControlOperation({
  id: 'listDeliveries',
  method: 'get',
  path: '/_mock/deliveries',
  summary: 'The webhook delivery log',
  description:
    'Every webhook sent or skipped, with every attempt: status, latency, error, the first bytes of the answer.',
  request: {
    query: z.strictObject({
      room_id: RoomIdSchema.optional(),
      status: z.enum(['pending', 'delivered', 'failed', 'skipped']).optional(),
    }),
  },
  response: {
    status: 200,
    description: 'The deliveries, oldest first.',
    schema: DeliveryListSchema,
  },
});

/** `POST /_mock/deliveries/{delivery_id}/redeliver`. */
export const redeliver = defineControlOperation({
  id: 'redeliver',
  method: 'post',
  path: '/_mock/deliveries/{delivery_id}/redeliver',
  summary: 'Send a webhook again',
  description: 'Sends the same webhook body to the bot URL set now, as a new delivery.',
  request: {
    params: z.strictObject({ delivery_id: z.string().regex(/^dlv_[0-9]+$/) }),
    query: WaitQuerySchema,
  },
  response: { status: 200, description: 'The new delivery.', schema: DeliverySchema },
});

/** `GET /_mock/traffic`. */
export const getTraffic = defineControlOperation({
  id: 'getTraffic',
  method: 'get',
  path: '/_mock/traffic',
  summary: 'Every exchange, both directions',
  description:
    'The bot’s calls, the webhooks to the bot and the control calls that changed something; secrets redacted.',
  request: {
    query: z.strictObject({
      direction: ExchangeDirectionSchema.optional(),
      room_id: RoomIdSchema.optional(),
      after: z
        .string()
        .regex(/^[0-9]+$/)
        .optional()
        .describe('Only exchanges with a larger seq.'),
      page_size: z
        .string()
        .regex(/^[1-9][0-9]{0,5}$/)
        .optional()
        .describe(
          'At most this many exchanges in the page. A page also stops at about 256 KB of kept bodies; `next_after` says where to read on.',
        ),
    }),
  },
  response: {
    status: 200,
    description: 'The exchanges kept, oldest first, one page at a time.',
    schema: TrafficSchema,
  },
});

/** `GET /_mock/config`. */
export const getConfig = defineControlOperation({
  id: 'getConfig',
  method: 'get',
  path: '/_mock/config',
  summary: 'The switches, channels, divisions and agents',
  description: 'Secrets are left out.',
  request: {},
  response: { status: 200, description: 'The settings.', schema: MockSettingsSchema },
});

/** `PATCH /_mock/config`. */
export const patchConfig = defineControlOperation({
  id: 'patchConfig',
  method: 'patch',
  path: '/_mock/config',
  summary: 'Change switches',
  description: 'Bot on/off, bot URL, Auto Agent Allocation, delivery mode, channel rules.',
  request: {
    body: {
      required: true,
      schema: MockSettingsPatchSchema,
      examples: {
        aaaOff: {
          summary: 'Switch Auto Agent Allocation off',
          value: { auto_agent_allocation: false },
        },
      },
    },
  },
  response: {
    status: 200,
    description: 'The settings after the change.',
    schema: MockSettingsSchema,
  },
});

/** `POST /_mock/reset`. */
export const resetMock = defineControlOperation({
  id: 'resetMock',
  method: 'post',
  path: '/_mock/reset',
  summary: 'Start over',
  description:
    'Clears rooms, messages, deliveries and traffic. Switches, channels and agents stay.',
  request: {},
  response: {
    status: 200,
    description: 'Cleared.',
    schema: z
      .strictObject({ reset: z.literal(true) })
      .openapi('ResetResult', { example: { reset: true } }),
  },
});

/** Every operation of the mock's own API, listed once. */
export const controlOperations = [
  sendCustomerMessage,
  listRooms,
  getRoom,
  getRoomScript,
  sendAgentMessage,
  acceptHandover,
  declineHandover,
  resolveRoom,
  setRoomBot,
  listDeliveries,
  redeliver,
  getTraffic,
  getConfig,
  patchConfig,
  resetMock,
] as const;
