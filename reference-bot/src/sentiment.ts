import { splitWords } from './split-words.js';

// How strongly each word leans, English and Indonesian (with the chat spellings customers type)
// side by side: below zero negative, above zero positive.
const wordsByScore: readonly (readonly [number, string])[] = [
  [-3, 'terrible awful horrible worst hate scam fraud unacceptable furious sucks pathetic'],
  [-3, 'penipu penipuan tipu ditipu benci'],
  [-2, 'angry useless disappointed disappointing bad poor worse upset annoyed annoying'],
  [-2, 'frustrated frustrating ridiculous rubbish garbage'],
  [-2, 'kecewa mengecewakan marah buruk jelek parah kesal kesel sebel payah nyebelin sampah'],
  [-2, 'bohong rugi'],
  [-1, 'slow late broken lambat lemot lelet lama ribet rusak'],
  [1, 'fast quick thanks thank cepat makasih'],
  [2, 'good happy nice helpful satisfied bagus keren puas senang suka ramah membantu'],
  [3, 'great excellent awesome amazing perfect love mantap hebat'],
];
const wordScores = new Map(
  wordsByScore.flatMap(([score, words]) => splitWords(words).map((word) => [word, score] as const)),
);

// A negation up to three words before a scored word flips it: "not good", "not very good",
// "tidak bagus", "kurang bagus". Simple on purpose: "not only slow but awful" still counts awful.
const negations = new Set(
  splitWords(`not no never isn't wasn't aren't don't doesn't didn't can't cannot won't
    tidak tak gak ga nggak enggak bukan kurang belum`),
);
const negationReach = 3;

// An intensifier doubles the word it leans on: English and "sangat" go before it ("very slow"),
// Indonesian "banget" and "sekali" after it ("lambat banget").
const intensifiersBefore = new Set(['very', 'so', 'really', 'extremely', 'super', 'sangat']);
const intensifiersAfter = new Set(['banget', 'bgt', 'sekali', 'amat']);

// A single mild word ("slow", "lambat") is not enough to call a customer unhappy.
const negativeAtOrBelow = -2;

/**
 * How positive a message is, from its words: below zero negative, above zero positive, 0 when no
 * word of the list appears. Case and punctuation do not matter.
 */
export function scoreSentiment(text: string): number {
  const words = splitWords(text);
  let score = 0;
  words.forEach((word, index) => {
    const leaning = wordScores.get(word);
    if (leaning === undefined) return;
    const negated = words
      .slice(Math.max(0, index - negationReach), index)
      .some((before) => negations.has(before));
    const intensified =
      intensifiersBefore.has(words[index - 1] ?? '') ||
      intensifiersAfter.has(words[index + 1] ?? '');
    score += leaning * (intensified ? 2 : 1) * (negated ? -1 : 1);
  });
  return score;
}

/** Whether a message is negative enough for a person to take over ("terrible", "lambat banget"). */
export function isNegative(text: string): boolean {
  return scoreSentiment(text) <= negativeAtOrBelow;
}
