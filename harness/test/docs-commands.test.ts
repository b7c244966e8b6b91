import { execFile, spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { request } from 'undici';
import { expect, it, onTestFinished } from 'vitest';
import { DeliveryListSchema, TrafficSchema } from '#contracts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const bin = join(root, 'bin', 'qiscus-mock.js');

/** The README, then each page its Reference list links to, in that order. */
async function pagesInReadingOrder(): Promise<{ file: string; text: string }[]> {
  const readme = await readFile(join(root, 'README.md'), 'utf8');
  const reference = readme.slice(readme.indexOf('## Reference'));
  const pages = [...reference.matchAll(/\]\((docs\/[a-z-]+\.md)\)/g)].map((match) => match[1]);
  const files = ['README.md', ...new Set(pages)].filter((file) => file !== undefined);
  return Promise.all(
    files.map(async (file) => ({ file, text: await readFile(join(root, file), 'utf8') })),
  );
}

/** The `sh` blocks of a page (indented ones in lists too), without their indentation. */
function shellBlocks(text: string): string[] {
  return [...text.matchAll(/^( *)```sh\n([\s\S]*?)^\1```$/gm)].map(([, indent = '', body = '']) =>
    body
      .split('\n')
      .map((line) => line.slice(indent.length))
      .join('\n'),
  );
}

it('runs every sh block of the README and the docs pages, in reading order, against npm start', async () => {
  const child = spawn(
    process.execPath,
    [bin, 'start', '--port', '0', '--bot-port', '0', '--quiet'],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  onTestFinished(() => {
    if (child.exitCode === null) child.kill('SIGKILL');
  });
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const first = (await lines.next()).value as string;
  const second = (await lines.next()).value as string;
  const mockUrl = /listening on (http:\/\/\S+)/.exec(first)?.[1] ?? '';
  const botUrl = /listening on (http:\/\/[^/\s]+)/.exec(second)?.[1] ?? '';
  expect([mockUrl, botUrl]).not.toContain('');

  // The blocks write what they make (reports, documents) into a folder of their own.
  const cwd = await mkdtemp(join(tmpdir(), 'qiscus-mock-docs-'));
  onTestFinished(() => rm(cwd, { recursive: true, force: true }));
  await symlink(join(root, 'examples'), join(cwd, 'examples'));

  const run = promisify(execFile);
  for (const { file, text } of await pagesInReadingOrder()) {
    for (const [index, block] of shellBlocks(text).entries()) {
      const script = block
        .replaceAll('http://127.0.0.1:3737', mockUrl)
        .replaceAll('http://127.0.0.1:3738', botUrl)
        .replaceAll('npx qiscus-mock ', `node ${bin} `);
      const result = await run('bash', ['-euo', 'pipefail', '-c', script], { cwd }).catch(
        (error: unknown) => error as { code: number; stdout: string; stderr: string },
      );
      const failed =
        'code' in result ? `exit ${String(result.code)}: ${result.stdout}${result.stderr}` : '';
      expect(`${file} block ${String(index + 1)} ${failed}`).toBe(
        `${file} block ${String(index + 1)} `,
      );
    }
  }

  // Only the refusal the curl block means to show; no SAME_DIVISION, no BOT_DISABLED.
  const traffic = TrafficSchema.parse(
    await (await request(`${mockUrl}/_mock/traffic`)).body.json(),
  );
  const refused = traffic.exchanges
    .filter((exchange) => exchange.direction !== 'to_bot' && (exchange.status ?? 0) >= 400)
    .map((exchange) => `${exchange.operation_id ?? exchange.path} ${String(exchange.status)}`);
  expect(refused).toEqual(['postBotMessage 400']);
  const { deliveries } = DeliveryListSchema.parse(
    await (await request(`${mockUrl}/_mock/deliveries`)).body.json(),
  );
  expect(deliveries.filter((delivery) => delivery.status !== 'delivered')).toEqual([]);
}, 400_000);
