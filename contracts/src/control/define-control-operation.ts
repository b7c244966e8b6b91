import type { Example } from '../define-operation.js';
import type { z } from '../zod.js';

/** An operation of the mock's own `/_mock` API: JSON in, JSON out, problem+json errors. */
export interface ControlOperationDescriptor {
  readonly id: string;
  readonly method: 'get' | 'post' | 'patch';
  /** OpenAPI path template, e.g. `/_mock/rooms/{room_id}`. */
  readonly path: string;
  readonly summary: string;
  readonly description: string;
  readonly request: {
    readonly params?: z.ZodObject;
    readonly query?: z.ZodObject;
    readonly body?: {
      readonly required: boolean;
      readonly schema: z.ZodType;
      readonly examples: Readonly<Record<string, Example>>;
    };
  };
  readonly response: {
    readonly status: 200 | 201;
    readonly description: string;
    readonly schema: z.ZodType;
  };
}

/** Types a control operation descriptor and keeps its literal id, method and path. */
export function defineControlOperation<const T extends ControlOperationDescriptor>(
  operation: T,
): T {
  return operation;
}
