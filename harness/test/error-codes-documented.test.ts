import { readFile } from 'node:fs/promises';
import { expect, it } from 'vitest';
import { harnessErrorCodes } from '#harness';

it('documents every harness error code in the README', async () => {
  const readme = await readFile(new URL('../../docs/error-codes.md', import.meta.url), 'utf8');
  const rows = [...readme.matchAll(/^\|\s*`(HARNESS_ERR_[A-Z_]+)`\s*\|/gm)].map(([, code]) => code);
  expect(rows).toEqual(Object.keys(harnessErrorCodes));
});
