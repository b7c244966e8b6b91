#!/usr/bin/env node
// The qiscus-mock binary. Installed from the package, it runs the bundled CLI in dist/js/. In a
// checkout of the repository, where the TypeScript sources sit beside it, it runs those sources
// instead (through tsx, a development dependency), so a build left over in dist/ from older
// sources is never what runs.
import { existsSync } from 'node:fs';

const sources = new URL('../harness/src/cli/main.ts', import.meta.url);
if (existsSync(sources)) {
  try {
    await import('../packaging/register-sources.js');
  } catch (error) {
    console.error(
      'This is a checkout of the qiscus-mock repository, whose binary runs the TypeScript sources',
      'through tsx, a development dependency: run `npm ci` first.',
    );
    throw error;
  }
  await import(sources.href);
} else {
  await import('../dist/js/cli.js');
}
