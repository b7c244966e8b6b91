import { readFile } from 'node:fs/promises';
import { expect, it } from 'vitest';
import { botErrorCodes } from '#reference-bot';

it('documents every reference bot error code in the README', async () => {
  const readme = await readFile(new URL('../../docs/reference-bot.md', import.meta.url), 'utf8');
  const rows = [...readme.matchAll(/^\|\s*`(BOT_ERR_[A-Z_]+)`\s*\|\s*(.+?)\s*\|$/gm)].map(
    ([, code, meaning]) => [code, meaning],
  );
  expect(rows).toEqual(Object.entries(botErrorCodes));
});
