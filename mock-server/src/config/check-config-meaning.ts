import { channelAliases, suggestField, type ErrorDetail } from '#contracts';
import { defaults } from '../options.js';
import type { ConfigFile } from './config-file-schema.js';

function valueAt(root: unknown, path: string): unknown {
  let current = root;
  for (const key of path.match(/[^.[\]]+/g) ?? []) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/** The value or key probably meant, among `options`. */
function closest(given: string, options: readonly string[]): string | undefined {
  const named = channelAliases[given.toLowerCase()];
  return named !== undefined && options.includes(named) ? named : suggestField(given, options);
}

/**
 * Adds a "did you mean" to the problems the schema found where it has none: a value that must be
 * one of a list (`delivery: relaible`), and a channel key of `channel_rules` (`whatsapp`).
 */
export function withConfigHints(data: unknown, problems: readonly ErrorDetail[]): ErrorDetail[] {
  return problems.map((problem) => {
    if (problem.message.includes('did you mean')) return problem;
    const options = [...problem.message.matchAll(/"([^"]+)"/g)].map((match) => match[1] ?? '');
    const value = valueAt(data, problem.path);
    const given = problem.message.startsWith('must be one of')
      ? value
      : problem.path.startsWith('channel_rules.') && problem.message.startsWith('is not a field')
        ? problem.path.slice('channel_rules.'.length)
        : undefined;
    const sources = ['qiscus', 'wa', 'ig', 'telegram', 'line', 'fb', 'custom'];
    const close =
      typeof given === 'string'
        ? closest(given, options.length > 0 ? options : sources)
        : undefined;
    return close
      ? { ...problem, message: `${problem.message}; did you mean "${close}"?` }
      : problem;
  });
}

/**
 * What the schema cannot see: each agent's division must be one of the app's divisions (the
 * file's, or the defaults), so that `biling` is a typo reported, not a second division made.
 */
export function checkConfigMeaning(config: ConfigFile): ErrorDetail[] {
  const divisions: readonly string[] = config.divisions ?? defaults.divisions;
  return (config.agents ?? []).flatMap((agent, index) =>
    agent.divisions.flatMap((name, at) => {
      if (divisions.includes(name)) return [];
      const close = suggestField(name, divisions);
      return [
        {
          path: `agents[${index}].divisions[${at}]`,
          message: `"${name}" is not a division of the app (${divisions.join(', ')})${close ? `: did you mean "${close}"?` : ''}; a new division is listed under divisions`,
        },
      ];
    }),
  );
}
