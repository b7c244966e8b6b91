import { compileErrors, validate } from '@readme/openapi-parser';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import {
  BotMessageSchema,
  BotMessageWebhookSchema,
  buildOpenApiDocument,
  controlOperations,
  errorCodes,
  operations,
  postBotMessage,
  webhooks,
  botMessageWebhook,
  type ControlOperationDescriptor,
  type OperationDescriptor,
} from '#contracts';

const document = buildOpenApiDocument();
const catalogue: readonly OperationDescriptor[] = operations;

type Json = Record<string, unknown>;
const paths = document.paths as unknown as Record<string, Record<string, Json>>;

/** The generated JSON Schemas, compiled with every component available under its $ref. */
function compileComponent(name: string) {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats.default(ajv);
  const components = (document.components?.schemas ?? {}) as Record<string, Json>;
  ajv.addSchema({ $id: 'doc', components: { schemas: components } });
  return ajv.compile({ $ref: `doc#/components/schemas/${name}` });
}

describe('the OpenAPI document', () => {
  it('is valid OpenAPI 3.1 for a maintained validator', async () => {
    const result = await validate(structuredClone(document) as never);
    expect(result.valid ? 'valid' : compileErrors(result)).toBe('valid');
    expect(document.openapi).toBe('3.1.0');
  });

  it('is checked by a validator that refuses a broken copy', async () => {
    const broken = structuredClone(document) as unknown as Json;
    delete broken.info;
    expect((await validate(broken as never)).valid).toBe(false);
  });

  it('has exactly the operations of the catalogue, with their ids', () => {
    const listed = Object.entries(paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(
        ([method, operation]) => `${method} ${path} ${String(operation.operationId)}`,
      ),
    );
    expect(listed.sort()).toEqual(
      catalogue.map((operation) => `${operation.method} ${operation.path} ${operation.id}`).sort(),
    );
    expect(listed).toHaveLength(24);
  });

  it('lists the bot (and its older shape), New Session, Custom Agent Allocation and Mark-as-Resolved webhooks', () => {
    expect(Object.keys(document.webhooks ?? {})).toEqual(webhooks.map((webhook) => webhook.id));
    expect(webhooks.map((webhook) => webhook.id)).toEqual([
      'botMessage',
      'legacyBotMessage',
      'newSession',
      'customAgentAllocation',
      'markAsResolved',
    ]);
    for (const name of [
      'NewSessionWebhook',
      'CustomAgentAllocationWebhook',
      'CustomAgentAllocationReply',
      'MarkAsResolvedWebhook',
    ]) {
      expect(JSON.stringify(document.webhooks)).toContain(`#/components/schemas/${name}`);
    }
    expect(JSON.stringify(document.webhooks)).toContain('#/components/schemas/BotMessageWebhook');
  });

  it('declares the auth headers as security schemes, and which combinations each operation accepts', () => {
    const schemes = document.components?.securitySchemes as unknown as Record<string, Json>;
    expect(Object.fromEntries(Object.entries(schemes).map(([name, s]) => [name, s.name]))).toEqual({
      QiscusSdkSecret: 'QISCUS_SDK_SECRET',
      QiscusAppId: 'Qiscus-App-Id',
      QiscusSecretKey: 'Qiscus-Secret-Key',
      Authorization: 'Authorization',
    });
    expect(paths['/{app_code}/bot']?.post?.security).toEqual([
      { QiscusSdkSecret: [] },
      { QiscusAppId: [], QiscusSecretKey: [] },
      { Authorization: [] },
    ]);
    expect(paths['/api/v1/app/bot']?.get?.security).toEqual([
      { Authorization: [], QiscusAppId: [] },
    ]);
  });

  it.each(catalogue.map((operation) => [operation.id, operation] as const))(
    '%s documents every error code it can answer with, with an example of each',
    (_id, operation) => {
      const documented = paths[operation.path]?.[operation.method];
      const responses = documented?.responses as Record<string, Json>;
      expect(documented?.['x-error-codes']).toEqual(operation.errors);
      for (const code of operation.errors) {
        const response = responses[String(errorCodes[code].status)];
        const examples = (response?.content as Record<string, Json>)['application/json']?.examples;
        expect(Object.keys(examples as Json), code).toContain(code);
      }
    },
  );

  it('states the channel refusals on POST /{app_code}/bot', () => {
    const operation = paths['/{app_code}/bot']?.post;
    expect(operation?.['x-channel-refusals']).toEqual({
      qiscus: [],
      wa: ['buttons', 'carousel'],
      ig: ['buttons'],
      telegram: ['carousel'],
      line: [],
      fb: [],
      custom: [],
    });
    expect(operation?.description).toContain(
      '| `wa` — WhatsApp | yes | yes | **refused** | **refused** | yes | yes | yes |',
    );
  });

  it('keeps a discriminator only where every variant requires its property', () => {
    const schemas = document.components?.schemas as Record<string, Json>;
    expect(schemas.BotMessage).not.toHaveProperty('discriminator');
    expect(schemas.Button?.discriminator).toEqual({
      propertyName: 'type',
      mapping: {
        postback: '#/components/schemas/PostbackButton',
        link: '#/components/schemas/LinkButton',
      },
    });
  });

  it('keeps the named components the contracts declare', () => {
    expect(Object.keys(document.components?.schemas ?? {})).toEqual(
      expect.arrayContaining([
        'BotMessage',
        'ErrorEnvelope',
        'RoomOptions',
        'ChannelRules',
        'LegacyBotMessageWebhook',
      ]),
    );
  });
});

describe('the JSON Schemas in the document agree with the zod schemas', () => {
  const botMessage = compileComponent('BotMessage');
  const webhook = compileComponent('BotMessageWebhook');
  const bodies = Object.values(postBotMessage.request.body.content['application/json'].examples);

  it.each(bodies.map((example) => [example.summary, example.value] as const))(
    'accepts the bot message example "%s"',
    (_summary, value) => {
      expect(botMessage(value) ? [] : botMessage.errors).toEqual([]);
    },
  );

  it.each(Object.values(botMessageWebhook.examples).map((e) => [e.summary, e.value] as const))(
    'accepts the webhook example "%s"',
    (_summary, value) => {
      expect(webhook(value) ? [] : webhook.errors).toEqual([]);
    },
  );

  it.each([
    ['a file_attachment without url', { type: 'file_attachment', payload: {} }],
    ['an unknown type', { type: 'video' }],
    ['a carousel without cards', { type: 'carousel', payload: {} }],
    ['a numeric room_id', { room_id: 187250792 }],
    ['a custom message without content', { type: 'custom', payload: { type: 'promo' } }],
    [
      'a link button to a javascript: URL',
      {
        type: 'buttons',
        payload: {
          text: 'x',
          buttons: [{ label: 'x', type: 'link', payload: { url: 'javascript:alert(1)' } }],
        },
      },
    ],
    [
      'a button without label',
      { type: 'buttons', payload: { text: 'x', buttons: [{ type: 'postback' }] } },
    ],
  ])('refuses %s, as zod does', (_case, change) => {
    const value = { ...(bodies[0]?.value as Json), ...change };
    expect(botMessage(value)).toBe(false);
    expect(BotMessageSchema.safeParse(value).success).toBe(false);
  });

  it('refuses a webhook whose room.options is an object, as zod does', () => {
    const value = structuredClone(botMessageWebhook.examples.text.value) as Json & {
      payload: { room: { options: unknown } };
    };
    value.payload.room.options = { source: 'wa' };
    expect(webhook(value)).toBe(false);
    expect(BotMessageWebhookSchema.safeParse(value).success).toBe(false);
  });
});

describe('the OpenAPI document with the mock control API', () => {
  // Built in each test, not once here: code that runs while the file is collected is in no test,
  // and a mutation run would not count it as reached by these tests.
  const withControl = () => buildOpenApiDocument({ control: true });
  const problem = { $ref: '#/components/schemas/Problem' };
  const controlCatalogue: readonly ControlOperationDescriptor[] = controlOperations;

  it('is valid OpenAPI 3.1 too', async () => {
    const result = await validate(structuredClone(withControl()) as never);
    expect(result.valid ? 'valid' : compileErrors(result)).toBe('valid');
  });

  it.each(controlCatalogue.map((operation) => [operation.id, operation] as const))(
    'describes %s: its tag, parameters, body, answer and problems',
    (_id, operation) => {
      const { params, query, body } = operation.request;
      const paths = withControl().paths as unknown as Record<string, Record<string, Json>>;
      const described = paths[operation.path]?.[operation.method] ?? {};
      expect(described.tags).toEqual(['Mock control']);
      const parameters = (described.parameters ?? []) as { name: string; in: string }[];
      expect(parameters.map((parameter) => `${parameter.in} ${parameter.name}`).sort()).toEqual(
        [
          ...Object.keys(params?.shape ?? {}).map((name) => `path ${name}`),
          ...Object.keys(query?.shape ?? {}).map((name) => `query ${name}`),
        ].sort(),
      );
      const requestBody = described.requestBody as
        | { required: boolean; content: Record<string, { schema: unknown; examples: Json }> }
        | undefined;
      if (body) {
        expect(requestBody?.required).toBe(body.required);
        expect(Object.keys(requestBody?.content ?? {})).toEqual(['application/json']);
        expect(requestBody?.content['application/json']?.schema).toBeDefined();
        expect(Object.keys(requestBody?.content['application/json']?.examples ?? {})).toEqual(
          Object.keys(body.examples),
        );
      } else {
        expect(requestBody).toBeUndefined();
      }
      const responses = described.responses as Record<
        string,
        { description: string; content: Record<string, { schema: unknown }> }
      >;
      expect(Object.keys(responses)).toEqual([String(operation.response.status), 'default']);
      const answer = responses[String(operation.response.status)];
      expect(answer?.description).toBe(operation.response.description);
      expect(Object.keys(answer?.content ?? {})).toEqual(['application/json']);
      expect(answer?.content['application/json']?.schema).toBeDefined();
      expect(responses.default).toEqual({
        description: 'A problem: the code says which (see the README).',
        content: { 'application/problem+json': { schema: problem } },
      });
    },
  );

  it('adds the Mock control tag last, which the document without it does not have', () => {
    const { tags } = withControl();
    expect(tags?.map((tag) => tag.name)).toEqual([
      ...(document.tags ?? []).map((tag) => tag.name),
      'Mock control',
    ]);
    expect(tags?.at(-1)?.description).toMatch(/^qiscus-mock’s own API \(not Qiscus’s\)/);
  });
});
