import { readFile } from 'node:fs/promises';
import { scriptError } from '../errors.js';
import { displayPath, findScriptFiles } from './find-script-files.js';
import { parseScriptText } from './parse-script-text.js';
import type { LoadedScript } from './script-schema.js';

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** The line above the problems: what they are about, counted as the problems below count them. */
function headOf(invalidFiles: number, files: number, unusablePaths: number): string {
  if (invalidFiles === 0) return 'The scripts cannot be loaded; nothing was run:';
  const invalid = `${invalidFiles} of ${plural(files, 'script file', 'script files')} ${invalidFiles === 1 ? 'is' : 'are'} invalid`;
  const unusable =
    unusablePaths > 0 ? `, and ${plural(unusablePaths, 'path names', 'paths name')} none` : '';
  return `${invalid}${unusable}; nothing was run. Fix these and run again:`;
}

/**
 * Loads and checks every script the paths name (files, or folders searched recursively), in a
 * stable order, each file once. Every problem of every file is gathered before anything runs;
 * if there is any, throws HARNESS_ERR_SCRIPT listing them all as `file:line:column: …`.
 */
export async function loadScripts(paths: readonly string[], cwd: string): Promise<LoadedScript[]> {
  const problems: string[] = [];
  const files: string[] = [];
  const seen = new Set<string>();
  let unusablePaths = 0;
  if (paths.length === 0) problems.push('no scripts given: name script files or folders');
  for (const given of paths) {
    const found = await findScriptFiles(cwd, given);
    if (!found.ok) {
      unusablePaths += 1;
      problems.push(found.problem);
      continue;
    }
    for (const file of found.files) {
      if (seen.has(file)) continue;
      seen.add(file);
      files.push(file);
    }
  }
  const scripts: LoadedScript[] = [];
  let invalidFiles = 0;
  for (const file of files) {
    const shown = displayPath(cwd, file);
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      invalidFiles += 1;
      problems.push(
        `${shown}: cannot be read (${error instanceof Error ? error.message : String(error)})`,
      );
      continue;
    }
    const parsed = parseScriptText(shown, text, /\.json$/i.test(file));
    if (parsed.ok) scripts.push(parsed.script);
    else {
      invalidFiles += 1;
      problems.push(...parsed.problems);
    }
  }
  if (problems.length > 0) {
    throw scriptError(
      [headOf(invalidFiles, files.length, unusablePaths), ...problems.map((p) => `  ${p}`)].join(
        '\n',
      ),
    );
  }
  return scripts;
}
