import { stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { createFolders } from './create-folders.js';
import { cannotWrite, writeOutputFile } from './write-output-file.js';

/**
 * Makes sure a report can go to `out` before a run starts, so a long run is not lost to a typo:
 * its folders are created, and a path that is a folder is refused. HARNESS_ERR_OUTPUT if not.
 */
export async function prepareReportFile(out: string): Promise<void> {
  const file = resolve(out);
  try {
    await createFolders(dirname(file));
    const found = await stat(file).catch(() => undefined);
    if (found?.isDirectory()) {
      throw Object.assign(new Error(`${out} is a folder`), { code: 'EISDIR' });
    }
  } catch (error) {
    throw cannotWrite('the report', out, error, 'report.xml');
  }
}

/** Writes the report to `out`, creating its folders; HARNESS_ERR_OUTPUT if it cannot. */
export function writeReportFile(out: string, text: string): Promise<void> {
  return writeOutputFile(out, text, 'the report', 'report.xml');
}
