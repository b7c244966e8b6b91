import { expect, it } from 'vitest';
import { commandTable } from '../src/cli/command-table.js';

it('loads, for each line of the command table, the command of that name', async () => {
  const names = await Promise.all(commandTable.map(async (entry) => (await entry.load()).name));
  expect(names).toEqual(commandTable.map((entry) => entry.name));
});
