import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, expect, it } from 'vitest';
import { lazySchemaCompilers } from './lazy-schema-compilers.js';

const apps: FastifyInstance[] = [];

afterEach(async () => {
  await Promise.all(apps.splice(0).map((app) => app.close()));
});

// None of the mock's routes has a fastify schema yet; these compilers are what one would get.
it('validates a route’s body with its schema and writes its answer with its response schema', async () => {
  const app = Fastify({ schemaController: { compilersFactory: lazySchemaCompilers() } });
  apps.push(app);
  app.post(
    '/echo',
    {
      schema: {
        body: {
          type: 'object',
          properties: { name: { type: 'string' } },
          required: ['name'],
        },
        response: {
          200: { type: 'object', properties: { name: { type: 'string' } } },
        },
      },
    },
    (request) => ({ ...(request.body as object), secret: 'not in the response schema' }),
  );
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  const post = (body: unknown) =>
    fetch(`${url}/echo`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  const taken = await post({ name: 'Budi' });
  expect([taken.status, await taken.text()]).toEqual([200, '{"name":"Budi"}']);
  const refused = await post({ other: 1 });
  expect(refused.status).toBe(400);
  expect(((await refused.json()) as { message: string }).message).toBe(
    "body must have required property 'name'",
  );
});
