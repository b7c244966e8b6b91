import { extname } from 'node:path';
import { buildOpenApiDocument, operations, serializeOpenApiDocument, webhooks } from '#contracts';
import type { OpenApiFormat } from '#contracts';
import { usageError } from '../errors.js';
import type { Command } from './command.js';
import { parseCommandArgs } from './parse-command-args.js';
import { writeOutputFile } from './write-output-file.js';

const help = `Usage: qiscus-mock openapi [--out FILE] [--format json|yaml]

Writes the OpenAPI 3.1 document of the Qiscus bot API, generated from the same zod schemas the
mock validates traffic with: ${operations.length} operations, ${webhooks.length} webhooks, the three auth styles, every error code.

Options:
  -o, --out FILE       write to FILE (folders are created); without it, print to stdout
  -f, --format FORMAT  json or yaml; default: from FILE's extension (.yaml/.yml), else json
  -h, --help           show this help

Examples:
  qiscus-mock openapi --out docs/qiscus.openapi.json
  qiscus-mock openapi --format yaml > qiscus.openapi.yaml

Docs: docs/contracts.md.`;

function chooseFormat(format: string | undefined, out: string | undefined): OpenApiFormat {
  if (format === undefined) {
    const extension = out === undefined ? '' : extname(out).toLowerCase();
    return extension === '.yaml' || extension === '.yml' ? 'yaml' : 'json';
  }
  if (format === 'json' || format === 'yaml') return format;
  throw usageError(`--format must be json or yaml, not "${format}".`);
}

/** `qiscus-mock openapi`: write the OpenAPI document. */
export const openapiCommand: Command = {
  name: 'openapi',
  help,
  async run(args, output) {
    const { values } = parseCommandArgs('openapi', args, {
      out: { type: 'string', short: 'o' },
      format: { type: 'string', short: 'f' },
      help: { type: 'boolean', short: 'h' },
    });
    if (values.help) {
      output.stdout(`${help}\n`);
      return 0;
    }
    const format = chooseFormat(values.format, values.out);
    const text = serializeOpenApiDocument(buildOpenApiDocument(), format);
    if (values.out === undefined) {
      output.stdout(text);
      return 0;
    }
    await writeOutputFile(values.out, text, 'the OpenAPI document', `qiscus.openapi.${format}`);
    output.stderr(`Wrote the OpenAPI 3.1 document (${format}) to ${values.out}\n`);
    return 0;
  },
};
