import { expect } from 'vitest';
import type { ErrorCode, Exchange } from '#contracts';
import type { BotAndMock } from './start-bot-and-mock.js';

function codeOf(exchange: Exchange): unknown {
  const body = exchange.response?.body;
  if (typeof body !== 'object' || body === null || !('errors' in body)) return undefined;
  const { errors } = body;
  return typeof errors === 'object' && errors !== null && 'code' in errors
    ? errors.code
    : undefined;
}

function describeExchange(exchange: Exchange): string {
  const code = codeOf(exchange);
  const said = typeof code === 'string' ? ` ${code}` : '';
  return `${exchange.operation_id ?? exchange.path} → ${exchange.status ?? 'no answer'}${said}`;
}

/**
 * Checks that the mock and the bot got on: the bot called the mock at least once, the mock
 * accepted every call of the bot (200, no contract warnings, no flags), the bot accepted every
 * webhook, and the bot recorded no failure. `allowed` names refusals a test expects, and checks
 * apart. Soft: the test goes on, so its own assertions report what the refusals cost.
 */
export function expectNoRefusals(
  { mock, bot }: BotAndMock,
  options: { readonly allowed?: readonly ErrorCode[] } = {},
): void {
  const allowed: readonly unknown[] = options.allowed ?? [];
  const exchanges = mock.traffic.list();
  const fromBot = exchanges.filter((exchange) => exchange.direction === 'from_bot');
  const toBot = exchanges.filter((exchange) => exchange.direction === 'to_bot');
  expect.soft(fromBot.length, 'the bot never called the mock').toBeGreaterThan(0);
  expect
    .soft({
      refusedByTheMock: fromBot
        .filter((exchange) => exchange.status !== 200 && !allowed.includes(codeOf(exchange)))
        .map(describeExchange),
      warnedByTheMock: fromBot
        .filter((exchange) => exchange.warnings.length > 0)
        .map((exchange) => ({ call: describeExchange(exchange), warnings: exchange.warnings })),
      flaggedByTheMock: fromBot
        .filter((exchange) => exchange.flags.length > 0)
        .map((exchange) => ({ call: describeExchange(exchange), flags: exchange.flags })),
      refusedByTheBot: toBot.filter((exchange) => exchange.status !== 200).map(describeExchange),
      failuresOfTheBot: bot.failures(),
    })
    .toEqual({
      refusedByTheMock: [],
      warnedByTheMock: [],
      flaggedByTheMock: [],
      refusedByTheBot: [],
      failuresOfTheBot: [],
    });
}
