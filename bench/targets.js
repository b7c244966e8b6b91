// The servers the bench can load. `prepare` runs once the server listens and returns the
// room the load is sent to.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { postJson } from './post-json.js';
import { fixedRoomId } from './request-body.js';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const serverFile = (name) => fileURLToPath(new URL(`servers/${name}`, import.meta.url));

async function createMockRoom(url) {
  const endpoint = `${url}/_mock/messages?wait=true`;
  const body = JSON.stringify({ channel: 'qiscus', text: 'hi' });
  const { status, text } = await postJson(endpoint, { 'content-type': 'application/json' }, body);
  let roomId;
  try {
    roomId = JSON.parse(text).room_id;
  } catch {
    roomId = undefined;
  }
  if (status !== 200 || typeof roomId !== 'string') {
    throw new Error(
      `mock: creating a room with POST ${endpoint} answered ${status}, ` +
        `expected 200 with a string room_id: ${text.slice(0, 500)}`,
    );
  }
  return roomId;
}

// Where mock-record records: replaced at each start, removed when the bench ends.
export const recordingFile = join(tmpdir(), `qiscus-mock-bench-${process.pid}.jsonl`);

// The mock the bench measures. By default the built package (dist/js/cli.js, what a bot team
// installs; run-bench builds it first); with --from-sources the checkout's TypeScript through
// tsx, as `npm start` runs it, which holds about 40 MiB more (tsx and its transforms).
export const builtCli = join(repoRoot, 'dist', 'js', 'cli.js');
const sourcesCli = join(repoRoot, 'bin', 'qiscus-mock.js');
let mockCli = builtCli;

/** Measure the mock from the checkout's sources (true) or from the built package (false). */
export function measureMockFromSources(fromSources) {
  mockCli = fromSources ? sourcesCli : builtCli;
}

/**
 * Builds dist/ (`npm run build`) unless told not to (`build: false`), or measures the checkout's
 * sources (`fromSources`); says which mock is measured.
 */
export function prepareMock(options, log) {
  measureMockFromSources(options.fromSources);
  if (options.fromSources) return 'the checkout through tsx (--from-sources)';
  if (options.build) {
    log('Building dist/ (npm run build) …');
    const built = spawnSync(process.execPath, [join(repoRoot, 'packaging', 'build.js')], {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    if (built.status !== 0) throw new Error('npm run build failed (its errors are above)');
  } else if (!existsSync(builtCli)) {
    throw new Error('dist/ holds no build: run `npm run build`, or leave out --no-build');
  }
  return 'the built package (dist/js/cli.js)';
}

/** Whether the mock measured is the checkout's sources rather than the built package. */
export function mockFromSources() {
  return mockCli === sourcesCli;
}

// The mock's command line in every bench that starts it.
export const mockArgs = () => [
  mockCli,
  'serve',
  '--port',
  '0',
  '--host',
  '127.0.0.1',
  '--seed',
  '1',
];

export const targets = {
  bare: {
    name: 'bare',
    description: 'node:http, JSON.parse + two type checks + JSON.stringify (the practical limit)',
    args: [serverFile('bare-http.js')],
    cwd: repoRoot,
    prepare: () => Promise.resolve(fixedRoomId),
  },
  mock: {
    name: 'mock',
    description: 'qiscus-mock serve --seed 1 (the real mock)',
    args: () => mockArgs(),
    cwd: repoRoot,
    prepare: createMockRoom,
  },
  'mock-record': {
    name: 'mock-record',
    description: 'qiscus-mock serve --seed 1 --record FILE (every exchange written to a file)',
    args: () => [...mockArgs(), '--record', recordingFile],
    cwd: repoRoot,
    prepare: createMockRoom,
  },
  'fastify-zod': {
    name: 'fastify-zod',
    description: 'fastify 5 + zod 4 body validation, no logger, no state (reference point)',
    args: [serverFile('fastify-zod.js')],
    cwd: repoRoot,
    prepare: () => Promise.resolve(fixedRoomId),
  },
};

export const baselineTarget = 'bare';
export const defaultTargets = ['bare', 'mock'];
