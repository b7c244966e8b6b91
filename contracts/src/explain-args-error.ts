import { suggestField } from './unknown-fields.js';

function codeOf(error: unknown): unknown {
  return typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
}

/**
 * The error `node:util` `parseArgs` throws, told in the commands' own words: the flag that is
 * wrong and, for a misspelt one, the flag that was probably meant. `flags` are the names the
 * command takes, without dashes. Node's own text (which quotes unevenly) is kept only for an
 * error this does not know.
 */
export function explainArgsError(error: unknown, flags: readonly string[]): string {
  const message = error instanceof Error ? error.message : String(error);
  const quoted = /'([^']*)'/.exec(message)?.[1] ?? '';
  switch (codeOf(error)) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION': {
      const name = quoted.replace(/^-+/, '').replace(/=.*$/, '');
      const suggestion = suggestField(name, flags);
      return `unknown flag ${quoted}${suggestion ? `; did you mean --${suggestion}?` : ''}`;
    }
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE': {
      // Node names a flag with a short form as `-o, --out <value>`.
      const flag = /--[\w-]+/.exec(quoted)?.[0] ?? quoted.split(' ')[0] ?? quoted;
      return message.includes('does not take an argument')
        ? `${flag} takes no value: write ${flag} alone`
        : `${flag} needs a value: write ${flag} VALUE`;
    }
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return `unexpected argument "${quoted}": this command takes flags only`;
    default:
      return message;
  }
}
