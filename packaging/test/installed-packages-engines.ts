import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** An installed package that states which versions of Node it runs on. */
export interface InstalledEngine {
  readonly path: string;
  readonly node: string;
}

/** Every package under a node_modules folder, nested ones too, with its `engines.node`. */
export async function listInstalledEngines(nodeModules: string): Promise<InstalledEngine[]> {
  const found: InstalledEngine[] = [];
  const visit = async (folder: string): Promise<void> => {
    const entries = await readdir(folder, { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      if (!entry.isDirectory() || entry.name.startsWith('.')) continue;
      const path = join(folder, entry.name);
      if (entry.name.startsWith('@')) {
        await visit(path);
        continue;
      }
      const manifest = await readFile(join(path, 'package.json'), 'utf8').catch(() => undefined);
      if (manifest !== undefined) {
        const { engines } = JSON.parse(manifest) as { engines?: { node?: unknown } };
        if (typeof engines?.node === 'string') found.push({ path, node: engines.node });
      }
      await visit(join(path, 'node_modules'));
    }
  };
  await visit(nodeModules);
  return found;
}
