// Command-line options of run-bench.js; anything malformed is a UsageError (exit code 2).
import { parseArgs } from 'node:util';
import { baselineTarget, defaultTargets, targets } from './targets.js';

export class UsageError extends Error {}

export const usage = `Usage: node bench/run-bench.js [options]

Loads each target with POST /qiscus-mock-app/bot (autocannon, keep-alive), server pinned to
one core and load generator to another, and reports each target against the bare node:http
server measured in the same run.

Options:
  --rounds N        rounds; the target order rotates by one each round   (default 5)
  --warmup S        warm-up seconds at full load before measuring         (default 5)
  --duration S      measured seconds per target per round                (default 10)
  --connections C   concurrent keep-alive connections                     (default 50)
  --targets a,b     comma-separated target names                          (default ${defaultTargets.join(',')})
                    available: ${Object.keys(targets).join(', ')}; must include '${baselineTarget}'
  --record          also run the mock recording every exchange to a file (target mock-record),
                    and report its throughput as a ratio to the mock's in the same rounds
                    (limit: ≥ 0.85, issue 13); adds 'mock' to the targets if missing
  --json            print a JSON result object instead of the table
  --help            print this help

Progress goes to stderr, the result to stdout.
Exit code: 0 passed (or no mock target), 1 the mock is below the floor, recording costs more
than its limit (with --record), a run was invalid
or a target failed to start, 2 usage error.
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
        help: { type: 'boolean', default: false },
      },
    }));
  } catch (error) {
    throw new UsageError(error.message);
  }
  return {
    help: values.help,
    json: values.json,
    rounds: number('rounds', values.rounds, { integer: true, min: 1 }),
    warmupSeconds: number('warmup', values.warmup, { integer: false, min: 0 }),
    durationSeconds: number('duration', values.duration, { integer: false, min: 1 }),
    connections: number('connections', values.connections, { integer: true, min: 1 }),
    targets: withRecording(targetList(values.targets), values.record),
  };
}
