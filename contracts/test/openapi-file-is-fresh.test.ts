import { readFile } from 'node:fs/promises';
import { expect, it } from 'vitest';
import { buildOpenApiDocument, serializeOpenApiDocument } from '#contracts';

it('has the committed OpenAPI file equal to a fresh build (run `npm run openapi` when not)', async () => {
  const committed = await readFile(
    new URL('../openapi/qiscus-omnichannel.openapi.json', import.meta.url),
    'utf8',
  );
  expect(committed).toBe(serializeOpenApiDocument(buildOpenApiDocument(), 'json'));
});
