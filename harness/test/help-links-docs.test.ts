import { access } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { runCliCaptured } from './support/run-cli-captured.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

it('names in each --help the docs pages of the command, and each page is there', async () => {
  for (const argv of [
    ['--help'],
    ...['start', 'serve', 'reference-bot', 'test', 'openapi'].map((c) => [c, '--help']),
  ]) {
    const { code, stdout } = await runCliCaptured(argv);
    const pages = [...stdout.matchAll(/docs\/[a-z-]+\.md/g)].map(([page]) => page);
    expect([argv.join(' '), code, pages.length > 0]).toEqual([argv.join(' '), 0, true]);
    for (const page of pages) await access(`${root}${page}`);
  }
});
