import { parseArgs, type ParseArgsConfig } from 'node:util';
import { explainArgsError } from '#contracts';
import { usageError } from '../errors.js';

/** What `parseArgs` gives for these options, named so the declarations can name it. */
type ParsedCommandArgs<O extends NonNullable<ParseArgsConfig['options']>> = ReturnType<
  typeof parseArgs<{ args: string[]; options: O; strict: true; allowPositionals: boolean }>
>;

/**
 * `parseArgs` in strict mode, with its errors turned into usage errors that name the command and
 * point at its `--help`.
 */
export function parseCommandArgs<const O extends NonNullable<ParseArgsConfig['options']>>(
  command: string,
  args: readonly string[],
  options: O,
  allowPositionals = false,
): ParsedCommandArgs<O> {
  try {
    return parseArgs({ args: [...args], options, strict: true, allowPositionals });
  } catch (error) {
    const reason = explainArgsError(error, Object.keys(options));
    throw usageError(`${reason}\nRun \`qiscus-mock ${command} --help\` for its flags.`, {
      cause: error,
    });
  }
}
