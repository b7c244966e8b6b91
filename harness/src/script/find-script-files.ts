import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';

const scriptExtension = /\.(ya?ml|json)$/i;

/** What a path given on the command line led to: script files, or why it leads nowhere. */
export type FoundFiles =
  | { readonly ok: true; readonly files: readonly string[] }
  | { readonly ok: false; readonly problem: string };

async function walk(folder: string, into: string[]): Promise<void> {
  const entries = await readdir(folder, { withFileTypes: true });
  for (const entry of entries) {
    // Dependencies and hidden folders (.git …) hold no scripts of the user's.
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) await walk(full, into);
    else if (entry.isFile() && scriptExtension.test(entry.name)) into.push(full);
  }
}

/** A path as results name it: relative to `cwd`, with `/` separators. */
export function displayPath(cwd: string, absolute: string): string {
  const relative = path.relative(cwd, absolute);
  return (relative === '' ? absolute : relative).split(path.sep).join('/');
}

/**
 * The script files a path names: the file itself, or every `*.yaml`, `*.yml` and `*.json` under a
 * folder (hidden folders and node_modules left out), sorted by path so runs are repeatable.
 */
export async function findScriptFiles(cwd: string, given: string): Promise<FoundFiles> {
  const absolute = path.resolve(cwd, given);
  let info;
  try {
    info = await stat(absolute);
  } catch {
    return { ok: false, problem: `${given}: no such file or folder` };
  }
  if (info.isFile()) return { ok: true, files: [absolute] };
  const files: string[] = [];
  try {
    await walk(absolute, files);
  } catch (error) {
    return { ok: false, problem: `${given}: the folder cannot be read (${String(error)})` };
  }
  if (files.length === 0) {
    return {
      ok: false,
      problem: `${given}: the folder holds no scripts (*.yaml, *.yml or *.json)`,
    };
  }
  const sorted = files
    .map((file) => ({ file, key: displayPath(cwd, file) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map(({ file }) => file);
  return { ok: true, files: sorted };
}
