import { getOpenApiMetadata } from '@asteasolutions/zod-to-openapi';
import { describe, expect, it } from 'vitest';
import * as contracts from '#contracts';
import {
  ErrorEnvelopeSchema,
  checkContract,
  errorCodes,
  operations,
  webhooks,
  z,
  type ErrorCode,
  type OperationDescriptor,
  type WebhookDescriptor,
} from '#contracts';

const exportedSchemas = Object.entries(contracts).flatMap(([name, value]: [string, unknown]) =>
  value instanceof z.ZodType ? [[name, value] as const] : [],
);

const catalogue: readonly OperationDescriptor[] = operations;
const operationExamples = catalogue.flatMap((operation) => [
  ...Object.entries(operation.request.body?.content ?? {}).flatMap(([mediaType, content]) =>
    Object.entries(content.examples).map(([name, example]) => ({
      label: `${operation.id} request ${mediaType} "${name}"`,
      schema: content.schema,
      value: example.value,
    })),
  ),
  ...Object.entries(operation.responses).flatMap(([status, response]) =>
    Object.entries(response.examples).map(([name, example]) => ({
      label: `${operation.id} response ${status} "${name}"`,
      schema: response.schema,
      value: example.value,
    })),
  ),
]);

const webhookExamples = (webhooks as readonly WebhookDescriptor[]).flatMap((webhook) =>
  Object.entries(webhook.examples).map(([name, example]) => ({
    label: `webhook ${webhook.id} "${name}"`,
    schema: webhook.body,
    value: example.value,
  })),
);

describe('contract examples', () => {
  it('finds the exported schemas to check', () => {
    expect(exportedSchemas.length).toBeGreaterThan(40);
  });

  it.each(exportedSchemas)('%s carries an example that parses', (_name, schema) => {
    const example: unknown = getOpenApiMetadata(schema).example;
    expect(example).toBeDefined();
    expect(checkContract(schema, example)).toMatchObject({ ok: true });
  });

  it.each([...operationExamples, ...webhookExamples].map((e) => [e.label, e] as const))(
    '%s parses through its schema',
    (_label, { schema, value }) => {
      expect(checkContract(schema, value)).toMatchObject({ ok: true });
    },
  );

  it('gives every operation at least one request (when it has a body) and one response example', () => {
    for (const operation of catalogue) {
      for (const content of Object.values(operation.request.body?.content ?? {})) {
        expect(Object.keys(content.examples).length, operation.id).toBeGreaterThan(0);
      }
      for (const response of Object.values(operation.responses)) {
        expect(Object.keys(response.examples).length, operation.id).toBeGreaterThan(0);
      }
    }
  });

  it('shows every bot message type in an example of POST /{app_code}/bot', () => {
    const examples = contracts.postBotMessage.request.body.content['application/json'].examples;
    const types = Object.values(examples).map(
      (example) => contracts.BotMessageSchema.parse(example.value).type,
    );
    expect(new Set(types)).toEqual(new Set(contracts.BotMessageTypeSchema.options));
  });

  it.each(Object.keys(errorCodes) as ErrorCode[])(
    'has an example envelope for %s that parses',
    (code) => {
      const { status, example } = errorCodes[code];
      const envelope = { status, errors: { code, ...example } };
      expect(checkContract(ErrorEnvelopeSchema, envelope)).toMatchObject({ ok: true });
    },
  );
});
