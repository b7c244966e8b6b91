import { defineOperation } from '../define-operation.js';
import { bodyErrorCodes } from '../error-codes.js';
import { RoomIdSchema } from '../ids.js';
import { z } from '../zod.js';
import { AppRoomParamsSchema } from './app-code-params.js';

/**
 * Who may hand a room over: the bot's credentials, and (as public code shows for
 * hand_over_to_role) the secret key in `Authorization`.
 */
export const handoverAuth = {
  styles: ['sdkSecret', 'appIdAndSecretKey', 'authorization'],
  authorizationAccepts: ['adminToken', 'secretKey'],
} as const;

const waitingExample = {
  data: { room_id: '187250792', is_handled_by_bot: false, is_waiting: true },
  status: 200,
};

/** The optional body of `hand_over`. */
export const HandOverRequestSchema = z
  .strictObject({
    find_online_agent: z
      .boolean()
      .optional()
      .describe('Prefer an agent who is online when the request is accepted.'),
  })
  .openapi('HandOverRequest', { example: { find_online_agent: true } });

/** What `hand_over` answers: the room, now off the bot and waiting for an agent. */
export const HandOverResponseSchema = z
  .strictObject({
    data: z.strictObject({
      room_id: RoomIdSchema,
      is_handled_by_bot: z.literal(false),
      is_waiting: z.boolean().describe('True until an agent accepts the handover request.'),
    }),
    status: z.literal(200),
  })
  .openapi('HandOverResponse', { example: waitingExample });

/** `POST /{app_code}/bot/{room_id}/hand_over`: the bot gives the room to a human. */
export const handOver = defineOperation({
  id: 'handOver',
  method: 'post',
  path: '/{app_code}/bot/{room_id}/hand_over',
  summary: 'Hand the room over to a human agent',
  description:
    'Switches the bot off for the room and opens a handover request in the agents’ inbox, where someone accepts it (an agent is assigned) or declines it. The bot receives no more webhooks for the room until it is switched back on.',
  tags: ['Handover'],
  auth: handoverAuth,
  request: {
    params: AppRoomParamsSchema,
    body: {
      required: false,
      description: 'Optional.',
      content: {
        'application/json': {
          schema: HandOverRequestSchema,
          examples: {
            empty: { summary: 'No options', value: {} },
            online: { summary: 'Prefer an online agent', value: { find_online_agent: true } },
          },
        },
      },
    },
  },
  responses: {
    200: {
      description: 'The bot is off for the room and a handover request is open.',
      schema: HandOverResponseSchema,
      examples: {
        waiting: {
          summary: 'Waiting for an agent',
          value: waitingExample,
        },
      },
    },
  },
  errors: ['UNAUTHORIZED', 'APP_NOT_FOUND', ...bodyErrorCodes, 'ROOM_NOT_FOUND'],
  fidelity: [
    {
      source: 'INFERRED',
      fact: 'URL, body, auth and response, by analogy with hand_over_to_role; the behaviour (bot off for the room, a handover request in the inbox) follows the product brief.',
    },
  ],
});
