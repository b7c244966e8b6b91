import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import type { OpenApiDocument } from '#contracts';

/**
 * The Swagger UI viewer of the OpenAPI document, as an app of its own that never listens: the
 * mock hands it the requests under `/docs` (see serve-docs.ts). It lives apart, and is imported
 * only on the first such request, because the viewer's plugins, its static-file server and the
 * YAML library they bring take longer to load than the rest of a start.
 */
export async function buildDocsViewer(document: () => OpenApiDocument): Promise<FastifyInstance> {
  const viewer = Fastify({ logger: false });
  // The UI serves the document only through transformSpecification, so the plugin's own copy
  // is a stand-in that is never sent.
  await viewer.register(swagger, {
    mode: 'static',
    specification: {
      document: { openapi: '3.1.0', info: { title: '', version: '' }, paths: {} },
    },
  });
  await viewer.register(swaggerUi, {
    routePrefix: '/docs',
    transformSpecificationClone: false,
    uiConfig: { docExpansion: 'list', deepLinking: true, tryItOutEnabled: true },
    transformSpecification: () => document(),
  });
  await viewer.ready();
  return viewer;
}
