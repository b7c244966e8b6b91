import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onTestFinished } from 'vitest';
import { runConversations, type RunProgress } from '#harness';
import type { MockServerOptions } from '#mock-server';

export interface InlineRunOptions {
  /** The mock's options besides `deterministic`, which is always on. */
  readonly mock?: Omit<MockServerOptions, 'deterministic'>;
  /** How many scripts run at once: 1 when a script changes what is the mock's for all. */
  readonly concurrency?: number;
  /** A bot already listening, instead of the reference bot. */
  readonly botUrl?: string;
  /** Hears the run's progress (a bot at `botUrl` learns the mock's URL from `bot-ready`). */
  readonly onProgress?: (event: RunProgress) => void;
}

/**
 * Writes the scripts (file name without `.yaml` → YAML text) into a fresh folder, removed when
 * the test ends, and runs them against the reference bot (or the bot at `botUrl`).
 */
export async function runInlineScripts(
  scripts: Readonly<Record<string, string>>,
  { mock = {}, concurrency, botUrl, onProgress }: InlineRunOptions = {},
) {
  const folder = await mkdtemp(join(tmpdir(), 'qiscus-mock-scripts-'));
  onTestFinished(() => rm(folder, { recursive: true, force: true }));
  for (const [name, text] of Object.entries(scripts)) {
    await writeFile(join(folder, `${name}.yaml`), text);
  }
  return runConversations({
    paths: ['.'],
    cwd: folder,
    mock: { ...mock, deterministic: true },
    ...(concurrency === undefined ? {} : { concurrency }),
    ...(botUrl === undefined ? {} : { botUrl }),
    ...(onProgress === undefined ? {} : { onProgress }),
  });
}
