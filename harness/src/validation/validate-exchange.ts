import {
  ErrorEnvelopeSchema,
  ProblemSchema,
  checkContract,
  type ErrorDetail,
  type Exchange,
  type ExchangeFlag,
  type OperationDescriptor,
  type z,
} from '#contracts';
import type { Violation } from '../run/run-result.js';
import { findOperation, type FoundOperation } from './find-operation.js';

/** How many problems of one body are listed; the rest are counted. */
const problemLimit = 5;

const flagMessages: Readonly<Record<ExchangeFlag, (room: string) => string>> = {
  BOT_MESSAGE_AFTER_HANDOVER: (room) =>
    `the bot wrote into room ${room} after handing it over: it talks over the human agent (check the room's handover before sending)`,
  BOT_MESSAGE_WHILE_BOT_OFF: (room) =>
    `the bot wrote into room ${room} while the room's bot switch is off: it talks over the human agent`,
  INJECTED_FAULT: (room) => `the mock refused or delayed this call in room ${room} on purpose`,
};

/** A call the mock refused or delayed on purpose: shown, never counted against the bot. */
function injected(exchange: Exchange): Violation {
  const what =
    exchange.status !== null && exchange.status >= 400
      ? `answered ${exchange.status} on purpose`
      : 'answered late on purpose';
  return violation(
    exchange,
    'INJECTED',
    `${exchange.operation_id ?? 'the call'} was ${what} (fault injection): not the bot's fault; the steps after it show whether the bot retried`,
    { severity: 'warning' },
  );
}

function pathOf(exchange: Exchange): string {
  return exchange.path.split('?')[0] ?? exchange.path;
}

function violation(
  exchange: Exchange,
  code: Violation['code'],
  message: string,
  extra: {
    severity?: Violation['severity'];
    path?: string | null;
    operationId?: string | null;
  } = {},
): Violation {
  return {
    code,
    severity: extra.severity ?? 'error',
    operation_id: extra.operationId === undefined ? exchange.operation_id : extra.operationId,
    direction: exchange.direction,
    exchange_seq: exchange.seq,
    path: extra.path === undefined ? null : extra.path === '' ? null : extra.path,
    message,
  };
}

function listDetails(details: readonly ErrorDetail[]): string {
  const shown = details
    .slice(0, problemLimit)
    .map((d) => (d.path ? `${d.path}: ${d.message}` : d.message));
  const more = details.length - shown.length;
  return shown.join('; ') + (more > 0 ? `; and ${more} more` : '');
}

/** The mock's error in one line: `CODE: message (details)`, whichever surface answered. */
function describeRefusal(exchange: Exchange): { message: string; path: string | null } {
  const body = exchange.response?.body;
  const envelope = ErrorEnvelopeSchema.safeParse(body);
  if (envelope.success) {
    const { code, message, details } = envelope.data.errors;
    const listed =
      details.length > 0 && !message.includes(details[0]?.message ?? '')
        ? ` (${listDetails(details)})`
        : '';
    return { message: `${code}: ${message}${listed}`, path: details[0]?.path ?? null };
  }
  const problem = ProblemSchema.safeParse(body);
  if (problem.success) {
    const errors = problem.data.errors ?? [];
    return {
      message: `${problem.data.code}: ${problem.data.detail}${errors.length > 0 ? ` (${listDetails(errors)})` : ''}`,
      path: errors[0]?.path ?? null,
    };
  }
  const text = typeof body === 'string' ? body : JSON.stringify(body ?? null);
  return { message: `status ${String(exchange.status)}: ${text.slice(0, 200)}`, path: null };
}

function mismatches(
  exchange: Exchange,
  schema: z.ZodType,
  value: unknown,
  what: string,
  operationId: string,
): Violation[] {
  // Unknown fields are the mock's to note (exchange.warnings), as the real API ignores them.
  const check = checkContract(schema, value, { unknownFields: 'warn' });
  if (check.ok) return [];
  const shown = check.problems.slice(0, problemLimit);
  return shown.map((problem) =>
    violation(
      exchange,
      'SCHEMA_MISMATCH',
      `${what} does not match ${operationId}: ${problem.path || 'the body'} ${problem.message}`,
      {
        path: problem.path,
        operationId,
      },
    ),
  );
}

function requestSchema(operation: OperationDescriptor, exchange: Exchange): z.ZodType | undefined {
  const content = operation.request.body?.content;
  if (!content) return undefined;
  const type = exchange.request.headers['content-type']?.split(';')[0]?.trim().toLowerCase();
  const form = content['application/x-www-form-urlencoded'];
  if (type === 'application/x-www-form-urlencoded' && form) return form.schema;
  return (content['application/json'] ?? form)?.schema;
}

function checkBotRequest(exchange: Exchange, operation: OperationDescriptor): Violation[] {
  const status = exchange.status ?? 0;
  if (status >= 400) {
    const refusal = describeRefusal(exchange);
    return [
      violation(exchange, 'REFUSED', refusal.message, {
        path: refusal.path,
        operationId: operation.id,
      }),
    ];
  }
  const found: Violation[] = [];
  const schema = requestSchema(operation, exchange);
  if (schema && exchange.request.body !== null) {
    found.push(
      ...mismatches(exchange, schema, exchange.request.body, 'the request body', operation.id),
    );
  }
  const response = operation.responses[status];
  if (response && exchange.response) {
    found.push(
      ...mismatches(
        exchange,
        response.schema,
        exchange.response.body,
        "the mock's answer",
        operation.id,
      ),
    );
  }
  return found;
}

const answerShown = 200;

/** The start of what a bot answered a webhook it refused, as the delivery log shows it. */
function answerStart(exchange: Exchange): string {
  const body = exchange.response?.body;
  if (body === undefined || body === null || body === '') return '';
  const text = (typeof body === 'string' ? body : JSON.stringify(body)).replace(/\s+/g, ' ').trim();
  if (text === '') return '';
  const characters = Array.from(text);
  return `: ${characters.length > answerShown ? `${characters.slice(0, answerShown - 1).join('')}…` : text}`;
}

function checkWebhook(
  exchange: Exchange,
  found: Extract<FoundOperation, { kind: 'webhook' }>,
): Violation[] {
  const { webhook } = found;
  const violations = mismatches(
    exchange,
    webhook.body,
    exchange.request.body,
    'the webhook',
    webhook.id,
  );
  const status = exchange.status;
  if (status === null || status < 200 || status > 299) {
    const why = `${exchange.error ?? `the bot answered ${String(status)}`}${answerStart(exchange)}`;
    violations.push(
      violation(
        exchange,
        'DELIVERY_FAILED',
        `the bot did not take the ${webhook.id} webhook: ${why}`,
      ),
    );
  }
  // A webhook whose contract says what the bot answers has that answer checked too.
  const reply: { readonly description: string; readonly schema?: z.ZodType } = webhook.reply;
  if (reply.schema && exchange.response && violations.length === 0) {
    violations.push(
      ...mismatches(exchange, reply.schema, exchange.response.body, "the bot's answer", webhook.id),
    );
  }
  return violations;
}

function checkControl(
  exchange: Exchange,
  found: Extract<FoundOperation, { kind: 'control' }>,
): Violation[] {
  const { operation } = found;
  // A refused control call is the caller's (the harness's, a test's) to report, not the bot's.
  if (exchange.status === null || exchange.status >= 400) return [];
  const violations: Violation[] = [];
  const body = operation.request.body;
  if (body && exchange.request.body !== null) {
    violations.push(
      ...mismatches(exchange, body.schema, exchange.request.body, 'the request body', operation.id),
    );
  }
  if (exchange.response) {
    violations.push(
      ...mismatches(
        exchange,
        operation.response.schema,
        exchange.response.body,
        "the mock's answer",
        operation.id,
      ),
    );
  }
  return violations;
}

/**
 * Checks one exchange of a run against the contracts: the bot's requests (refused by the mock,
 * calling what the API does not have, bodies that do not match, flagged by the mock), the
 * webhooks the mock sent and whether the bot took them, and unknown fields (warnings).
 */
export function validateExchange(exchange: Exchange): Violation[] {
  if (exchange.flags.includes('INJECTED_FAULT')) return [injected(exchange)];
  const found = findOperation(exchange);
  const violations: Violation[] = [];
  if (!found) {
    if (exchange.direction === 'from_bot') {
      const answer =
        exchange.status !== null && exchange.status >= 400
          ? ` (the mock answered ${describeRefusal(exchange).message})`
          : '';
      violations.push(
        violation(
          exchange,
          'UNEXPECTED_CALL',
          `the bot called ${exchange.method} ${pathOf(exchange)}, which no operation of the Qiscus bot API has${answer}`,
          { operationId: null },
        ),
      );
    }
  } else if (found.kind === 'operation') {
    violations.push(...checkBotRequest(exchange, found.operation));
  } else if (found.kind === 'webhook') {
    violations.push(...checkWebhook(exchange, found));
  } else {
    violations.push(...checkControl(exchange, found));
  }
  const room = exchange.room_id ?? 'the room';
  for (const flag of exchange.flags) {
    violations.push(violation(exchange, 'FLAGGED', `${flag}: ${flagMessages[flag](room)}`));
  }
  for (const warning of exchange.warnings) {
    violations.push(
      violation(exchange, 'UNKNOWN_FIELD', `${warning.path} ${warning.message}`, {
        severity: 'warning',
        path: warning.path,
      }),
    );
  }
  return violations;
}
