import { readFile } from 'node:fs/promises';
import { expect, it } from 'vitest';
import { channelSources, defaultChannelRules } from '#contracts';

it('shows in the README the channel matrix the contracts hold', async () => {
  const readme = await readFile(new URL('../../docs/contracts.md', import.meta.url), 'utf8');
  const documented = new Map<string, string>();
  for (const [, sources = '', buttons = '', carousel = ''] of readme.matchAll(
    /^\|\s*(`[a-z]+`[^|]*)\|\s*(yes|\*\*refused\*\*)\s*\|\s*(yes|\*\*refused\*\*)\s*\|/gm,
  )) {
    for (const [, source = ''] of sources.matchAll(/`([a-z]+)`/g)) {
      documented.set(source, `buttons ${buttons}, carousel ${carousel}`);
    }
  }
  const actual = new Map(
    channelSources.map((source) => {
      const says = (type: 'buttons' | 'carousel') =>
        defaultChannelRules[source].refuses.includes(type) ? '**refused**' : 'yes';
      return [source, `buttons ${says('buttons')}, carousel ${says('carousel')}`] as const;
    }),
  );
  expect(Object.fromEntries(documented)).toEqual(Object.fromEntries(actual));
});

it('refuses only buttons and carousels on any channel, as the README says of the other types', () => {
  const refused = new Set(channelSources.flatMap((source) => defaultChannelRules[source].refuses));
  expect([...refused].sort()).toEqual(['buttons', 'carousel']);
});
