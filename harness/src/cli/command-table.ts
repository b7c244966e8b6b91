import type { Command } from './command.js';

/** A command as `qiscus-mock --help` lists it, and how to load it when it runs. */
export interface CommandEntry {
  readonly name: string;
  /** One line for the command list. */
  readonly summary: string;
  /** Imports the command's module: only the command that runs is ever loaded. */
  readonly load: () => Promise<Command>;
}

/**
 * Every command, in the order `--help` lists them. `--help` and `--version` load none of them,
 * so they answer at once. To add a command, write its `<name>.command.ts` exporting a `Command`
 * and add its line here.
 */
export const commandTable: readonly CommandEntry[] = [
  {
    name: 'serve',
    summary: 'start the mock Qiscus bot API (default 127.0.0.1:3737)',
    load: async () => (await import('#mock-server')).serveCommand,
  },
  {
    name: 'start',
    summary: 'start the mock and the reference bot together, wired (npm start)',
    load: async () => (await import('./start.command.js')).startCommand,
  },
  {
    name: 'test',
    summary: 'run conversation scripts against a bot; pretty, JSON or JUnit report',
    load: async () => (await import('./test.command.js')).testCommand,
  },
  {
    name: 'conform',
    summary:
      'the built-in conformance battery against a bot; a score and a pretty/JSON/JUnit/HTML report',
    load: async () => (await import('./conform.command.js')).conformCommand,
  },
  {
    name: 'reference-bot',
    summary: 'start the bundled reference bot (default 127.0.0.1:3738)',
    load: async () => (await import('#reference-bot')).referenceBotCommand,
  },
  {
    name: 'openapi',
    summary: 'write the OpenAPI 3.1 document of the Qiscus bot API',
    load: async () => (await import('./openapi.command.js')).openapiCommand,
  },

  {
    name: 'replay',
    summary: 'replay recordings against a bot and diff turn by turn; --update re-baselines',
    load: async () => (await import('./replay.command.js')).replayCommand,
  },
  {
    name: 'validate',
    summary: 're-check recordings against the current contracts (a drift check)',
    load: async () => (await import('./validate.command.js')).validateCommand,
  },
  {
    name: 'script',
    summary: 'turn a recording into conversation scripts (YAML, one per room)',
    load: async () => (await import('./script.command.js')).scriptCommand,
  },
];
