import { readdir, readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { hostGuardHook } from '../http/host-guard.js';

/** Where the dashboard's scripts and style sheet are served; the page itself is at `/`. */
export const dashboardAssetPrefix = '/dashboard/';

const uiFolder = new URL('./ui/', import.meta.url);

const contentTypes: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

// The page runs only its own files; pictures a bot sends may come from anywhere on the web.
const pagePolicy = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' http: https: data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const commonHeaders = {
  'cache-control': 'no-cache',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

interface DashboardFile {
  readonly body: Buffer;
  readonly type: string;
}

/** The dashboard's files by name (`index.html`, `main.js` …), read once when the app is built. */
async function readDashboardFiles(): Promise<Map<string, DashboardFile>> {
  const names = (await readdir(uiFolder)).filter((name) => extname(name) in contentTypes).sort();
  const files = await Promise.all(
    names.map(async (name) => {
      const type = contentTypes[extname(name)] ?? 'application/octet-stream';
      return [name, { body: await readFile(new URL(name, uiFolder)), type }] as const;
    }),
  );
  return new Map(files);
}

/**
 * Serves the dashboard, a live inbox in the browser: the page at `/`, its scripts and style sheet
 * under `/dashboard/`. Plain files with no build step; each route is one file, so nothing outside
 * the folder can be asked for. The Host check of the other routes applies.
 */
export async function serveDashboard(
  app: FastifyInstance,
  deps: { readonly guardHost: (request: FastifyRequest) => void },
): Promise<void> {
  const files = await readDashboardFiles();
  const page = files.get('index.html');
  if (!page) throw new Error('the dashboard has no index.html');
  await app.register((scope, _options, done) => {
    scope.addHook('onRequest', hostGuardHook(deps.guardHost));
    scope.get('/', (_request, reply) =>
      reply
        .headers({ ...commonHeaders, 'content-type': page.type })
        .header('content-security-policy', pagePolicy)
        .send(page.body),
    );
    for (const [name, file] of files) {
      if (name === 'index.html') continue;
      scope.get(`${dashboardAssetPrefix}${name}`, (_request, reply) =>
        reply.headers({ ...commonHeaders, 'content-type': file.type }).send(file.body),
      );
    }
    done();
  });
}
