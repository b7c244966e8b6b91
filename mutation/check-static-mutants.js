// `npm run mutation:static`: the static mutants a `npm run mutation -- --testFiles …` run left as
// survivors, tested again by writing each into the source and running those test files.
//
// A static mutant is code that runs while its module loads (a schema, a table, a constant).
// Stryker 9 with --testFiles switches such a mutant on only after the module has loaded, so it
// never takes effect and is reported as surviving (stryker-js#6144); without --testFiles it runs
// every related test for each of them, which is hours. Here each one is written into the file,
// the run's test files run once in a fresh process, and the file is put back.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs, stripVTControlCharacters } from 'node:util';

const usage = `Usage: npm run mutation:static -- [options]

Tests again each static mutant that a \`npm run mutation -- --testFiles …\` run reported as
surviving: writes it into the source, runs the run's test files, puts the source back. Prints
each file's score before and after, and writes the report with the new statuses.

Options:
  --report FILE        the run's JSON report (default reports/mutation/mutation.json)
  --out FILE           where to write the updated report (default: beside it, mutation-static.json)
  --testFiles A,B      the test files to run (default: the ones the run was given)
  --test-command CMD   how to run them; the files are appended (default:
                       "node node_modules/vitest/vitest.mjs run --config vitest.stryker.config.ts --bail 1")
  --timeout DURATION   a mutant whose tests take longer counts as killed (timed out), as in
                       Stryker (default 300s)
  --cwd DIR            the project root (default: the current folder)
  -h, --help           this text

The source must be as the run saw it: a file changed since is refused, and nothing is written.
Interrupted, it puts the file back; a run killed outright leaves a copy in .stryker-tmp/static,
which the next run restores first.
`;

class UsageError extends Error {}

const defaultCommand =
  'node node_modules/vitest/vitest.mjs run --config vitest.stryker.config.ts --bail 1';

function parseDuration(text) {
  const match = /^(\d+(?:\.\d+)?)(ms|s|m)$/.exec(text);
  if (!match) {
    throw new UsageError(`--timeout ${text}: write a number and a unit, e.g. 300s or 5m`);
  }
  return Number(match[1]) * { ms: 1, s: 1000, m: 60_000 }[match[2]];
}

export function parseOptions(argv) {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        report: { type: 'string', default: 'reports/mutation/mutation.json' },
        out: { type: 'string' },
        testFiles: { type: 'string' },
        'test-command': { type: 'string', default: defaultCommand },
        timeout: { type: 'string', default: '300s' },
        cwd: { type: 'string', default: '.' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (error) {
    throw new UsageError(`${error.message}: npm run mutation:static -- --help lists the options.`);
  }
  const cwd = resolve(values.cwd);
  const report = resolve(cwd, values.report);
  return {
    help: values.help,
    cwd,
    report,
    out: resolve(cwd, values.out ?? join(dirname(report), 'mutation-static.json')),
    testFiles: values.testFiles?.split(',').filter(Boolean),
    command: values['test-command'],
    timeoutMs: parseDuration(values.timeout),
  };
}

/** The offset in `source` of a 1-based line and column, as the report gives them. */
function offsetOf(source, { line, column }) {
  let offset = 0;
  for (let current = 1; current < line; current += 1) {
    offset = source.indexOf('\n', offset) + 1;
  }
  return offset + column - 1;
}

export function applyMutant(source, mutant) {
  const start = offsetOf(source, mutant.location.start);
  const end = offsetOf(source, mutant.location.end);
  return source.slice(0, start) + mutant.replacement + source.slice(end);
}

/** The test run under way, so that a signal can stop it with the tool. */
let running = null;

function stopGroup(child) {
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    // Gone already.
  }
}

function runTests(command, files, cwd, timeoutMs) {
  return new Promise((done) => {
    const child = spawn(`${command} ${files.map((file) => `'${file}'`).join(' ')}`, {
      cwd,
      shell: true,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const keep = (chunk) => {
      output = (output + chunk).slice(-4000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    running = child;
    const timer = setTimeout(() => {
      stopGroup(child);
      done({ status: 'Timeout', output });
    }, timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      running = null;
      done({ status: code === 0 ? 'Survived' : 'Killed', output });
    });
  });
}

/** The first failing test's name from vitest's output, to say what killed a mutant. */
function killer(output) {
  const failed = /FAIL\s+(?:\S+\s+)?(\S+\.test\.[jt]s)(?: > (.*))?/.exec(
    stripVTControlCharacters(output),
  );
  return failed ? [failed[1], failed[2]].filter(Boolean).join(' > ') : 'the test run failed';
}

function score(mutants) {
  const count = (status) => mutants.filter((mutant) => mutant.status === status).length;
  const detected = count('Killed') + count('Timeout');
  const undetected = count('Survived') + count('NoCoverage');
  return {
    mutants: mutants.length,
    killed: count('Killed'),
    timeout: count('Timeout'),
    survived: count('Survived'),
    noCoverage: count('NoCoverage'),
    score: detected + undetected === 0 ? null : (100 * detected) / (detected + undetected),
  };
}

const percent = (value) => (value === null ? 'n/a' : `${value.toFixed(2)} %`);

function backupFolder(cwd) {
  return join(cwd, '.stryker-tmp', 'static');
}

/** Puts back any source a run killed outright left mutated. */
function restoreLeftovers(cwd, log) {
  const folder = backupFolder(cwd);
  const index = join(folder, 'index.json');
  if (!existsSync(index)) return;
  for (const [file, copy] of Object.entries(JSON.parse(readFileSync(index, 'utf8')))) {
    writeFileSync(join(cwd, file), readFileSync(join(folder, copy)));
    log(`Put back ${file}, left mutated by a run that was stopped.`);
  }
  rmSync(folder, { recursive: true, force: true });
}

function readReport(file) {
  let text;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new UsageError(
      `No report at ${file}: run \`npm run mutation -- --mutate FILE --testFiles A,B\` first, or give --report.`,
    );
  }
  let report;
  try {
    report = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${file} is not JSON (${error.message}): give the report Stryker wrote.`);
  }
  if (typeof report.files !== 'object' || report.files === null) {
    throw new UsageError(`${file} is not a Stryker JSON report (it has no "files").`);
  }
  return report;
}

export async function checkStaticMutants(options, log) {
  restoreLeftovers(options.cwd, log);
  const report = readReport(options.report);
  const testFiles = options.testFiles ?? report.config?.testFiles;
  if (!testFiles || testFiles.length === 0) {
    throw new UsageError(
      'The run was made without --testFiles, so the report does not say which tests to run: give them with --testFiles A,B (after a run narrowed with MUTATION_TESTS, the same files).',
    );
  }
  const changed = Object.entries(report.files)
    .filter(([file, entry]) => {
      const path = join(options.cwd, file);
      return !existsSync(path) || readFileSync(path, 'utf8') !== entry.source;
    })
    .map(([file]) => file);
  if (changed.length > 0) {
    throw new UsageError(
      `Changed since the run: ${changed.join(', ')}. Run \`npm run mutation\` on it again first; nothing was written.`,
    );
  }

  const pending = Object.entries(report.files).flatMap(([file, entry]) =>
    entry.mutants
      .filter((mutant) => mutant.static === true && mutant.status === 'Survived')
      .map((mutant) => ({ file, entry, mutant })),
  );
  const before = Object.fromEntries(
    Object.entries(report.files).map(([file, entry]) => [file, score(entry.mutants)]),
  );
  log(
    `${pending.length} static survivor(s) in ${Object.keys(report.files).length} file(s); each runs ${testFiles.join(', ')}.`,
  );

  const folder = backupFolder(options.cwd);
  let current = null;
  const putBack = () => {
    if (current === null) return;
    writeFileSync(join(options.cwd, current.file), current.entry.source);
    rmSync(folder, { recursive: true, force: true });
    current = null;
  };
  const onSignal = (signal) => {
    if (running !== null) stopGroup(running);
    putBack();
    log(`Stopped by ${signal}; the source is as it was.`);
    process.exit(130);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    for (const [index, { file, entry, mutant }] of pending.entries()) {
      mkdirSync(folder, { recursive: true });
      writeFileSync(join(folder, 'source'), entry.source);
      writeFileSync(join(folder, 'index.json'), JSON.stringify({ [file]: 'source' }));
      current = { file, entry };
      writeFileSync(join(options.cwd, file), applyMutant(entry.source, mutant));
      const where = `${file}:${mutant.location.start.line}:${mutant.location.start.column}`;
      const what = `${mutant.mutatorName} → ${JSON.stringify(mutant.replacement).slice(0, 60)}`;
      log(`[${index + 1}/${pending.length}] ${where} ${what} …`);
      const started = performance.now();
      const result = await runTests(options.command, testFiles, options.cwd, options.timeoutMs);
      putBack();
      mutant.status = result.status;
      mutant.statusReason =
        result.status === 'Killed'
          ? `static, written into the source: ${killer(result.output)}`
          : result.status === 'Timeout'
            ? `static, written into the source: the tests took over ${options.timeoutMs} ms`
            : 'static, written into the source: the tests passed';
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      log(`[${index + 1}/${pending.length}] ${where}: ${result.status} (${seconds} s)`);
    }
  } finally {
    putBack();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }

  mkdirSync(dirname(options.out), { recursive: true });
  writeFileSync(options.out, JSON.stringify(report));
  const rows = Object.entries(report.files).map(([file, entry]) => ({
    file,
    before: before[file],
    after: score(entry.mutants),
  }));
  const all = Object.values(report.files).flatMap((entry) => entry.mutants);
  return { rows, total: score(all), out: options.out };
}

export function renderResult({ rows, total, out }) {
  const lines = rows.map(
    ({ file, before, after }) =>
      `${file}: ${percent(before.score)} → ${percent(after.score)} (${after.mutants} mutants: ${after.killed} killed, ${after.timeout} timed out, ${after.survived} survived, ${after.noCoverage} no coverage)`,
  );
  lines.push(
    `All: ${percent(total.score)} (${total.mutants} mutants: ${total.killed} killed, ${total.timeout} timed out, ${total.survived} survived, ${total.noCoverage} no coverage)`,
    `Report with the new statuses: ${out}`,
  );
  return `${lines.join('\n')}\n`;
}

async function main(argv) {
  const log = (text) => process.stderr.write(`${text}\n`);
  try {
    const options = parseOptions(argv);
    if (options.help) {
      process.stdout.write(usage);
      return 0;
    }
    process.stdout.write(renderResult(await checkStaticMutants(options, log)));
    return 0;
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    log(error.message);
    return 2;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.exitCode = await main(process.argv.slice(2));
}
