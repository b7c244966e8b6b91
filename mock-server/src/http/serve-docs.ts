import type {
  FastifyInstance,
  FastifyReply,
  FastifyRequest,
  HookHandlerDoneFunction,
} from 'fastify';
import type { OutgoingHttpHeaders } from 'node:http';
import { buildOpenApiDocument, type OpenApiDocument } from '#contracts';
import { QiscusApiError } from '../errors.js';
import { hostGuardHook } from './host-guard.js';

/**
 * A path that climbs out of its folder (`..`, raw or as `%2e%2e`, with `/` or `\\`) names no
 * file the docs serve: answered 404 before the static files see it (it was a 500, issue 15).
 */
function refuseDotSegments(
  request: FastifyRequest,
  _reply: FastifyReply,
  done: HookHandlerDoneFunction,
): void {
  const path = request.url.split('?')[0] ?? '';
  let decoded = path;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    // Left as it is: the raw text is checked below all the same.
  }
  if (/(^|[/\\])\.\.([/\\]|$)/.test(decoded) || /(^|[/\\])\.\.([/\\]|$)/.test(path)) {
    done(
      new QiscusApiError(
        'ROUTE_NOT_FOUND',
        `No file is ${path}: paths with ".." segments are not served.`,
      ),
    );
    return;
  }
  done();
}

// Hop-by-hop and framing headers of the viewer's answer: the mock's own server sets its own.
const notForwarded = new Set([
  'connection',
  'keep-alive',
  'transfer-encoding',
  'content-length',
  'date',
]);

/**
 * Serves the OpenAPI document at `/openapi.json` and its Swagger UI viewer under `/docs`, in a
 * scope of their own so only they pay for the Host check hook. The document is built on the
 * first request for it, and the viewer (docs-viewer.ts) is loaded on the first request under
 * `/docs`: neither is on the path of a start, which then stays short.
 */
export async function serveDocs(
  app: FastifyInstance,
  options: {
    readonly guardHost: (request: FastifyRequest) => void;
    /** The server's own URL, once it listens, named in the document's `servers`. */
    readonly serverUrl: () => string | undefined;
  },
): Promise<void> {
  let document: OpenApiDocument | undefined;
  const servedDocument = () => {
    document ??= buildOpenApiDocument({ control: true });
    const url = options.serverUrl();
    return url ? { ...document, servers: [{ url, description: 'This mock' }] } : document;
  };
  let viewer: Promise<FastifyInstance> | undefined;
  const loadViewer = () => {
    viewer ??= import('./docs-viewer.js').then((module) => module.buildDocsViewer(servedDocument));
    // A failed load is tried again on the next request rather than remembered.
    viewer.catch(() => {
      viewer = undefined;
    });
    return viewer;
  };
  const handOver = async (request: FastifyRequest, reply: FastifyReply) => {
    const answer = await (
      await loadViewer()
    ).inject({
      method: request.method === 'HEAD' ? 'HEAD' : 'GET',
      url: request.url,
      headers: request.headers,
    });
    const headers: OutgoingHttpHeaders = {};
    for (const [name, value] of Object.entries(answer.headers)) {
      if (value !== undefined && !notForwarded.has(name)) headers[name] = value;
    }
    return reply.code(answer.statusCode).headers(headers).send(answer.rawPayload);
  };

  app.addHook('onClose', async () => {
    if (viewer) await (await viewer).close();
  });
  await app.register((docs, _options, done) => {
    docs.addHook('onRequest', hostGuardHook(options.guardHost));
    docs.addHook('onRequest', refuseDotSegments);
    docs.get('/openapi.json', () => servedDocument());
    docs.get('/docs', handOver);
    docs.get('/docs/*', handOver);
    done();
  });
}
