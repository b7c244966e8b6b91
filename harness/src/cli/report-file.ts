import { mkdir, stat, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { outputError } from '../errors.js';

function outputProblem(out: string, error: unknown): Error {
  const code = (error as NodeJS.ErrnoException).code ?? String(error);
  const why =
    code === 'EISDIR'
      ? `it is a folder: name a file in it, such as ${out.replace(/\/+$/, '')}/report.xml`
      : code === 'EEXIST' || code === 'ENOTDIR'
        ? 'a part of its path is a file, not a folder'
        : code === 'EACCES' || code === 'EPERM' || code === 'EROFS'
          ? 'it may not be written here (permission denied)'
          : code;
  return outputError(`Cannot write the report to ${out}: ${why}. Choose another --out.`, {
    cause: error,
  });
}

/**
 * Makes sure a report can go to `out` before a run starts, so a long run is not lost to a typo:
 * its folders are created, and a path that is a folder is refused. HARNESS_ERR_OUTPUT if not.
 */
export async function prepareReportFile(out: string): Promise<void> {
  const file = resolve(out);
  try {
    await mkdir(dirname(file), { recursive: true });
    const found = await stat(file).catch(() => undefined);
    if (found?.isDirectory()) {
      throw Object.assign(new Error(`${out} is a folder`), { code: 'EISDIR' });
    }
  } catch (error) {
    throw outputProblem(out, error);
  }
}

/** Writes the report to `out`, creating its folders; HARNESS_ERR_OUTPUT if it cannot. */
export async function writeReportFile(out: string, text: string): Promise<void> {
  try {
    await mkdir(dirname(resolve(out)), { recursive: true });
    await writeFile(resolve(out), text);
  } catch (error) {
    throw outputProblem(out, error);
  }
}
