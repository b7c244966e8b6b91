import { describePattern, matchesPattern } from '../../script/parse-text-pattern.js';
import type { BotExpectation } from '../../script/step-body-schemas.js';
import type { BotMessageFacts } from './read-bot-message.js';

/** How a bot message compares with a `bot` step: what differs, in words. */
export interface BotMessageMatch {
  readonly ok: boolean;
  /** One entry per expectation the message does not meet: `its text is "Hi", expected /welcome/`. */
  readonly differences: readonly string[];
}

function list(items: readonly string[]): string {
  return `[${items.join(', ')}]`;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item, index) => item === b[index]);
}

/** What a `bot` step expects, in words: `a buttons message with text /menu/i`. */
export function describeExpectation(expect: BotExpectation): string {
  const parts: string[] = [];
  if (expect.text) parts.push(`text ${describePattern(expect.text)}`);
  if (expect.buttons) parts.push(`buttons ${list(expect.buttons)}`);
  if (expect.cards) parts.push(`cards ${list(expect.cards)}`);
  if (expect.url) parts.push(`url ${describePattern(expect.url)}`);
  const what = expect.type ? `a ${expect.type} message` : 'a bot message';
  return parts.length === 0
    ? expect.type
      ? what
      : 'any bot message'
    : `${what} with ${parts.join(', ')}`;
}

/**
 * Compares a bot message with what a step expects. Text and url match exactly or by pattern;
 * buttons and cards must be the same labels (titles) in the same order; every field the step
 * leaves out matches anything.
 */
export function matchBotMessage(facts: BotMessageFacts, expect: BotExpectation): BotMessageMatch {
  const differences: string[] = [];
  if (expect.type && facts.type !== expect.type) {
    differences.push(`its type is ${facts.type}, expected ${expect.type}`);
  }
  if (expect.text && !matchesPattern(expect.text, facts.text)) {
    differences.push(
      `its text is ${JSON.stringify(facts.text)}, expected ${describePattern(expect.text)}`,
    );
  }
  if (expect.buttons && !sameList(facts.buttons, expect.buttons)) {
    differences.push(
      facts.buttons.length === 0
        ? `it has no buttons, expected ${list(expect.buttons)}`
        : `its buttons are ${list(facts.buttons)}, expected ${list(expect.buttons)}`,
    );
  }
  if (expect.cards && !sameList(facts.cards, expect.cards)) {
    differences.push(
      facts.cards.length === 0
        ? `it has no cards, expected ${list(expect.cards)}`
        : `its cards are ${list(facts.cards)}, expected ${list(expect.cards)}`,
    );
  }
  if (expect.url && (facts.url === null || !matchesPattern(expect.url, facts.url))) {
    differences.push(
      facts.url === null
        ? `it has no url, expected ${describePattern(expect.url)}`
        : `its url is ${facts.url}, expected ${describePattern(expect.url)}`,
    );
  }
  return { ok: differences.length === 0, differences };
}
