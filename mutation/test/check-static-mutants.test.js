// `npm run mutation:static` on a made-up project: a module with four static mutants and one that
// is not, a "test" that is a Node script, and a report as Stryker writes it. The tool runs as a
// real process, writes each mutant into the file, runs the script, and puts the file back.
import { execFile, spawn } from 'node:child_process';
import { watch } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { applyMutant } from '../check-static-mutants.js';

const tool = fileURLToPath(new URL('../check-static-mutants.js', import.meta.url));

const source = [
  'export const limit = 64 * 1024;',
  "export const label = 'Limit';",
  'export const hang = false;',
  'export function double(value) {',
  '  return value * 2;',
  '}',
  '',
].join('\n');

// The "test": passes while the values are right; hangs when `hang` is true, after saying so.
const check = [
  "import { writeFileSync } from 'node:fs';",
  "import { double, hang, limit } from './lib.js';",
  "if (hang) { writeFileSync('hanging', ''); setInterval(() => {}, 1000); }",
  'else process.exit(limit === 65536 && double(2) === 4 ? 0 : 1);',
  '',
].join('\n');

const at = (line, column, endColumn) => ({
  start: { line, column },
  end: { line, column: endColumn },
});
const mutants = () =>
  [
    // Killed by the check, once it is written into the source.
    {
      id: '1',
      mutatorName: 'ArithmeticOperator',
      replacement: '64 / 1024',
      location: at(1, 22, 31),
    },
    // Survives: the check does not read the label.
    { id: '2', mutatorName: 'StringLiteral', replacement: '""', location: at(2, 22, 29) },
    // Times out: the check hangs.
    { id: '3', mutatorName: 'BooleanLiteral', replacement: 'true', location: at(3, 21, 26) },
  ].map((mutant) => ({ ...mutant, static: true, status: 'Survived', coveredBy: [] }));
const dynamic = [
  {
    id: '4',
    mutatorName: 'ArithmeticOperator',
    replacement: 'value / 2',
    location: at(5, 10, 19),
    static: false,
    status: 'Killed',
  },
  {
    id: '5',
    mutatorName: 'BlockStatement',
    replacement: '{}',
    location: { start: { line: 4, column: 31 }, end: { line: 6, column: 2 } },
    static: false,
    status: 'Survived',
  },
];

let folder;

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'static-mutants-'));
  await writeFile(join(folder, 'lib.js'), source);
  await writeFile(join(folder, 'check.mjs'), check);
});
afterEach(() => rm(folder, { recursive: true, force: true }));

async function writeReport(report) {
  await mkdir(join(folder, 'reports'), { recursive: true });
  await writeFile(join(folder, 'reports', 'mutation.json'), JSON.stringify(report));
}

const report = (config = { testFiles: ['check.mjs'] }) => ({
  schemaVersion: '2',
  config,
  files: { 'lib.js': { language: 'javascript', source, mutants: [...mutants(), ...dynamic] } },
});

// The tool on the made-up project, its tests run with plain `node`.
const toolArgs = (args = []) => [
  tool,
  '--cwd',
  folder,
  '--report',
  'reports/mutation.json',
  '--test-command',
  'node',
  ...args,
];

function runTool(args) {
  return new Promise((done) => {
    execFile(process.execPath, toolArgs(args), (error, stdout, stderr) =>
      done({ code: error ? error.code : 0, stdout, stderr }),
    );
  });
}

it('writes a mutant at the 1-based line and column the report gives', () => {
  expect(applyMutant(source, mutants()[0]).split('\n')[0]).toBe('export const limit = 64 / 1024;');
  expect(applyMutant(source, mutants()[1]).split('\n')[1]).toBe('export const label = "";');
  expect(applyMutant(source, dynamic[1]).split('\n').slice(3, 5)).toEqual([
    'export function double(value) {}',
    '',
  ]);
});

it('scores the report again with the static survivors tested, leaving the file as it was', async () => {
  await writeReport(report());
  const result = await runTool(['--timeout', '3s']);

  expect(result.stderr).toContain('3 static survivor(s) in 1 file(s); each runs check.mjs.');
  expect(result.stderr).toMatch(/\[1\/3\] lib\.js:1:22 ArithmeticOperator → "64 \/ 1024" …/);
  expect(result.stderr).toMatch(/\[1\/3\] lib\.js:1:22: Killed/);
  expect(result.stderr).toMatch(/\[2\/3\] lib\.js:2:22: Survived/);
  expect(result.stderr).toMatch(/\[3\/3\] lib\.js:3:21: Timeout/);
  expect(result.code).toBe(0);
  // Before: 1 of 5 detected; after: the killed and the timed-out one too.
  expect(result.stdout).toContain(
    'lib.js: 20.00 % → 60.00 % (5 mutants: 2 killed, 1 timed out, 2 survived, 0 no coverage)',
  );
  expect(await readFile(join(folder, 'lib.js'), 'utf8')).toBe(source);

  const written = JSON.parse(
    await readFile(join(folder, 'reports', 'mutation-static.json'), 'utf8'),
  );
  expect(written.files['lib.js'].mutants.map((mutant) => [mutant.id, mutant.status])).toEqual([
    ['1', 'Killed'],
    ['2', 'Survived'],
    ['3', 'Timeout'],
    ['4', 'Killed'],
    ['5', 'Survived'],
  ]);
  expect(written.files['lib.js'].mutants[1].statusReason).toBe(
    'static, written into the source: the tests passed',
  );
});

it('refuses a source changed since the run, and one without its test files, writing nothing', async () => {
  await writeReport(report());
  await writeFile(join(folder, 'lib.js'), `${source}// edited\n`);
  const changed = await runTool([]);
  expect(changed.code).toBe(2);
  expect(changed.stderr).toContain(
    'Changed since the run: lib.js. Run `npm run mutation` on it again first; nothing was written.',
  );
  expect(await readFile(join(folder, 'lib.js'), 'utf8')).toBe(`${source}// edited\n`);

  await writeFile(join(folder, 'lib.js'), source);
  await writeReport(report({}));
  const noTests = await runTool([]);
  expect(noTests.code).toBe(2);
  expect(noTests.stderr).toContain('The run was made without --testFiles');

  const badTimeout = await runTool(['--timeout', '300']);
  expect(badTimeout.code).toBe(2);
  expect(badTimeout.stderr).toContain('--timeout 300: write a number and a unit, e.g. 300s or 5m');
  await expect(readFile(join(folder, 'reports', 'mutation-static.json'))).rejects.toThrow();
});

it('puts the source back when stopped while a mutant is in it, and after a run killed outright', async () => {
  const hanging = { ...report(), files: { 'lib.js': { source, mutants: [mutants()[2]] } } };
  await writeReport(hanging);
  const hung = new Promise((done) => {
    const watcher = watch(folder, (_event, name) => {
      if (name === 'hanging') {
        watcher.close();
        done();
      }
    });
  });
  const child = spawn(process.execPath, toolArgs());
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const exited = new Promise((done) => child.on('exit', done));
  await hung;
  expect(await readFile(join(folder, 'lib.js'), 'utf8')).toContain('export const hang = true;');
  child.kill('SIGTERM');
  expect(await exited).toBe(130);
  expect(stderr).toContain('Stopped by SIGTERM; the source is as it was.');
  expect(await readFile(join(folder, 'lib.js'), 'utf8')).toBe(source);

  // A run killed outright leaves the mutant in and the original in .stryker-tmp/static.
  const backup = join(folder, '.stryker-tmp', 'static');
  await mkdir(backup, { recursive: true });
  await writeFile(join(backup, 'source'), source);
  await writeFile(join(backup, 'index.json'), JSON.stringify({ 'lib.js': 'source' }));
  await writeFile(join(folder, 'lib.js'), source.replace('false', 'true'));
  await writeReport(report());
  const next = await runTool(['--timeout', '3s']);
  expect(next.stderr).toContain('Put back lib.js, left mutated by a run that was stopped.');
  expect(next.code).toBe(0);
  expect(await readFile(join(folder, 'lib.js'), 'utf8')).toBe(source);
});
