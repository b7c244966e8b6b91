import { AgentSchema, agentExample } from '../agent.js';
import { RoomIdSchema, TimestampSchema } from '../ids.js';
import { CommentTypeSchema } from '../message-type.js';
import { z } from '../zod.js';
import { RoomTagSchema } from '../operations/admin/room-tags.js';
import { UserPropertySchema } from '../operations/admin/user-info.js';
import { ChannelSchema } from './channel.js';

/** Who wrote a message in a room. */
export const MessageSenderKindSchema = z
  .enum(['customer', 'bot', 'agent'])
  .openapi('MessageSenderKind', { example: 'bot' });

const roomMessageExample = {
  id: 2487134936,
  sender: 'bot',
  sender_id: 'qiscus-mock-app_admin@qismo.com',
  sender_name: 'Qiscus Mock Bot',
  type: 'text',
  text: 'Hi Budi, how can I help you today?',
  payload: null,
  created_at: '2026-11-24T02:10:31Z',
  delivery_id: null,
};

/** One message in a room, as the mock keeps it. */
export const RoomMessageSchema = z
  .strictObject({
    id: z.number().int().nonnegative(),
    sender: MessageSenderKindSchema,
    sender_id: z
      .string()
      .describe('The customer’s user id, the bot’s e-mail or the agent’s e-mail.'),
    sender_name: z.string(),
    type: CommentTypeSchema,
    text: z.string(),
    payload: z.record(z.string(), z.unknown()).nullable(),
    created_at: TimestampSchema,
    delivery_id: z
      .string()
      .nullable()
      .describe('For a customer message: the webhook delivery that carried it to the bot.'),
  })
  .openapi('RoomMessage', { example: roomMessageExample });
export type RoomMessage = z.infer<typeof RoomMessageSchema>;

/** Where a room's handover stands. */
export const HandoverStatusSchema = z
  .enum(['none', 'pending', 'accepted', 'declined', 'assigned'])
  .openapi('HandoverStatus', {
    example: 'pending',
    description:
      'none: the bot has the room. pending: the bot called hand_over and the request waits in the inbox. accepted / declined: someone answered it. assigned: hand_over_to_role gave the room to a division.',
  });
export type HandoverStatus = z.infer<typeof HandoverStatusSchema>;

/** A room's handover: its status, when it was asked for, and to which division. */
export const RoomHandoverSchema = z
  .strictObject({
    status: HandoverStatusSchema,
    requested_at: TimestampSchema.nullable(),
    answered_at: TimestampSchema.nullable(),
    find_online_agent: z.boolean(),
    role: z.string().nullable().describe('The division asked for by hand_over_to_role.'),
  })
  .openapi('RoomHandover', {
    example: {
      status: 'pending',
      requested_at: '2026-11-24T02:11:40Z',
      answered_at: null,
      find_online_agent: false,
      role: null,
    },
  });

const roomExample = {
  room_id: '187250792',
  channel: { id: 963, source: 'wa', name: 'Qiscus Mock WhatsApp', phone: '+6281100000001' },
  customer: {
    id: '6281234567890',
    name: 'Budi Santoso',
    avatar_url: 'https://latest-multichannel.qiscus.com/img/default_avatar.svg',
  },
  bot_active: false,
  handover: {
    status: 'accepted',
    requested_at: '2026-11-24T02:11:40Z',
    answered_at: '2026-11-24T02:12:05Z',
    find_online_agent: false,
    role: null,
  },
  agent: agentExample,
  division: 'billing',
  is_waiting: false,
  resolved: false,
  resolved_at: null,
  created_at: '2026-11-24T02:10:30Z',
  updated_at: '2026-11-24T02:12:05Z',
  message_count: 1,
  last_message: roomMessageExample,
  tags: [{ id: 1, name: 'vip' }],
  user_properties: [{ key: 'Order ID', value: 'INV-2026-0042' }],
};

/** A room as the mock's control API shows it: who, which channel, who has it, and its last message. */
export const MockRoomSchema = z
  .strictObject({
    room_id: RoomIdSchema,
    channel: ChannelSchema,
    customer: z.strictObject({ id: z.string(), name: z.string(), avatar_url: z.string() }),
    bot_active: z.boolean().describe('Whether the bot gets webhooks for this room.'),
    handover: RoomHandoverSchema,
    agent: AgentSchema.nullable(),
    division: z.string().nullable(),
    is_waiting: z.boolean().describe('Waiting for an agent.'),
    resolved: z.boolean(),
    resolved_at: TimestampSchema.nullable(),
    created_at: TimestampSchema,
    updated_at: TimestampSchema,
    message_count: z
      .number()
      .int()
      .nonnegative()
      .describe('All messages, including any no longer kept.'),
    last_message: RoomMessageSchema.nullable(),
    tags: z.array(RoomTagSchema).describe('Put on by POST /api/v1/room_tag/create.'),
    user_properties: z
      .array(UserPropertySchema)
      .describe('The customer’s additional info, written by POST …/user_info.'),
  })
  .openapi('MockRoom', { example: roomExample });
export type MockRoom = z.infer<typeof MockRoomSchema>;

/** `GET /_mock/rooms`: every room, newest activity first. */
export const MockRoomListSchema = z
  .strictObject({ rooms: z.array(MockRoomSchema) })
  .openapi('MockRoomList', { example: { rooms: [roomExample] } });

/** `GET /_mock/rooms/{room_id}`: one room with its messages (the latest ones kept). */
export const MockRoomDetailSchema = z
  .strictObject({ room: MockRoomSchema, messages: z.array(RoomMessageSchema) })
  .openapi('MockRoomDetail', { example: { room: roomExample, messages: [roomMessageExample] } });
export type MockRoomDetail = z.infer<typeof MockRoomDetailSchema>;

/** `POST /_mock/rooms/{room_id}/agent-messages`: a human agent writes. */
export const AgentMessageRequestSchema = z
  .strictObject({
    text: z.string().min(1).max(4000),
    agent_id: z
      .number()
      .int()
      .nonnegative()
      .optional()
      .describe('Which agent writes; the room’s agent when left out.'),
  })
  .openapi('AgentMessageRequest', { example: { text: 'Hi Budi, I am Dewi from billing.' } });
export type AgentMessageRequest = z.infer<typeof AgentMessageRequestSchema>;

/** `POST /_mock/rooms/{room_id}/handover/accept`: optionally, which agent takes the room. */
export const AcceptHandoverRequestSchema = z
  .strictObject({
    agent_id: z
      .number()
      .int()
      .nonnegative()
      .optional()
      .describe('The agent who accepts; otherwise the least busy one (online first).'),
  })
  .openapi('AcceptHandoverRequest', { example: { agent_id: 164868 } });
export type AcceptHandoverRequest = z.infer<typeof AcceptHandoverRequestSchema>;

/** `POST /_mock/rooms/{room_id}/bot`: switch the bot on or off for one room. */
export const RoomBotSwitchRequestSchema = z
  .strictObject({
    is_active: z
      .boolean()
      .describe('true: the bot gets this room’s webhooks again; false: it gets none.'),
  })
  .openapi('RoomBotSwitchRequest', { example: { is_active: true } });
