import { expect, it } from 'vitest';
import { isNegative, scoreSentiment } from './sentiment.js';

it.each([
  'This is terrible',
  'awful service',
  'the worst app',
  'I am angry',
  'useless bot',
  'I hate waiting',
  'so disappointed',
  'what a scam',
  'pelayanan buruk',
  'saya kecewa',
  'saya marah',
  'jelek',
  'parah',
  'dasar penipu',
  'kesal',
])('finds "%s" negative', (text) => {
  expect(scoreSentiment(text)).toBeLessThan(0);
  expect(isNegative(text)).toBe(true);
});

it.each(['great service, thank you', 'very helpful', 'mantap, pelayanannya bagus', 'saya puas'])(
  'finds "%s" positive',
  (text) => {
    expect(scoreSentiment(text)).toBeGreaterThan(0);
    expect(isNegative(text)).toBe(false);
  },
);

it.each(['what time do you open?', 'jam berapa buka?', 'menu', ''])(
  'scores "%s", which has no word of the list, as 0',
  (text) => {
    expect(scoreSentiment(text)).toBe(0);
  },
);

it.each([
  ['not good', 'good'],
  ["isn't very good", 'very good'],
  ['tidak bagus', 'bagus'],
  ['kurang bagus', 'bagus'],
  ['gak puas', 'puas'],
])('turns "%s" negative, where "%s" alone is positive', (negated, plain) => {
  expect(scoreSentiment(plain)).toBeGreaterThan(0);
  expect(scoreSentiment(negated)).toBe(-scoreSentiment(plain));
  expect(isNegative(negated)).toBe(true);
});

it('turns "not bad" positive', () => {
  expect(scoreSentiment('not bad')).toBeGreaterThan(0);
  expect(isNegative('not bad')).toBe(false);
});

it.each([
  ['lambat banget', 'lambat'],
  ['lambat sekali', 'lambat'],
  ['very slow', 'slow'],
  ['sangat lambat', 'lambat'],
])('counts "%s" twice as strongly as "%s", enough to be negative', (intensified, plain) => {
  expect(scoreSentiment(intensified)).toBe(2 * scoreSentiment(plain));
  expect(isNegative(plain)).toBe(false);
  expect(isNegative(intensified)).toBe(true);
});

it('ignores case and punctuation', () => {
  expect(scoreSentiment('TERRIBLE!!!')).toBe(scoreSentiment('terrible'));
  expect(scoreSentiment('Not...good?')).toBe(scoreSentiment('not good'));
});

it('adds the words of a message up', () => {
  expect(scoreSentiment('terrible and slow')).toBe(
    scoreSentiment('terrible') + scoreSentiment('slow'),
  );
  expect(isNegative('the food was bad but the staff were great')).toBe(false);
});
