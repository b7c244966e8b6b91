import { expect, it } from 'vitest';
import type { OpenApiDocument } from './openapi-document.js';
import { serializeOpenApiDocument } from './serialize-openapi-document.js';

const shared = { summary: 'the same example', value: { text: 'Hi' } };
const long = `A description longer than any line width a YAML writer folds at, ${'word '.repeat(30).trim()}.`;
const document = {
  openapi: '3.1.0',
  info: { title: 'A document', version: '1.0.0', description: long },
  'x-first': shared,
  'x-second': shared,
} as unknown as OpenApiDocument;

it('writes JSON with a two-space indent and a final newline', () => {
  expect(serializeOpenApiDocument(document, 'json')).toBe(`${JSON.stringify(document, null, 2)}\n`);
  expect(serializeOpenApiDocument(document, 'json')).toMatch(/^\{\n {2}"openapi": "3\.1\.0",\n/);
});

it('writes YAML with an object used twice written out twice and no line folded', () => {
  expect(serializeOpenApiDocument(document, 'yaml')).toBe(
    [
      'openapi: 3.1.0',
      'info:',
      '  title: A document',
      '  version: 1.0.0',
      `  description: ${long}`,
      'x-first:',
      '  summary: the same example',
      '  value:',
      '    text: Hi',
      'x-second:',
      '  summary: the same example',
      '  value:',
      '    text: Hi',
      '',
    ].join('\n'),
  );
});
