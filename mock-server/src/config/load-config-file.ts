import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { extname } from 'node:path';
import type * as Yaml from 'yaml';
import { checkContract } from '#contracts';
import { mockError } from '../errors.js';
import { checkConfigMeaning, withConfigHints } from './check-config-meaning.js';
import { ConfigFileSchema, type ConfigFile } from './config-file-schema.js';

// The YAML parser loads when a config file is read, not with every start of the mock.
const loadYaml = () => createRequire(import.meta.url)('yaml') as typeof Yaml;

/**
 * Reads and checks a config file, JSON or YAML by its extension. Every problem names the file
 * and the key, e.g. `mock.yaml: channels[0].source: must be one of …`.
 */
export async function loadConfigFile(file: string): Promise<ConfigFile> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (cause) {
    throw mockError('MOCK_ERR_CONFIG', `Cannot read the config file ${file}: ${String(cause)}`, {
      cause,
    });
  }
  return parseConfigText(text, file);
}

/** Checks the text of a config file; `file` names it in errors and picks JSON or YAML. */
export function parseConfigText(text: string, file: string): ConfigFile {
  const extension = extname(file).toLowerCase();
  let data: unknown;
  try {
    data = extension === '.json' ? JSON.parse(text) : loadYaml().parse(text);
  } catch (cause) {
    const kind = extension === '.json' ? 'JSON' : 'YAML';
    throw mockError(
      'MOCK_ERR_CONFIG',
      `${file} is not valid ${kind}: ${cause instanceof Error ? cause.message : String(cause)}`,
      { cause },
    );
  }
  const check = checkContract(ConfigFileSchema, data ?? {});
  const problems = check.ok
    ? checkConfigMeaning(check.value)
    : withConfigHints(data ?? {}, check.problems);
  if (problems.length > 0) {
    const lines = problems.map(
      (problem) => `  ${problem.path === '' ? '(the file)' : problem.path}: ${problem.message}`,
    );
    throw mockError(
      'MOCK_ERR_CONFIG',
      `${file} has ${problems.length === 1 ? 'a problem' : `${problems.length} problems`}:\n${lines.join('\n')}`,
      { errors: problems },
    );
  }
  if (!check.ok) throw new Error('unreachable: a refused config has problems');
  return check.value;
}
