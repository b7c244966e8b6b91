// `npm run bench:profile` runs: a bare target profiled for a second under the bench's load, its
// CPU printed by part. Only that the profile was taken and read is checked, not its numbers.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const script = fileURLToPath(new URL('../profile-target.js', import.meta.url));

function run(args) {
  return new Promise((resolve) => {
    execFile(process.execPath, [script, ...args], (error, stdout, stderr) =>
      resolve({ code: error ? error.code : 0, stdout, stderr }),
    );
  });
}

describe('npm run bench:profile', () => {
  it('profiles the measured window of a target and prints its CPU by part', async () => {
    const result = await run([
      '--target',
      'bare',
      '--warmup',
      '0',
      '--duration',
      '1',
      '--top',
      '3',
    ]);
    expect(result.stderr).toContain('warm-up 0 s, then 1 s profiled');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /^bare: [\d,]+ requests in 1 s \([\d,]+\/s, 0 failed\); [\d.]+ µs of CPU a request/,
    );
    // Node's HTTP server is where a bare server spends its time: the profile was read by part.
    expect(result.stdout).toMatch(/\| node: http \| \d+\.\d\d \| [\d.]+ % \|/);
    expect(result.stdout).toContain('The 3 functions with the most self time');
  });

  it('profiles a webhook sender per delivery: the mock in process, its own folders by name', async () => {
    // From the sources: the package test empties and rebuilds dist/ meanwhile, in parallel.
    const result = await run([
      '--target',
      'webhooks-in-process',
      '--from-sources',
      '--warmup',
      '0',
      '--duration',
      '1',
      '--top',
      '0',
    ]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(
      /^webhooks-in-process: [\d,]+ deliveries in 1 s \([\d,]+\/s, 0 failed\); [\d.]+ µs of CPU a delivery/,
    );
    expect(result.stdout).toMatch(/\| mock-server\/src\/webhooks \| \d+\.\d\d \| [\d.]+ % \|/);
    expect(result.stdout).not.toContain('functions with the most self time');
  });

  it('refuses a target it does not know, naming the ones it does', async () => {
    const result = await run(['--target', 'prism']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      '--target must be one of bare, mock, mock-record, fastify-zod, webhooks-mock, webhooks-in-process',
    );
  });
});
