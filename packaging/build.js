// `npm run build` (and prepare/prepack): compiles the TypeScript sources into dist/ with their
// declarations, then copies beside them every other file of the source folders that the code
// reads at run time (the dashboard's browser modules, style sheets and page). dist/ is emptied
// first, so the package never carries output of a source that is gone.
import { spawnSync } from 'node:child_process';
import { cpSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const config = 'tsconfig.build.json';
const { include, compilerOptions } = JSON.parse(readFileSync(path.join(root, config), 'utf8'));
const outDir = path.join(root, compilerOptions.outDir);

rmSync(outDir, { recursive: true, force: true });
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const compiled = spawnSync(process.execPath, [tsc, '-p', config], { cwd: root, stdio: 'inherit' });
if (compiled.status !== 0) {
  console.error(`The build failed: tsc -p ${config} exited with ${compiled.status}.`);
  process.exit(1);
}

// Not compiled, needed at run time: anything in a source folder but TypeScript and tsconfigs.
const isAsset = (name) => !name.endsWith('.ts') && !/^tsconfig.*\.json$/.test(name);
let copied = 0;
for (const folder of include) {
  for (const entry of readdirSync(path.join(root, folder), {
    recursive: true,
    withFileTypes: true,
  })) {
    if (!entry.isFile() || !isAsset(entry.name)) continue;
    const from = path.join(entry.parentPath, entry.name);
    cpSync(from, path.join(outDir, path.relative(root, from)));
    copied += 1;
  }
}
console.log(
  `Built ${path.relative(root, outDir)}/ from ${include.join(', ')}; ${copied} files copied as they are.`,
);
