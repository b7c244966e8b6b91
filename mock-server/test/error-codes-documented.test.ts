import { readFile } from 'node:fs/promises';
import { expect, it } from 'vitest';
import { mockErrorCodes } from '#mock-server';

it('documents every code of the mock’s own errors, with its status, in the README', async () => {
  const readme = await readFile(new URL('../../docs/error-codes.md', import.meta.url), 'utf8');
  const rows = [...readme.matchAll(/^\|\s*`(MOCK_ERR_[A-Z_]+)`\s*\|\s*(\d{3})\s*\|/gm)].map(
    ([, code, status]) => `${code} ${status}`,
  );
  expect(rows).toEqual(
    Object.entries(mockErrorCodes).map(([code, info]) => `${code} ${info.status}`),
  );
});
