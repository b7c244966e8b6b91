// The profile breakdown behind BENCHMARKS.md's "where the time goes": a made-up profile whose
// frames fall in a bundle (placed by esbuild's module comments), in Node's modules, in a
// package outside the bundle and in V8's own entries, each sample a known number of µs.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { breakdown } from '../profile-breakdown.js';

const script = fileURLToPath(new URL('../profile-breakdown.js', import.meta.url));
const folder = mkdtempSync(join(tmpdir(), 'profile-breakdown-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

// A bundle as esbuild writes it: helpers first, then each module under a comment naming it.
mkdirSync(join(folder, 'dist', 'js'), { recursive: true });
const bundle = join(folder, 'dist', 'js', 'chunk-TEST.js');
writeFileSync(
  bundle,
  [
    'var __helper = 1;', // line 0: esbuild's runtime
    '',
    '// node_modules/fastify/lib/reply.js', // line 2
    'function send() {}',
    '// mock-server/src/traffic/traffic-log.ts', // line 4
    'function record() {}',
    '// contracts/src/contract-issues.ts', // line 6
    'function checkContract() {}',
  ].join('\n'),
);
const inBundle = pathToFileURL(bundle).href;
const undici = pathToFileURL(join(folder, 'node_modules', 'undici', 'lib', 'client.js')).href;

const frames = [
  { functionName: '(root)', url: '', lineNumber: -1 },
  { functionName: '(idle)', url: '', lineNumber: -1 },
  { functionName: '(garbage collector)', url: '', lineNumber: -1 },
  { functionName: 'writev', url: '', lineNumber: -1 },
  { functionName: '__helper', url: inBundle, lineNumber: 0 },
  { functionName: 'send', url: inBundle, lineNumber: 3 },
  { functionName: 'record', url: inBundle, lineNumber: 5 },
  { functionName: 'checkContract', url: inBundle, lineNumber: 7 },
  { functionName: 'parserOnIncoming', url: 'node:_http_server', lineNumber: 1025 },
  { functionName: 'clearBuffer', url: 'node:internal/streams/writable', lineNumber: 743 },
  { functionName: 'request', url: undici, lineNumber: 10 },
];
// Self µs of each frame above, in the same order.
const micros = [0, 5000, 700, 300, 20, 110, 130, 50, 90, 40, 60];

function profile() {
  const nodes = frames.map((callFrame, i) => ({
    id: i + 1,
    callFrame: { scriptId: String(i), columnNumber: 0, ...callFrame },
    children: i === 0 ? frames.slice(1).map((_, j) => j + 2) : [],
  }));
  const samples = [];
  const timeDeltas = [];
  micros.forEach((us, i) => {
    // Each frame's time in samples of 10 µs.
    for (let t = 0; t < us; t += 10) {
      samples.push(i + 1);
      timeDeltas.push(10);
    }
  });
  return { nodes, startTime: 0, endTime: 6500, samples, timeDeltas };
}

describe('profile breakdown', () => {
  it('places every frame in its part, leaving idle time out', () => {
    const result = breakdown(profile());
    expect(Object.fromEntries(result.parts)).toEqual({
      'garbage collection': 700,
      'socket writes (the syscalls)': 300,
      'esbuild runtime (bundle helpers)': 20,
      'npm: fastify': 110,
      'mock-server/src/traffic': 130,
      'contracts/src': 50,
      'node: http': 90,
      'node: streams and sockets': 40,
      'npm: undici': 60,
    });
    expect(result.idle).toBe(5000);
    expect(result.busy).toBe(1500);
    expect(result.functions[0]).toEqual(['(garbage collector) (garbage collection)', 700]);
  });

  it('prints µs per request with --per, and refuses a count that is not one', async () => {
    const file = join(folder, 'test.cpuprofile');
    writeFileSync(file, JSON.stringify(profile()));
    const run = (args) =>
      new Promise((resolve) => {
        execFile(process.execPath, [script, ...args], (error, stdout, stderr) =>
          resolve({ code: error ? error.code : 0, stdout, stderr }),
        );
      });
    const json = await run([file, '--per', '10', '--json']);
    expect(json.code).toBe(0);
    const parsed = JSON.parse(json.stdout);
    expect(parsed.unit).toBe('µs each');
    expect(parsed.busy).toBe(150);
    expect(parsed.parts['mock-server/src/traffic']).toBe(13);
    const table = await run([file, '--per', '10']);
    expect(table.stdout).toMatch(/\| garbage collection +\| +70\.00 \| +46\.7 % \|/);
    const missing = await run([join(folder, 'missing.cpuprofile')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^cannot read .*missing\.cpuprofile: ENOENT/);
    const notProfile = join(folder, 'not-a-profile.cpuprofile');
    writeFileSync(notProfile, '{}');
    const wrong = await run([notProfile]);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('is not a V8 CPU profile');
    const refused = await run([file, '--per', '0']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('--per must be a positive count');
  });
});
