import { mkdir, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';

function codeOf(error: unknown): unknown {
  return typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
}

function failure(message: string, code: string, cause?: unknown): Error {
  return Object.assign(new Error(message, { cause }), { code });
}

/**
 * Creates `folder` and the folders above it that are missing, one at a time from the nearest one
 * that exists. Node's own `mkdir(…, { recursive: true })` loops for ever (and ignores SIGTERM)
 * where the file system refuses new folders, as under /proc; here such a refusal is an error
 * with code `ENOFOLDER` naming the folder that could not be made.
 */
export async function createFolders(folder: string): Promise<void> {
  const missing: string[] = [];
  for (let at = resolve(folder); ; at = dirname(at)) {
    const found = await stat(at).catch((error: unknown) => {
      if (codeOf(error) === 'ENOENT') return undefined;
      throw error;
    });
    if (found?.isDirectory()) break;
    if (found) throw failure(`${at} is a file, not a folder`, 'ENOTDIR');
    missing.unshift(at);
    if (dirname(at) === at) break;
  }
  for (const each of missing) {
    try {
      await mkdir(each);
    } catch (error) {
      if (codeOf(error) === 'EEXIST' && (await stat(each)).isDirectory()) continue;
      if (codeOf(error) !== 'ENOENT') throw error;
      throw failure(`the folder ${each} cannot be created there`, 'ENOFOLDER', error);
    }
  }
}
