import { readFile } from 'node:fs/promises';
import { expect, it } from 'vitest';
import { errorCodes } from '#contracts';

it('documents every error code, with its status, in the README table and nothing else', async () => {
  const readme = await readFile(new URL('../../docs/error-codes.md', import.meta.url), 'utf8');
  const rows = [...readme.matchAll(/^\|\s*`([A-Z_]+)`\s*\|\s*(\d{3})\s*\|/gm)]
    .map(([, code, status]) => `${code} ${status}`)
    // The mock's own codes have a table of their own, kept complete by the mock's test.
    .filter((row) => !row.startsWith('MOCK_ERR_'));
  expect(rows).toEqual(Object.entries(errorCodes).map(([code, { status }]) => `${code} ${status}`));
});
