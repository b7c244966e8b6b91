import { readFile } from 'node:fs/promises';
import { serveFlags } from '#mock-server';
import { ChannelSourceSchema, suggestField, type ChannelSource } from '#contracts';
import {
  parseConformConfig,
  resolveConformConfig,
  type ConformConfig,
  type ConformConfigFile,
} from '../conform/conform-config.js';
import { battery } from '../conform/battery.js';
import type { RunConformanceOptions } from '../conform/run-conformance.js';
import { usageError } from '../errors.js';
import { durationFlag, mockOptionsFromFlags } from './mock-options-from-flags.js';
import { parseCommandArgs } from './parse-command-args.js';

const reporters = ['pretty', 'json', 'junit', 'html'] as const;
/** A conformance report's format. */
export type ConformReporter = (typeof reporters)[number];

/** What `qiscus-mock conform` was asked to do. */
export type ConformRequest =
  | { readonly help: true }
  | {
      readonly help: false;
      readonly reporter: ConformReporter;
      readonly out: string | undefined;
      /** Where the score badge goes (beside an HTML report by default). */
      readonly badge: string | undefined;
      readonly run: Omit<RunConformanceOptions, 'onProgress' | 'signal'>;
    };

/** Every file conform.yaml problems are named in, or a usage error. */
async function readConfigFile(
  path: string,
  cwd: string,
  given: boolean,
): Promise<ConformConfigFile> {
  let text: string;
  try {
    text = await readFile(path.startsWith('/') ? path : `${cwd}/${path}`, 'utf8');
  } catch (error) {
    if (!given && (error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw usageError(`--conform ${path} cannot be read: ${(error as Error).message}`);
  }
  const parsed = parseConformConfig(path, text);
  if (!parsed.ok) {
    throw usageError(
      [
        `${path} is invalid; nothing was run. Fix these and run again:`,
        ...parsed.problems.map((p) => `  ${p}`),
      ].join('\n'),
    );
  }
  return parsed.config;
}

function channelList(text: string): ChannelSource[] {
  return text.split(',').map((name) => {
    const parsed = ChannelSourceSchema.safeParse(name.trim());
    if (parsed.success) return parsed.data;
    const close = suggestField(name.trim(), ChannelSourceSchema.options);
    throw usageError(
      `--channels: "${name}" is not a channel${close ? `; did you mean "${close}"?` : ''} (one of ${ChannelSourceSchema.options.join(', ')})`,
    );
  });
}

function checkIds(ids: readonly string[], where: string): void {
  const known = battery.map((check) => check.id);
  for (const id of ids) {
    if (known.includes(id)) continue;
    const close = suggestField(id, known);
    throw usageError(
      `${where}: "${id}" is not a check${close ? `; did you mean "${close}"?` : ''}`,
    );
  }
}

function minScore(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!/^[0-9]+$/.test(text) || value > 100) {
    throw usageError(`--min-score must be a whole number from 0 to 100, not "${text}".`);
  }
  return value;
}

/**
 * Reads `qiscus-mock conform`'s arguments: conform.yaml (from --conform, or ./conform.yaml when
 * there is one), flags over it, the bot and the mock as `qiscus-mock test` takes them. Throws
 * HARNESS_ERR_USAGE naming a bad flag or every problem of conform.yaml with file:line:column.
 */
export async function conformRequestFromArgs(
  args: readonly string[],
  context: {
    readonly cwd: string;
    readonly env: Readonly<Record<string, string | undefined>>;
    readonly log: (line: string) => void;
  },
): Promise<ConformRequest> {
  const { values } = parseCommandArgs('conform', args, {
    ...serveFlags,
    'bot-cmd': { type: 'string' },
    reporter: { type: 'string' },
    out: { type: 'string', short: 'o' },
    badge: { type: 'string' },
    conform: { type: 'string' },
    channels: { type: 'string' },
    'no-handover': { type: 'boolean' },
    'handover-phrase': { type: 'string', multiple: true },
    'role-handover-phrase': { type: 'string', multiple: true },
    skip: { type: 'string', multiple: true },
    'min-score': { type: 'string' },
    timeout: { type: 'string' },
    'bot-start-timeout': { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) return { help: true };
  const reporter = reporters.find((name) => name === (values.reporter ?? 'pretty'));
  if (reporter === undefined) {
    throw usageError(
      `--reporter must be pretty, json, junit or html, not "${values.reporter ?? ''}".`,
    );
  }
  if (reporter === 'html' && values.out === undefined) {
    throw usageError(
      '--reporter html writes a file: give it with --out, such as --out conform.html.',
    );
  }
  const file = await readConfigFile(
    values.conform ?? 'conform.yaml',
    context.cwd,
    values.conform !== undefined,
  );
  checkIds(Object.keys(file.skip ?? {}), values.conform ?? 'conform.yaml skip');
  checkIds(values.skip ?? [], '--skip');
  const base = resolveConformConfig(file);
  const config: ConformConfig = {
    ...base,
    ...(values.channels === undefined ? {} : { channels: channelList(values.channels) }),
    ...(values['no-handover'] ? { handover: false } : {}),
    ...(values['handover-phrase'] ? { handoverPhrases: values['handover-phrase'] } : {}),
    ...(values['role-handover-phrase']
      ? { roleHandoverPhrases: values['role-handover-phrase'] }
      : {}),
    skip: {
      ...base.skip,
      ...Object.fromEntries((values.skip ?? []).map((id) => [id, 'skipped with --skip'])),
    },
    minScore: minScore(values['min-score']) ?? base.minScore,
  };
  const botUrl = values['bot-url'];
  const botCmd = values['bot-cmd'];
  const mock = await mockOptionsFromFlags('conform', values, context.log);
  const timeoutMs = durationFlag('timeout', values.timeout);
  const botStartTimeoutMs = durationFlag('bot-start-timeout', values['bot-start-timeout']);
  const badge =
    values.badge ??
    (reporter === 'html' && values.out ? values.out.replace(/\.html?$/i, '') + '.svg' : undefined);
  return {
    help: false,
    reporter,
    out: values.out,
    badge,
    run: {
      cwd: context.cwd,
      config,
      ...(botUrl === undefined ? {} : { botUrl }),
      ...(botCmd === undefined ? {} : { botCmd }),
      env: context.env,
      ...(timeoutMs === undefined ? {} : { timeoutMs }),
      ...(botStartTimeoutMs === undefined ? {} : { botStartTimeoutMs }),
      mock,
    },
  };
}
