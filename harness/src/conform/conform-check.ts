import type { ChannelSource } from '#contracts';
import type { ScriptResult } from '../run/run-result.js';
import type { ConformConfig } from './conform-config.js';
import type { ConformArea } from './conform-result.js';

/**
 * One conversation of a check, as a script would say it: the steps are the values a YAML script
 * holds (`{ customer: Hi }`, `{ bot: {} }` …), so the battery runs through the same parser and
 * runner as `qiscus-mock test`.
 */
export interface CheckScript {
  readonly name: string;
  readonly channel: ChannelSource;
  readonly steps: readonly unknown[];
  /**
   * Run at the same time as the other scripts marked so (rooms interleaved); the rest run one
   * after the other, so one check's switches and timings do not disturb another's.
   */
  readonly together?: boolean;
}

/** What a check looks at besides its own scripts: every script of the run. */
export interface RunView {
  readonly scripts: readonly ScriptResult[];
}

/** One check of the battery. */
export interface ConformCheck {
  readonly id: string;
  readonly area: ConformArea;
  readonly severity: 'must' | 'should';
  readonly title: string;
  readonly fact: string;
  readonly fix: string;
  /** Why the check does not apply to this bot, or null when it does. */
  readonly skipWhen?: (config: ConformConfig) => string | null;
  /** Why this build cannot run the check, or null when it can. */
  readonly notRunWhen?: () => string | null;
  readonly scripts: (config: ConformConfig) => readonly CheckScript[];
  /**
   * Why a conversation that failed does not count: the bot showed the check does not apply to it
   * (it sent no button to press, made no call to refuse), or null when it counts. A check whose
   * conversations all come to that is skipped with the reason, never passed.
   */
  readonly inapplicable?: (script: ScriptResult, run: RunView) => string | null;
  /**
   * A finding over the whole run (a contract breach in any conversation), or null; judged besides
   * the check's own scripts.
   */
  readonly judgeRun?: (run: RunView) => string | null;
}
