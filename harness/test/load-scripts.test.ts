import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { HarnessError, loadScripts } from '#harness';

// Paths in messages are relative to the working directory: the repository root here.
const root = fileURLToPath(new URL('../..', import.meta.url));

async function problemsOf(paths: readonly string[]): Promise<string> {
  try {
    await loadScripts(paths, root);
  } catch (error) {
    if (error instanceof HarnessError && error.code === 'HARNESS_ERR_SCRIPT') return error.message;
    throw error;
  }
  throw new Error('the scripts loaded');
}

it('lists every problem of every invalid script at once, each with file:line:column', async () => {
  expect(await problemsOf(['harness/test/fixtures/invalid'])).toMatchInlineSnapshot(`
    "5 of 5 script files are invalid; nothing was run. Fix these and run again:
      harness/test/fixtures/invalid/bad-regex.yaml:5:18: steps[1].bot.text is not a valid regular expression (unterminated character class): write /pattern/flags (flags among d, g, i, m, s, u, v, y), or the exact text
      harness/test/fixtures/invalid/bad-yaml.yaml:5:4: is not valid YAML: All sequence items must start at the same column
      harness/test/fixtures/invalid/broken.json:4:3: is not valid JSON: found \`"\`, expected \`,\` or \`}\`
      harness/test/fixtures/invalid/unknown-step.yaml:5:5: steps[1].custmer is not a step kind; did you mean "customer"?
      harness/test/fixtures/invalid/unknown-step.yaml:6:12: steps[2].bot.txt is not a field here; did you mean "text"?
      harness/test/fixtures/invalid/wrong-type.yaml:2:10: channel must be one of qiscus, wa, ig, telegram, line, fb, custom, not the text "whatsapp"; did you mean "wa"?
      harness/test/fixtures/invalid/wrong-type.yaml:3:29: customer.id must be a text, not the number 6281234567890; put it in quotes: "6281234567890"
      harness/test/fixtures/invalid/wrong-type.yaml:4:10: timeout must be a duration, not the bare number 2: write it with a unit, such as 500ms, 2s, 1.5s or 1m
      harness/test/fixtures/invalid/wrong-type.yaml:7:17: steps[1].bot_active must be true or false (the room's bot switch), not "maybe""
  `);
});

it('names a path that does not exist, and a folder without scripts', async () => {
  expect(await problemsOf(['harness/test/fixtures/nowhere', 'harness/src/run']))
    .toMatchInlineSnapshot(`
    "The scripts cannot be loaded; nothing was run:
      harness/test/fixtures/nowhere: no such file or folder
      harness/src/run: the folder holds no scripts (*.yaml, *.yml or *.json)"
  `);
});

it('says how many of the files are invalid with the verb of that count', async () => {
  const head = (
    await problemsOf([
      'harness/test/fixtures/invalid/bad-yaml.yaml',
      'harness/test/fixtures/cli/passing',
    ])
  ).split('\n')[0];
  expect(head).toBe('1 of 3 script files is invalid; nothing was run. Fix these and run again:');
});

it('counts a path that names no scripts apart from the invalid files in the line above them', async () => {
  expect(
    await problemsOf([
      'harness/test/fixtures/nowhere',
      'harness/test/fixtures/invalid/broken.json',
    ]),
  ).toMatchInlineSnapshot(`
    "1 of 1 script file is invalid, and 1 path names none; nothing was run. Fix these and run again:
      harness/test/fixtures/nowhere: no such file or folder
      harness/test/fixtures/invalid/broken.json:4:3: is not valid JSON: found \`"\`, expected \`,\` or \`}\`"
  `);
});
