import { writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { outputError, type HarnessError } from '../errors.js';
import { createFolders } from './create-folders.js';

/**
 * HARNESS_ERR_OUTPUT for a file that cannot be written, saying why in words and what to do:
 * `what` names the file (`the report`), `example` a file name to suggest when `out` is a folder.
 */
export function cannotWrite(
  what: string,
  out: string,
  error: unknown,
  example: string,
): HarnessError {
  const code = (error as NodeJS.ErrnoException).code ?? String(error);
  const why =
    code === 'EISDIR'
      ? `it is a folder: name a file in it, such as ${out.replace(/\/+$/, '')}/${example}`
      : code === 'EEXIST' || code === 'ENOTDIR'
        ? 'a part of its path is a file, not a folder'
        : code === 'EACCES' || code === 'EPERM' || code === 'EROFS'
          ? 'it may not be written here (permission denied)'
          : code === 'ENOFOLDER'
            ? `${(error as Error).message}: this file system takes no new folders`
            : code;
  return outputError(`Cannot write ${what} to ${out}: ${why}. Choose another --out.`, {
    cause: error,
  });
}

/** Writes `text` to `out`, creating its folders; HARNESS_ERR_OUTPUT (see `cannotWrite`) if not. */
export async function writeOutputFile(
  out: string,
  text: string,
  what: string,
  example: string,
): Promise<void> {
  try {
    await createFolders(dirname(resolve(out)));
    await writeFile(resolve(out), text);
  } catch (error) {
    throw cannotWrite(what, out, error, example);
  }
}
