/**
 * The words of a message, lower-cased, for matching against word lists. Apostrophes are dropped
 * ("don't" → "dont", "Assalamu'alaikum" → "assalamualaikum") and every other mark splits words,
 * so "HELP!!" and "help" read the same.
 */
export function splitWords(text: string): string[] {
  return (
    text
      .toLowerCase()
      .replace(/['’`]/g, '')
      .match(/[\p{L}\p{N}]+/gu) ?? []
  );
}
