import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';
import { parseConfigText } from '#mock-server';
import { startMock } from './support/start-mock.js';

const readme = await readFile(new URL('../../README.md', import.meta.url), 'utf8');

/** The first fenced block of a language after a heading of the README. */
function blockAfter(heading: string, language: string): string {
  const start = readme.indexOf(heading);
  if (start < 0) throw new Error(`the README has no "${heading}"`);
  const match = new RegExp('```' + language + '\\n([\\s\\S]*?)```').exec(readme.slice(start));
  if (!match?.[1]) throw new Error(`no ${language} block after "${heading}"`);
  return match[1];
}

it('runs every curl of the README against a fresh mock, with the answers the README promises', async () => {
  const server = await startMock();
  const script = blockAfter('### Try it with curl', 'sh').replace(
    'MOCK=http://127.0.0.1:3737',
    `MOCK=${server.url}`,
  );
  const { stdout } = await promisify(execFile)('bash', ['-euo', 'pipefail', '-c', script]);
  expect(stdout).not.toBe('');
  const calls = server.traffic
    .list()
    .filter((exchange) => exchange.direction !== 'to_bot')
    .map((exchange) => `${exchange.operation_id ?? exchange.path} ${exchange.status}`);
  expect(calls).toEqual([
    'sendCustomerMessage 200',
    ...Array<string>(7).fill('postBotMessage 200'),
    'sendCustomerMessage 200',
    'handOverToRole 200',
    'sendCustomerMessage 200',
    'postBotMessage 400',
    'handOver 200',
    'acceptHandover 200',
    'activateRoomBot 200',
    'getAppBot 200',
    'integrateAppBot 200',
    'setAppBotActivation 200',
  ]);
  const refused = server.traffic.list().find((exchange) => exchange.status === 400);
  expect(refused?.response?.body).toMatchObject({
    errors: { code: 'MESSAGE_TYPE_NOT_SUPPORTED' },
  });
});

it('accepts the config file example of the README', () => {
  const config = parseConfigText(blockAfter('### Config file', 'yaml'), 'mock.yaml');
  expect(config.app_code).toBe('my-app');
  expect(config.agents).toHaveLength(2);
});
