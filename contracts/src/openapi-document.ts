import { OpenApiGeneratorV31, OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { authStyles, type AuthRequirement, type AuthStyle } from './auth.js';
import { operations, webhooks } from './catalog.js';
import { packageVersion } from './package-version.js';
import {
  ChannelRulesSchema,
  channelNames,
  channelSources,
  defaultChannelRules,
} from './channels.js';
import type {
  Example,
  FidelityNote,
  OperationDescriptor,
  WebhookDescriptor,
} from './define-operation.js';
import { errorCodes } from './error-codes.js';
import { ErrorEnvelopeSchema, type ErrorCode } from './error-envelope.js';
import { BotMessageTypeSchema } from './message-type.js';
import { controlOperations } from './control/control-operations.js';
import type { ControlOperationDescriptor } from './control/define-control-operation.js';
import { ProblemSchema } from './control/problem.js';
import { RoomOptionsSchema } from './webhooks/room-options.js';

/** The OpenAPI document, as a plain JSON value. */
export type OpenApiDocument = ReturnType<OpenApiGeneratorV31['generateDocument']>;

const catalogue: readonly OperationDescriptor[] = operations;

const securitySchemeNames = {
  sdkSecret: ['QiscusSdkSecret'],
  appIdAndSecretKey: ['QiscusAppId', 'QiscusSecretKey'],
  authorization: ['Authorization'],
  adminTokenAndAppId: ['Authorization', 'QiscusAppId'],
} as const satisfies Record<AuthStyle, readonly string[]>;

function registerSecuritySchemes(registry: OpenAPIRegistry): void {
  const header = (name: string, description: string) =>
    ({ type: 'apiKey', in: 'header', name, description }) as const;
  registry.registerComponent(
    'securitySchemes',
    'QiscusSdkSecret',
    header('QISCUS_SDK_SECRET', `The app’s secret key. ${authStyles.sdkSecret.description}`),
  );
  registry.registerComponent(
    'securitySchemes',
    'QiscusAppId',
    header(
      'Qiscus-App-Id',
      'The app code. Sent with Qiscus-Secret-Key, or with an admin token in Authorization on the app settings endpoints.',
    ),
  );
  registry.registerComponent(
    'securitySchemes',
    'QiscusSecretKey',
    header(
      'Qiscus-Secret-Key',
      `The app’s secret key. ${authStyles.appIdAndSecretKey.description}`,
    ),
  );
  registry.registerComponent(
    'securitySchemes',
    'Authorization',
    header(
      'Authorization',
      `${authStyles.authorization.description} The secret key is accepted here too by ${catalogue
        .filter((operation) => operation.auth.authorizationAccepts?.includes('secretKey'))
        .map((operation) => operation.id)
        .join(', ')}.`,
    ),
  );
}

function securityOf(auth: AuthRequirement): Record<string, string[]>[] {
  return auth.styles.map((style) =>
    Object.fromEntries(securitySchemeNames[style].map((name) => [name, []])),
  );
}

function examplesOf(examples: Readonly<Record<string, Example>>) {
  return Object.fromEntries(
    Object.entries(examples).map(([name, { summary, value }]) => [name, { summary, value }]),
  );
}

function channelMatrixMarkdown(): string {
  const types = BotMessageTypeSchema.options;
  const rows = channelSources.map((source) => {
    const cells = types.map((type) =>
      defaultChannelRules[source].refuses.includes(type) ? '**refused**' : 'yes',
    );
    return `| \`${source}\` — ${channelNames[source]} | ${cells.join(' | ')} |`;
  });
  return [
    `| channel | ${types.join(' | ')} |`,
    `|---|${types.map(() => '---').join('|')}|`,
    ...rows,
  ].join('\n');
}

function describeFidelity(notes: readonly FidelityNote[]): string {
  return `Where this comes from:\n\n${notes.map((note) => `- **${note.source}**: ${note.fact}`).join('\n')}`;
}

function describeOperation(operation: OperationDescriptor): string {
  const parts = [operation.description];
  if (operation.errors.includes('MESSAGE_TYPE_NOT_SUPPORTED')) {
    parts.push(
      `Channel refusals (answered with MESSAGE_TYPE_NOT_SUPPORTED):\n\n${channelMatrixMarkdown()}`,
    );
  }
  parts.push(
    `Error codes: ${operation.errors.map((code) => `\`${code}\``).join(', ')}.`,
    describeFidelity(operation.fidelity),
  );
  return parts.join('\n\n');
}

function errorResponsesOf(codes: readonly ErrorCode[]) {
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of codes) {
    const status = errorCodes[code].status;
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  return Object.fromEntries(
    [...byStatus].map(([status, group]) => [
      status,
      {
        description: group.map((code) => `\`${code}\`: ${errorCodes[code].when}`).join('\n\n'),
        content: {
          'application/json': {
            schema: ErrorEnvelopeSchema,
            examples: Object.fromEntries(
              group.map((code) => [
                code,
                {
                  summary: code,
                  value: {
                    status,
                    errors: {
                      code,
                      message: errorCodes[code].example.message,
                      details: errorCodes[code].example.details,
                    },
                  },
                },
              ]),
            ),
          },
        },
      },
    ]),
  );
}

function registerOperation(registry: OpenAPIRegistry, operation: OperationDescriptor): void {
  const { body, params, query } = operation.request;
  registry.registerPath({
    method: operation.method,
    path: operation.path,
    operationId: operation.id,
    summary: operation.summary,
    description: describeOperation(operation),
    tags: [...operation.tags],
    security: securityOf(operation.auth),
    request: {
      ...(params ? { params } : {}),
      ...(query ? { query } : {}),
      ...(body
        ? {
            body: {
              required: body.required,
              description: body.description,
              content: Object.fromEntries(
                Object.entries(body.content).map(([mediaType, { schema, examples }]) => [
                  mediaType,
                  { schema, examples: examplesOf(examples) },
                ]),
              ),
            },
          }
        : {}),
    },
    responses: {
      ...Object.fromEntries(
        Object.entries(operation.responses).map(([status, response]) => [
          status,
          {
            description: response.description,
            content: {
              'application/json': {
                schema: response.schema,
                examples: examplesOf(response.examples),
              },
            },
          },
        ]),
      ),
      ...errorResponsesOf(operation.errors),
    },
    'x-error-codes': [...operation.errors],
    'x-fidelity': operation.fidelity,
    ...(operation.errors.includes('MESSAGE_TYPE_NOT_SUPPORTED')
      ? {
          'x-channel-refusals': Object.fromEntries(
            channelSources.map((source) => [source, [...defaultChannelRules[source].refuses]]),
          ),
        }
      : {}),
  });
}

const description = `The Qiscus Omnichannel Chat bot API, as a chatbot sees it: the endpoints a bot calls and the webhook it receives. Generated by qiscus-mock from the same zod schemas that validate its traffic.

Each operation says where its shapes come from: DOC (Qiscus’s documentation), CODE (code that calls the real API) or INFERRED (no public source; qiscus-mock’s best reading). Error bodies are not published by Qiscus: the envelope \`{ "errors": { "message" } }\` is the one Qiscus uses elsewhere, and \`errors.code\` and \`errors.details\` are qiscus-mock’s additions.`;

type JsonSchemaObject = Record<string, unknown>;

/**
 * Removes each discriminator whose property some variant may leave out: OpenAPI requires the
 * property in every variant (text messages may omit `type`). The generator adds one to every
 * discriminated union; without it, oneOf still matches exactly one variant.
 */
function dropOptionalDiscriminators(document: OpenApiDocument): void {
  const schemas = (document.components?.schemas ?? {}) as Record<string, JsonSchemaObject>;
  const resolve = (schema: JsonSchemaObject): JsonSchemaObject => {
    const ref = schema.$ref;
    return typeof ref === 'string'
      ? (schemas[ref.replace('#/components/schemas/', '')] ?? {})
      : schema;
  };
  for (const schema of Object.values(schemas)) {
    const discriminator = schema.discriminator as { propertyName: string } | undefined;
    const variants = schema.oneOf as JsonSchemaObject[] | undefined;
    if (!discriminator || !variants) continue;
    const everyRequires = variants.every((variant) =>
      ((resolve(variant).required as string[] | undefined) ?? []).includes(
        discriminator.propertyName,
      ),
    );
    if (!everyRequires) delete schema.discriminator;
  }
}

function registerControlOperation(
  registry: OpenAPIRegistry,
  operation: ControlOperationDescriptor,
): void {
  const { params, query, body } = operation.request;
  registry.registerPath({
    method: operation.method,
    path: operation.path,
    operationId: operation.id,
    summary: operation.summary,
    description: operation.description,
    tags: ['Mock control'],
    request: {
      ...(params ? { params } : {}),
      ...(query ? { query } : {}),
      ...(body
        ? {
            body: {
              required: body.required,
              content: {
                'application/json': { schema: body.schema, examples: examplesOf(body.examples) },
              },
            },
          }
        : {}),
    },
    responses: {
      [operation.response.status]: {
        description: operation.response.description,
        content: { 'application/json': { schema: operation.response.schema } },
      },
      default: {
        description: 'A problem: the code says which (see the README).',
        content: { 'application/problem+json': { schema: ProblemSchema } },
      },
    },
  });
}

/** What the document covers besides the Qiscus surface. */
export interface OpenApiDocumentOptions {
  /** Also describe the mock's own `/_mock` API (the served document does; the committed one not). */
  readonly control?: boolean;
}

/** Builds the OpenAPI 3.1 document of the Qiscus surface from the operation catalogue. Pure. */
export function buildOpenApiDocument(options: OpenApiDocumentOptions = {}): OpenApiDocument {
  const registry = new OpenAPIRegistry();
  registerSecuritySchemes(registry);
  for (const operation of catalogue) registerOperation(registry, operation);
  if (options.control) {
    for (const operation of controlOperations) registerControlOperation(registry, operation);
  }
  for (const webhook of webhooks as readonly WebhookDescriptor[]) {
    const replySchema = webhook.reply.schema;
    registry.registerWebhook({
      method: 'post',
      path: webhook.id,
      operationId: webhook.id,
      summary: webhook.summary,
      description: `${webhook.description}\n\n${describeFidelity(webhook.fidelity)}`,
      tags: [...webhook.tags],
      request: {
        body: {
          required: true,
          content: {
            'application/json': { schema: webhook.body, examples: examplesOf(webhook.examples) },
          },
        },
      },
      responses: {
        '2XX': {
          description: webhook.reply.description,
          ...(replySchema ? { content: { 'application/json': { schema: replySchema } } } : {}),
        },
      },
      'x-fidelity': webhook.fidelity,
    });
  }
  // Documented shapes no operation references directly.
  registry.register('ChannelRules', ChannelRulesSchema);
  registry.register('RoomOptions', RoomOptionsSchema);
  const document = new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'Qiscus Omnichannel Chat bot API (qiscus-mock)',
      version: packageVersion,
      description,
      license: { name: 'MIT', identifier: 'MIT' },
    },
    servers: [
      { url: 'http://127.0.0.1:3737', description: 'qiscus-mock serve, with its defaults' },
      { url: 'https://omnichannel.qiscus.com', description: 'Qiscus Omnichannel (the real API)' },
    ],
    tags: [
      { name: 'Bot', description: 'Messages the bot sends.' },
      { name: 'Handover', description: 'Giving a room to human agents.' },
      {
        name: 'Bot activation',
        description: 'Switching the bot on and off, for the app and per room.',
      },
      { name: 'Webhooks', description: 'What Qiscus sends to the bot.' },
      ...(options.control
        ? [
            {
              name: 'Mock control',
              description:
                'qiscus-mock’s own API (not Qiscus’s): play the customer and the agents, read the traffic and the delivery log, change switches.',
            },
          ]
        : []),
    ],
  });
  dropOptionalDiscriminators(document);
  return document;
}
