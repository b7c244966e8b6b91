import {
  controlOperations,
  operations,
  webhooks,
  type ControlOperationDescriptor,
  type Exchange,
  type OperationDescriptor,
  type WebhookDescriptor,
} from '#contracts';

/** The catalogue entry behind an exchange, by its direction. */
export type FoundOperation =
  | { readonly kind: 'operation'; readonly operation: OperationDescriptor }
  | { readonly kind: 'webhook'; readonly webhook: WebhookDescriptor }
  | { readonly kind: 'control'; readonly operation: ControlOperationDescriptor };

interface Matcher {
  readonly method: string;
  readonly pattern: RegExp;
  readonly operation: OperationDescriptor;
}

/** `/{app_code}/bot/{room_id}/hand_over` → a pattern of one path segment per parameter. */
function templatePattern(template: string): RegExp {
  const escaped = template
    .split(/\{[^}]+\}/)
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('[^/]+');
  return new RegExp(`^${escaped}/?$`);
}

const operationsById = new Map<string, OperationDescriptor>(operations.map((op) => [op.id, op]));
const webhooksById = new Map<string, WebhookDescriptor>(webhooks.map((hook) => [hook.id, hook]));
const controlById = new Map<string, ControlOperationDescriptor>(
  controlOperations.map((op) => [op.id, op]),
);
const matchers: readonly Matcher[] = operations.map((operation) => ({
  method: operation.method.toUpperCase(),
  pattern: templatePattern(operation.path),
  operation,
}));

/**
 * The operation, webhook or control operation of the catalogue an exchange is an instance of:
 * by the id the mock noted, else (for the bot's requests) by method and path. Undefined when the
 * catalogue has none: the bot called something the Qiscus API does not have.
 */
export function findOperation(exchange: Exchange): FoundOperation | undefined {
  const id = exchange.operation_id;
  switch (exchange.direction) {
    case 'to_bot': {
      const webhook = id === null ? undefined : webhooksById.get(id);
      return webhook && { kind: 'webhook', webhook };
    }
    case 'control': {
      const operation = id === null ? undefined : controlById.get(id);
      return operation && { kind: 'control', operation };
    }
    case 'from_bot': {
      const known = id === null ? undefined : operationsById.get(id);
      if (known) return { kind: 'operation', operation: known };
      const path = exchange.path.split('?')[0] ?? '';
      const match = matchers.find(
        (matcher) => matcher.method === exchange.method && matcher.pattern.test(path),
      );
      return match && { kind: 'operation', operation: match.operation };
    }
  }
}
