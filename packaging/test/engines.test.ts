import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import semver from 'semver';
import { expect, it } from 'vitest';
import { listInstalledEngines } from './installed-packages-engines.js';

const root = new URL('../../', import.meta.url);
const ours = (
  JSON.parse(await readFile(new URL('package.json', root), 'utf8')) as {
    engines: { node: string };
  }
).engines.node;

it('promises Node 20.19 or newer, as the README says', () => {
  expect(ours).toBe('>=20.19');
});

it('installs no package that asks for a newer Node than ours does', async () => {
  const lowest = semver.minVersion(ours)!.version;
  const installed = await listInstalledEngines(fileURLToPath(new URL('node_modules', root)));
  expect(installed.length).toBeGreaterThan(50);
  const refusing = installed
    .filter((pkg) => !semver.satisfies(lowest, pkg.node))
    .map((pkg) => `${pkg.path.slice(fileURLToPath(root).length)} wants node ${pkg.node}`);
  expect(refusing).toEqual([]);
});
