import type { FastifyServerOptions } from 'fastify';
import { createRequire } from 'node:module';

type CompilersFactory = NonNullable<
  NonNullable<FastifyServerOptions['schemaController']>['compilersFactory']
>;
type Factory = (...args: unknown[]) => unknown;

/**
 * fastify's default schema compilers (ajv for validation, fast-json-stringify for answers),
 * required from fastify's own dependencies only when a route with a schema is first compiled.
 * fastify requires both, and ajv with them, whenever an app is created; that was a fifth of the
 * time `qiscus-mock serve` took to start, for routes that have no fastify schema.
 */
export function lazySchemaCompilers(): CompilersFactory {
  const fromFastify = createRequire(createRequire(import.meta.url).resolve('fastify'));
  let validator: Factory | undefined;
  let serializer: Factory | undefined;
  const buildValidator: Factory = (...args) => {
    validator ??= (fromFastify('@fastify/ajv-compiler') as () => Factory)();
    return validator(...args);
  };
  const buildSerializer: Factory = (...args) => {
    serializer ??= (fromFastify('@fastify/fast-json-stringify-compiler') as () => Factory)();
    return serializer(...args);
  };
  return { buildValidator, buildSerializer } as CompilersFactory;
}
