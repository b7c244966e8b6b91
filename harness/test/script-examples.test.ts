import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it, onTestFinished } from 'vitest';
import { runConversations } from '#harness';
import { parseScriptText } from '../src/script/parse-script-text.js';

const page = fileURLToPath(new URL('../../docs/scripts.md', import.meta.url));

/** The page on conversation scripts, from its script format on. */
async function scriptSection(): Promise<string> {
  const text = await readFile(page, 'utf8');
  return text.slice(text.indexOf('## The script format'));
}

function yamlBlocks(section: string): string[] {
  return [...section.matchAll(/```yaml\n([\s\S]*?)```/g)].map((match) => match[1] ?? '');
}

function problemsOf(text: string): readonly string[] {
  const parsed = parseScriptText('docs/scripts.md', text, false);
  return parsed.ok ? [] : parsed.problems;
}

it('loads the README’s example script, its timeout example and every step of its table', async () => {
  const section = await scriptSection();
  const [script = '', timeouts = ''] = yamlBlocks(section);
  const table = section.slice(section.indexOf('Steps, one kind per step:'));
  const rows = table.slice(0, table.indexOf('\n\n', table.indexOf('| step')));
  const steps = [...rows.matchAll(/^\| `([^`]+)`(?: \(or `([^`]+)`\))?/gm)].flatMap((match) =>
    [match[1], match[2]].filter((step): step is string => step !== undefined),
  );
  expect(steps).toHaveLength(19);

  expect(problemsOf(script)).toEqual([]);
  const indented = (lines: string) =>
    lines
      .trimEnd()
      .split('\n')
      .map((line) => `  ${line}`)
      .join('\n');
  expect(problemsOf(`channel: qiscus\nsteps:\n  - customer: Hi\n${indented(timeouts)}\n`)).toEqual(
    [],
  );
  for (const step of steps) {
    expect([
      step,
      ...problemsOf(`channel: qiscus\nsteps:\n  - customer: Hi\n  - ${step}\n`),
    ]).toEqual([step]);
  }
});

it('passes the README’s example script against the reference bot', async () => {
  const [script = ''] = yamlBlocks(await scriptSection());
  const folder = await mkdtemp(join(tmpdir(), 'qiscus-mock-readme-'));
  onTestFinished(() => rm(folder, { recursive: true, force: true }));
  await writeFile(join(folder, 'billing.yaml'), script);

  const result = await runConversations({ paths: ['billing.yaml'], cwd: folder });

  const failed = result.scripts[0]?.steps.find((step) => step.status === 'failed');
  expect(failed?.message ?? null).toBeNull();
  expect(result.summary).toMatchObject({ scripts: 1, passed: 1 });
});
