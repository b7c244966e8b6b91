import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { parse } from 'yaml';
import { buildOpenApiDocument, serializeOpenApiDocument } from '#contracts';
import { runCliCaptured } from './support/run-cli-captured.js';

let folder = '';
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'qiscus-mock-openapi-'));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

it('writes the JSON document to --out, creating folders, and says where', async () => {
  const out = join(folder, 'docs', 'qiscus.json');
  const run = await runCliCaptured(['openapi', '--out', out]);
  expect(run).toMatchObject({ code: 0, stdout: '' });
  expect(run.stderr).toBe(`Wrote the OpenAPI 3.1 document (json) to ${out}\n`);
  expect(await readFile(out, 'utf8')).toBe(
    serializeOpenApiDocument(buildOpenApiDocument(), 'json'),
  );
});

it('writes YAML when --out ends in .yaml, or when --format yaml is given', async () => {
  const out = join(folder, 'qiscus.yaml');
  expect((await runCliCaptured(['openapi', '--out', out])).code).toBe(0);
  expect(parse(await readFile(out, 'utf8'))).toEqual(buildOpenApiDocument());
  const printed = await runCliCaptured(['openapi', '--format', 'yaml']);
  expect(parse(printed.stdout)).toEqual(buildOpenApiDocument());
});

it('prints JSON on stdout without --out', async () => {
  const run = await runCliCaptured(['openapi']);
  expect(run.code).toBe(0);
  expect(JSON.parse(run.stdout)).toEqual(buildOpenApiDocument());
});

it('refuses an unknown format with exit code 2 and says which are known', async () => {
  expect(await runCliCaptured(['openapi', '--format', 'xml'])).toEqual({
    code: 2,
    stdout: '',
    stderr: 'qiscus-mock openapi: --format must be json or yaml, not "xml".\n',
  });
});

it('refuses an unknown flag with exit code 2 and points at --help', async () => {
  const run = await runCliCaptured(['openapi', '--outt', 'x.json']);
  expect(run.code).toBe(2);
  expect(run.stderr).toContain('unknown flag --outt; did you mean --out?');
  expect(run.stderr).toContain('Run `qiscus-mock openapi --help` for its flags.');
});

it('says why when the file cannot be written', async () => {
  const file = join(folder, 'a-file');
  await writeFile(file, '');
  const out = join(file, 'doc.json');
  expect(await runCliCaptured(['openapi', '--out', out])).toEqual({
    code: 2,
    stdout: '',
    stderr: `qiscus-mock openapi: Cannot write the OpenAPI document to ${out}: a part of its path is a file, not a folder. Choose another --out.\n`,
  });
});

it('shows its help with --help', async () => {
  const run = await runCliCaptured(['openapi', '--help']);
  expect(run.code).toBe(0);
  expect(run.stdout).toContain('Usage: qiscus-mock openapi [--out FILE] [--format json|yaml]');
});

// Node's recursive mkdir never returns where the file system refuses new folders (/proc).
it.skipIf(process.platform !== 'linux')(
  'refuses a folder the file system cannot create, at once, instead of trying for ever',
  async () => {
    const out = '/proc/qiscus-mock-missing/docs/doc.json';
    expect(await runCliCaptured(['openapi', '--out', out])).toEqual({
      code: 2,
      stdout: '',
      stderr: `qiscus-mock openapi: Cannot write the OpenAPI document to ${out}: the folder /proc/qiscus-mock-missing cannot be created there: this file system takes no new folders. Choose another --out.\n`,
    });
  },
);

it('creates every missing folder of --out', async () => {
  const out = join(folder, 'new', 'deeper', 'doc.yaml');
  expect((await runCliCaptured(['openapi', '--out', out])).code).toBe(0);
  expect((await readFile(out, 'utf8')).startsWith('openapi: 3.1')).toBe(true);
});
