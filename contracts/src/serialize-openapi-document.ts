import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';
import type { OpenApiDocument } from './openapi-document.js';

// The YAML writer loads when YAML is asked for, not with everything that imports the contracts.
const loadYaml = () => createRequire(import.meta.url)('yaml') as typeof Yaml;

/** The formats the OpenAPI document is written in. */
export type OpenApiFormat = 'json' | 'yaml';

/** Serialises the document as JSON (two-space indent) or YAML, with a final newline. */
export function serializeOpenApiDocument(document: OpenApiDocument, format: OpenApiFormat): string {
  if (format === 'yaml')
    return loadYaml().stringify(document, { aliasDuplicateObjects: false, lineWidth: 0 });
  return `${JSON.stringify(document, null, 2)}\n`;
}
