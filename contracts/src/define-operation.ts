import type { AuthRequirement } from './auth.js';
import type { ErrorCode } from './error-envelope.js';
import type { z } from './zod.js';

/**
 * Where a fact about the real API comes from, as tagged in the research notes: Qiscus's
 * documentation (DOC), code Qiscus publishes (CODE-Q), third-party code calling the real API
 * (CODE), or nowhere public: qiscus-mock's reading of the product brief and the nearest
 * evidence (INFERRED).
 */
export type Fidelity = 'DOC' | 'CODE-Q' | 'CODE' | 'INFERRED';

/** One fact of an operation or webhook, and where it comes from. */
export interface FidelityNote {
  readonly source: Fidelity;
  readonly fact: string;
}

/** A named, realistic example value. */
export interface Example {
  readonly summary: string;
  readonly value: unknown;
}

/** The media types an operation body may come in. */
export type BodyMediaType =
  'application/json' | 'application/x-www-form-urlencoded' | 'multipart/form-data';

/** The schema of a body in one media type, with realistic examples of it. */
export interface MediaTypeContent {
  readonly schema: z.ZodType;
  readonly examples: Readonly<Record<string, Example>>;
}

/** The request body of an operation, by media type. */
export interface OperationBody {
  readonly required: boolean;
  readonly description: string;
  readonly content: Partial<Record<BodyMediaType, MediaTypeContent>>;
}

/** A successful response of an operation. */
export interface OperationResponse {
  readonly description: string;
  readonly schema: z.ZodType;
  readonly examples: Readonly<Record<string, Example>>;
}

/** An HTTP operation of the Qiscus surface, described once for the server, the harness and the docs. */
export interface OperationDescriptor {
  /** camelCase, identical to the OpenAPI operationId. */
  readonly id: string;
  readonly method: 'get' | 'post';
  /** OpenAPI path template, e.g. `/{app_code}/bot/{room_id}/hand_over`. */
  readonly path: string;
  readonly summary: string;
  readonly description: string;
  readonly tags: readonly string[];
  readonly auth: AuthRequirement;
  readonly request: {
    readonly params?: z.ZodObject;
    /** The query string's parameters, as text (numbers are parsed by the schema). */
    readonly query?: z.ZodObject;
    /** A realistic query string, as the parameters a caller sends (tests and docs use it). */
    readonly queryExample?: Readonly<Record<string, string | readonly string[]>>;
    readonly body?: OperationBody;
  };
  /** Success responses by status. */
  readonly responses: Readonly<Record<number, OperationResponse>>;
  /** The error codes the operation can answer with. */
  readonly errors: readonly ErrorCode[];
  /** Where each part of the operation comes from. */
  readonly fidelity: readonly FidelityNote[];
}

/** A webhook Qiscus sends, described once for the mock's dispatcher, the harness and the docs. */
export interface WebhookDescriptor {
  /** camelCase, the key under the OpenAPI document's `webhooks`. */
  readonly id: string;
  readonly summary: string;
  readonly description: string;
  readonly tags: readonly string[];
  readonly body: z.ZodType;
  readonly examples: Readonly<Record<string, Example>>;
  /** What the receiver may answer; Qiscus ignores the body unless a schema says what it reads. */
  readonly reply: { readonly description: string; readonly schema?: z.ZodType };
  readonly fidelity: readonly FidelityNote[];
}

/** Types an operation descriptor and keeps its literal id, method and path. */
export function defineOperation<const T extends OperationDescriptor>(operation: T): T {
  return operation;
}

/** Types a webhook descriptor and keeps its literal id. */
export function defineWebhook<const T extends WebhookDescriptor>(webhook: T): T {
  return webhook;
}
