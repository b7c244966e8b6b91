import {
  AcceptHandoverRequestSchema,
  AgentMessageRequestSchema,
  checkContract,
  CustomerMessageRequestSchema,
  type z,
} from '#contracts';
import type { ConversationService } from './conversation/conversation-service.js';
import { deliveryNotFound, mockError } from './errors.js';
import type { MockServer } from './mock-server.js';
import type { RecordingWriter } from './recording/recording-writer.js';
import type { TrafficLog } from './traffic/traffic-log.js';
import type { WebhookDispatcher } from './webhooks/webhook-dispatcher.js';
import { noFlags, noHeaders, noWarnings } from './traffic/kept-exchange.js';

/**
 * A value given to the handle's functions, checked as the control API checks its bodies:
 * MOCK_ERR_VALIDATION naming every problem with its path.
 */
export function checkedInput<S extends z.ZodType>(
  schema: S,
  input: unknown,
  what: string,
): z.output<S> {
  const check = checkContract(schema, input);
  if (check.ok) return check.value;
  const problems = check.problems.map((problem) => `${problem.path}: ${problem.message}`);
  throw mockError(
    'MOCK_ERR_VALIDATION',
    `${what} does not match the schema: ${problems.join('; ')}.`,
    {
      errors: check.problems,
    },
  );
}

/**
 * The handle's customer, agent and deliveries: what `POST /_mock/messages`, the control API's
 * agent routes and redelivery do, called from code. Each input is checked as those routes check
 * their bodies, and each call is in the traffic log (and the recording) as a control call, as it
 * is over HTTP.
 */
export function handleCalls(deps: {
  readonly service: ConversationService;
  readonly dispatcher: WebhookDispatcher;
  readonly traffic: TrafficLog;
  readonly recorder: RecordingWriter | null;
}): Pick<MockServer, 'customer' | 'agent' | 'deliveries'> {
  const { service, dispatcher, traffic, recorder } = deps;
  // A change made through the handle is in the traffic log as a control call, as over HTTP.
  const recordCall = (
    startSeq: number,
    operationId: string,
    call: string,
    roomId: string,
    input: unknown,
    result: unknown,
  ) => {
    traffic.record({
      startSeq,
      direction: 'control',
      operationId,
      method: 'CALL',
      path: call,
      roomId,
      status: 200,
      requestHeaders: noHeaders,
      requestBody: input,
      responseBody: result,
      error: null,
      warnings: noWarnings,
      flags: noFlags,
    });
    // Its line is written before the call returns, as an HTTP call's is before its answer.
    recorder?.flush();
  };

  return {
    customer: {
      async say(message, sayOptions = {}) {
        const input =
          typeof message === 'string' ? { channel: 'qiscus' as const, text: message } : message;
        const startSeq = traffic.start();
        const outcome = service.customerSays(
          checkedInput(CustomerMessageRequestSchema, input, 'The customer message'),
        );
        recordCall(
          startSeq,
          'sendCustomerMessage',
          'customer.say',
          outcome.result.room_id,
          input,
          outcome.result,
        );
        if (!sayOptions.wait) return outcome.result;
        return { ...outcome.result, delivery: await outcome.settled() };
      },
    },
    agent: {
      say(roomId, message) {
        const { text, agent_id } = checkedInput(
          AgentMessageRequestSchema,
          message,
          'The agent message',
        );
        const startSeq = traffic.start();
        const room = service.detail(service.agentSays(roomId, text, agent_id));
        recordCall(startSeq, 'sendAgentMessage', 'agent.say', roomId, message, room);
        return room;
      },
      acceptHandover(roomId, request = {}) {
        const { agent_id } = checkedInput(AcceptHandoverRequestSchema, request, 'The acceptance');
        const startSeq = traffic.start();
        const room = service.detail(service.acceptHandover(roomId, agent_id));
        recordCall(startSeq, 'acceptHandover', 'agent.acceptHandover', roomId, request, room);
        return room;
      },
      declineHandover(roomId) {
        const startSeq = traffic.start();
        const room = service.detail(service.declineHandover(roomId));
        recordCall(startSeq, 'declineHandover', 'agent.declineHandover', roomId, null, room);
        return room;
      },
      resolve(roomId) {
        const startSeq = traffic.start();
        const room = service.detail(service.resolve(roomId));
        recordCall(startSeq, 'resolveRoom', 'agent.resolve', roomId, null, room);
        return room;
      },
      setRoomBot(roomId, active) {
        service.requireControlRoom(roomId);
        const startSeq = traffic.start();
        const room = service.detail(service.setRoomBot(roomId, active));
        recordCall(startSeq, 'setRoomBot', 'agent.setRoomBot', roomId, { is_active: active }, room);
        return room;
      },
    },
    deliveries: {
      list: () => dispatcher.list(),
      redeliver(deliveryId) {
        const startSeq = traffic.start();
        const delivery = dispatcher.redeliver(deliveryId);
        if (!delivery) throw deliveryNotFound(deliveryId);
        recordCall(
          startSeq,
          'redeliver',
          'deliveries.redeliver',
          delivery.room_id,
          deliveryId,
          delivery,
        );
        return delivery;
      },
    },
  };
}
