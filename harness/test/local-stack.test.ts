import { request } from 'undici';
import { expect, it } from 'vitest';
import { startLocalStack } from '#harness';

it('stops cleanly while customers keep writing to the bot', async () => {
  const stack = await startLocalStack({ mock: { deterministic: true } });
  const say = async (text: string) => {
    const answer = await request(`${stack.mock.url}/_mock/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        channel: 'qiscus',
        customer: { id: `busy-${text.length}@example.com` },
        text,
      }),
    });
    await answer.body.dump();
    return answer.statusCode;
  };
  expect(await say('hi')).toBe(200);

  let stopped = false;
  let written = 0;
  // Eight customers write until the mock is gone: each message is a webhook the bot answers.
  const customers = Array.from({ length: 8 }, async (_, index) => {
    while (!stopped) {
      try {
        if ((await say(`question ${index}.${written}`)) === 200) written += 1;
      } catch {
        return;
      }
    }
  });
  while (written < 20) await say('more');
  await stack.close();
  stopped = true;
  await Promise.all(customers);

  expect(written).toBeGreaterThanOrEqual(20);
  expect(stack.bot.failures().filter((failure) => failure.code !== 'BOT_ERR_UNREACHABLE')).toEqual(
    [],
  );
});
