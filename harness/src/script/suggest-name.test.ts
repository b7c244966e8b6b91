import { expect, it } from 'vitest';
import { suggestName } from './suggest-name.js';

it('suggests the known name a typo was meant to be, and nothing for a word far from all', () => {
  const kinds = ['customer', 'bot', 'handover', 'silence', 'agent', 'resolve', 'bot_active'];
  expect(suggestName('custmer', kinds)).toBe('customer');
  expect(suggestName('handvoer', kinds)).toBe('handover');
  expect(suggestName('Bot', kinds)).toBe('bot');
  expect(suggestName('weather', kinds)).toBeUndefined();
});
