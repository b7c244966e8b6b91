import { parseArgs, type ParseArgsConfig } from 'node:util';
import { explainArgsError } from '#contracts';
import { usageError } from '../errors.js';

/**
 * `parseArgs` in strict mode, with its errors turned into usage errors that name the command and
 * point at its `--help`.
 */
export function parseCommandArgs<const O extends NonNullable<ParseArgsConfig['options']>>(
  command: string,
  args: readonly string[],
  options: O,
  allowPositionals = false,
) {
  try {
    return parseArgs({ args: [...args], options, strict: true, allowPositionals });
  } catch (error) {
    const reason = explainArgsError(error, Object.keys(options));
    throw usageError(`${reason}\nRun \`qiscus-mock ${command} --help\` for its flags.`, {
      cause: error,
    });
  }
}
