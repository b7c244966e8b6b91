import type { MockServerOptions } from '#mock-server';
import type { LoadedScript } from '../script/script-schema.js';
import type { ScriptResult } from './run-result.js';

/** What `runConversations` runs, against which bot, and how. */
export interface RunConversationsOptions {
  /** Script files or folders (folders searched recursively for *.yaml, *.yml, *.json scripts). */
  readonly paths: readonly string[];
  /** Scripts already loaded (built in code, as `conform` does), run after those of `paths`. */
  readonly scripts?: readonly LoadedScript[];
  /** Resolves relative paths and names files in results (default: process.cwd() passed by the CLI). */
  readonly cwd: string;
  /** The bot's webhook URL (a bot already running, or with botCmd the URL it will listen on). */
  readonly botUrl?: string;
  /**
   * A shell command that starts the bot under test; gets QISCUS_BASE_URL, QISCUS_APP_CODE,
   * QISCUS_SECRET_KEY, QISCUS_BOT_EMAIL and PORT.
   */
  readonly botCmd?: string;
  /**
   * Environment for botCmd (the CLI passes process.env; the engine adds the QISCUS_* and PORT).
   * Without it the bot gets only those.
   */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Scripts run at once (default from the core count). */
  readonly concurrency?: number;
  /** Default timeout of each expectation (default 2000 ms; a script or step may set its own). */
  readonly timeoutMs?: number;
  /** How long a spawned bot may take to answer (default 15000 ms). */
  readonly botStartTimeoutMs?: number;
  /** The mock's options (port, seed, config …). */
  readonly mock?: MockServerOptions;
  /** Record each script's exchanges to `dir/<script name>.jsonl`; `scrub` as `serve --scrub`. */
  readonly record?: { readonly dir: string; readonly scrub: boolean };
  /** Called as the run goes, for progress output. */
  readonly onProgress?: (event: RunProgress) => void;
  /** Aborting stops the run: scripts in progress end as errors, the bot is stopped. */
  readonly signal?: AbortSignal;
}

/** What happens as a run goes, in order: scripts loaded, the bot ready, each script started and finished. */
export type RunProgress =
  | { readonly type: 'loaded'; readonly scripts: number }
  | {
      /** A bot at --bot-url did not answer at once; the run waits up to `timeoutMs` for it. */
      readonly type: 'bot-waiting';
      readonly url: string;
      readonly mockUrl: string;
      readonly timeoutMs: number;
    }
  | {
      readonly type: 'bot-ready';
      readonly kind: 'reference' | 'url' | 'command';
      readonly url: string;
      readonly mockUrl: string;
    }
  | { readonly type: 'script-started'; readonly file: string; readonly name: string }
  | {
      readonly type: 'script-finished';
      /** The script's place in the run (the order its results are listed in). */
      readonly index: number;
      readonly result: ScriptResult;
    };
