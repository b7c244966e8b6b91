import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { buildOpenApiDocument } from './openapi-document.js';
import { serializeOpenApiDocument } from './serialize-openapi-document.js';

/** Where the generated document is committed. */
const target = fileURLToPath(
  new URL('../openapi/qiscus-omnichannel.openapi.json', import.meta.url),
);

await writeFile(target, serializeOpenApiDocument(buildOpenApiDocument(), 'json'));
console.log('wrote contracts/openapi/qiscus-omnichannel.openapi.json');
