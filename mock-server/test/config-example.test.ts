import { readFile } from 'node:fs/promises';
import { expect, it } from 'vitest';
import { parseConfigText } from '#mock-server';

const page = await readFile(new URL('../../docs/mock-server.md', import.meta.url), 'utf8');

// The page's curl block runs, with every other sh block of the docs, in harness/test/docs-commands.test.ts.
it('accepts the config file example of docs/mock-server.md', () => {
  const start = page.indexOf('## Config file');
  const block = /```yaml\n([\s\S]*?)```/.exec(page.slice(start))?.[1] ?? '';
  const config = parseConfigText(block, 'mock.yaml');
  expect(config.app_code).toBe('my-app');
  expect(config.agents).toHaveLength(2);
});
