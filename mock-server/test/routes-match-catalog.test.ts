import { readdir } from 'node:fs/promises';
import { expect, it } from 'vitest';
import { controlOperations, operations } from '#contracts';
import { startMock } from './support/start-mock.js';

const toRoute = (path: string) => path.replace(/\{([^}]+)\}/g, ':$1');

it('serves exactly the operations of the catalogue, each at its method and path', async () => {
  const server = await startMock();
  const served = server
    .routes()
    .filter((route) => route.operationId !== null)
    .map((route) => `${route.operationId} ${route.method} ${route.path}`)
    .sort();
  const catalogue = [...operations, ...controlOperations]
    .map(
      (operation) => `${operation.id} ${operation.method.toUpperCase()} ${toRoute(operation.path)}`,
    )
    .sort();
  expect(served).toEqual(catalogue);
});

it('serves nothing else besides the OpenAPI document, its viewer and the dashboard’s files', async () => {
  const server = await startMock();
  const uiFiles = await readdir(new URL('../src/dashboard/ui/', import.meta.url));
  const dashboard = [
    '/',
    ...uiFiles.filter((name) => name !== 'index.html').map((name) => `/dashboard/${name}`),
  ];
  const others = server
    .routes()
    .filter((route) => route.operationId === null)
    .map((route) => route.path);
  expect(
    others.filter(
      (path) => path !== '/openapi.json' && !path.startsWith('/docs') && !dashboard.includes(path),
    ),
  ).toEqual([]);
  expect(others).toContain('/openapi.json');
  expect(others).toContain('/docs');
  expect(others.filter((path) => dashboard.includes(path)).sort()).toEqual(dashboard.sort());
});

it('answers a path with a trailing slash as the path without it', async () => {
  const server = await startMock();

  const plain = await fetch(`${server.url}/_mock/config`);
  const slashed = await fetch(`${server.url}/_mock/config/`);

  expect(slashed.status).toBe(200);
  expect(await slashed.json()).toEqual(await plain.json());
});
