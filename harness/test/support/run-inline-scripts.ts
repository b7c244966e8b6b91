import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onTestFinished } from 'vitest';
import { runConversations } from '#harness';
import type { MockServerOptions } from '#mock-server';

export interface InlineRunOptions {
  /** The mock's options besides `deterministic`, which is always on. */
  readonly mock?: Omit<MockServerOptions, 'deterministic'>;
  /** How many scripts run at once: 1 when a script changes what is the mock's for all. */
  readonly concurrency?: number;
}

/**
 * Writes the scripts (file name without `.yaml` → YAML text) into a fresh folder, removed when
 * the test ends, and runs them against the reference bot.
 */
export async function runInlineScripts(
  scripts: Readonly<Record<string, string>>,
  { mock = {}, concurrency }: InlineRunOptions = {},
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
  });
}
