// Command-line options of run-bench.js; anything malformed is a UsageError (exit code 2).
import { parseArgs } from 'node:util';
import { baselineTarget, defaultTargets, targets } from './targets.js';

export class UsageError extends Error {}

export const sectionNames = ['http', 'webhooks', 'memory'];

export const usage = `Usage: node bench/run-bench.js [options]

Three sections, each server pinned to one core and its load to another, every result a ratio to
a bare server measured in the same run:
  http      POST /qiscus-mock-app/bot with autocannon, each target against bare node:http
  webhooks  customers write (control API, and the in-process handle) and the mock delivers the
            bot webhook to a bare receiver, against a bare undici Pool loop posting the same body
  memory    the mock's RSS while it takes 100,000 bot messages in 100 rooms
It ends with issue 17's targets, judged.

Options:
  --sections a,b    sections to run (default ${sectionNames.join(',')})
  --peers           also load Prism and Mockoon in the http section (installed on first use
                    into \${XDG_CACHE_HOME:-~/.cache}/qiscus-mock-bench/peers)
  --memory-messages N  bot messages in the memory section                (default 100000)
  --report-only     report every target and floor but exit 0 when one is missed
  --rounds N        rounds; the target order rotates by one each round   (default 5)
  --warmup S        warm-up seconds at full load before measuring         (default 5)
  --duration S      measured seconds per target per round                (default 10)
  --connections C   connections; in the webhooks section, customers      (default 50)
  --targets a,b     the http section's targets, comma-separated          (default ${defaultTargets.join(',')})
                    available: ${Object.keys(targets).join(', ')}; must include '${baselineTarget}'
  --record          also run the mock recording every exchange to a file (target mock-record),
                    and report its throughput as a ratio to the mock's in the same rounds
                    (limit: ≥ 0.85, issue 13); adds 'mock' to the targets if missing
  --from-sources    measure the mock from the checkout's TypeScript through tsx, as \`npm start\`
                    runs it, instead of the built package (dist/, what a bot team installs)
  --no-build        measure dist/ as it is, without building it first (\`npm run build\`)
  --json            print a JSON result object instead of the tables
  --json-out FILE   also write the JSON result object to FILE
  --help            print this help

Progress goes to stderr, the result to stdout.
Exit code: 0 passed, 1 the mock is below a floor or misses a target (not with --report-only),
recording costs more than its limit (with --record), a run was invalid or a target failed to
start, 2 usage error.
`;

function number(name, text, { integer, min }) {
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value) || (integer && !Number.isInteger(value))) {
    throw new UsageError(`--${name} must be ${integer ? 'an integer' : 'a number'}, got '${text}'`);
  }
  if (value < min) throw new UsageError(`--${name} must be at least ${min}, got ${value}`);
  return value;
}

function targetList(text) {
  const names = text.split(',').map((name) => name.trim());
  for (const name of names) {
    if (!Object.hasOwn(targets, name)) {
      throw new UsageError(
        `unknown target '${name}' (available: ${Object.keys(targets).join(', ')})`,
      );
    }
  }
  if (new Set(names).size !== names.length) throw new UsageError('--targets lists a target twice');
  if (!names.includes(baselineTarget)) {
    throw new UsageError(
      `--targets must include '${baselineTarget}': every target is reported as a ratio to it`,
    );
  }
  return names;
}

function withRecording(names, record) {
  if (!record) return names;
  return [...new Set([...names, 'mock', 'mock-record'])];
}

function sectionList(text) {
  const names = text.split(',').map((name) => name.trim());
  for (const name of names) {
    if (!sectionNames.includes(name)) {
      throw new UsageError(`unknown section '${name}' (available: ${sectionNames.join(', ')})`);
    }
  }
  return sectionNames.filter((name) => names.includes(name));
}

export function parseBenchOptions(argv) {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        rounds: { type: 'string', default: '5' },
        warmup: { type: 'string', default: '5' },
        duration: { type: 'string', default: '10' },
        connections: { type: 'string', default: '50' },
        targets: { type: 'string', default: defaultTargets.join(',') },
        json: { type: 'boolean', default: false },
        record: { type: 'boolean', default: false },
        sections: { type: 'string', default: sectionNames.join(',') },
        peers: { type: 'boolean', default: false },
        'memory-messages': { type: 'string', default: '100000' },
        'report-only': { type: 'boolean', default: false },
        'from-sources': { type: 'boolean', default: false },
        'no-build': { type: 'boolean', default: false },
        'json-out': { type: 'string' },
        help: { type: 'boolean', default: false },
      },
    }));
  } catch (error) {
    throw new UsageError(error.message);
  }
  const sections = sectionList(values.sections);
  if (values.peers && !sections.includes('http')) {
    throw new UsageError('--peers loads the peers in the http section: add http to --sections');
  }
  return {
    help: values.help,
    json: values.json,
    jsonOut: values['json-out'],
    sections,
    peers: values.peers,
    reportOnly: values['report-only'],
    fromSources: values['from-sources'],
    build: !values['no-build'] && !values['from-sources'],
    memoryMessages: number('memory-messages', values['memory-messages'], {
      integer: true,
      min: 10,
    }),
    rounds: number('rounds', values.rounds, { integer: true, min: 1 }),
    warmupSeconds: number('warmup', values.warmup, { integer: false, min: 0 }),
    durationSeconds: number('duration', values.duration, { integer: false, min: 1 }),
    connections: number('connections', values.connections, { integer: true, min: 1 }),
    targets: withRecording(targetList(values.targets), values.record),
  };
}
