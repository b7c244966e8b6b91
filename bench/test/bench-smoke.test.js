// `npm run bench` still runs: every section once, for a second each, with tiny settings. Only
// that it runs, prints every row and a parsable result is checked, never its numbers (a timed
// assertion on a shared machine is noise); the peers are left out (they need the network).
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const runBench = fileURLToPath(new URL('../run-bench.js', import.meta.url));
const folder = mkdtempSync(join(tmpdir(), 'bench-smoke-'));
const jsonFile = join(folder, 'result.json');

function bench(args) {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [runBench, ...args],
      { maxBuffer: 8 << 20 },
      (error, stdout, stderr) => resolve({ code: error ? (error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('npm run bench, smoke-sized', () => {
  it('runs every section and prints every row and a parsable result', async () => {
    // From the sources: the package test empties and rebuilds dist/ meanwhile, in parallel.
    const run = await bench([
      '--from-sources',
      ...['--rounds', '1', '--warmup', '0', '--duration', '1'],
      ...['--memory-messages', '500', '--report-only', '--json-out', jsonFile],
    ]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^The mock measured: the checkout through tsx/);

    const rowsOf = (heading) => {
      const lines = run.stdout.split('\n');
      const start = lines.findIndex((line) => line.startsWith(`| ${heading}`));
      const rows = [];
      for (let i = start + 2; start >= 0 && lines[i]?.startsWith('|'); i += 1) {
        rows.push(lines[i].split('|')[1].trim());
      }
      return rows;
    };
    expect(rowsOf('target ')).toEqual(['bare', 'mock']);
    expect(rowsOf('sender ')).toEqual(['mock', 'mock-in-process', 'bare-pool', 'bare-control']);
    expect(rowsOf('issue 17 target')).toHaveLength(7);
    expect(run.stdout).toMatch(/^\| RSS MiB /m);

    const result = JSON.parse(readFileSync(jsonFile, 'utf8'));
    expect(result.http.targets.map((target) => target.target)).toEqual(['bare', 'mock']);
    expect(result.webhooks.senders.map((sender) => sender.target)).toEqual([
      'mock',
      'mock-in-process',
      'bare-pool',
      'bare-control',
    ]);
    expect(result.memory.samples.at(-1).messages).toBe(500);
    expect(result.settings.mock).toBe('the checkout through tsx (--from-sources)');
    expect(result.goals.rows.map((row) => row.verdict)).not.toContain(undefined);
    for (const row of result.goals.rows.slice(0, -1)) expect(row.verdict).not.toBe('skipped');
  });
});
