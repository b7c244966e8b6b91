import type { Exchange } from '#contracts';

/** What a scrubbed value was: each kind has its own numbering and its own placeholder. */
type Kind = 'name' | 'email' | 'phone' | 'url';

const placeholders: Readonly<Record<Kind, (n: number) => string>> = {
  name: (n) => `Person ${n}`,
  email: (n) => `person${n}@example.invalid`,
  phone: (n) => `628000${String(n).padStart(7, '0')}`,
  url: (n) => `https://scrubbed.example.invalid/file-${n}`,
};

/** Recognises a value `--scrub` wrote, so a scrubbed recording can be scrubbed again unchanged. */
const placeholderPattern =
  /^(?:Person \d+|person\d+@example\.invalid|628000\d{7}|https:\/\/scrubbed\.example\.invalid\/file-\d+)$/;

/** The stand-ins inside any text, with the number each carries, by kind. */
const numberedPlaceholders: readonly (readonly [Kind, RegExp])[] = [
  ['name', /Person (\d+)/g],
  ['email', /person(\d+)@example\.invalid/g],
  ['phone', /628000(\d{7})/g],
  ['url', /https:\/\/scrubbed\.example\.invalid\/file-(\d+)/g],
];

/** A word of a name worth finding on its own in free text: "Budi" of "Budi Santoso". */
const namePart = /^\p{Lu}[\p{L}'’-]{2,}$/u;

/** Whether `value` is a stand-in that `--scrub` wrote in place of a person's data. */
export function isScrubbedPlaceholder(value: string): boolean {
  return placeholderPattern.test(value);
}

/** Keys whose string value is a person's name wherever they appear. */
const nameKeys = new Set(['username', 'customer_name', 'sender_name', 'display_name', 'full_name']);
/** Objects whose `name` is a person's: the customer, the sender, an agent (or a list of them). */
const personKeys = new Set([
  'from',
  'customer',
  'user',
  'agent',
  'sender',
  'assigned_agent',
  'added_agent',
  'agents',
]);
/** Keys whose http(s) value is an attachment or a picture of someone. */
const urlKeys = new Set([
  'url',
  'file_url',
  'image',
  'image_url',
  'avatar',
  'avatar_url',
  'thumbnail_url',
]);

const emailPattern = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/g;
// 11 to 15 digits: room ids (9) and comment ids (10) stay as they are.
const phonePattern = /(?<![\w+])\+?\d{11,15}(?!\w)/g;
const wholePhone = /^\+?\d{11,15}$/;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Replaces names, phone numbers, e-mails and attachment URLs with stand-ins, deterministically:
 * within one recording (one Scrubber) the same value always gets the same stand-in, so a
 * scrubbed recording still replays. Values in `keep` (the bot's address, the app code) stay.
 */
export class Scrubber {
  private readonly seen = new Map<string, string>();
  private readonly counts: Record<Kind, number> = { name: 0, email: 0, phone: 0, url: 0 };
  /** Names, their words, and URLs seen so far, to find inside free text too. */
  private readonly inText = new Set<string>();
  private known: RegExp | null = null;

  constructor(private readonly keep: ReadonlySet<string>) {}

  /**
   * Notes the stand-ins already in `value` (a line of a scrubbed recording), so the new ones this
   * scrubber makes continue their numbering instead of reusing a number that means someone else.
   */
  continueAfter(value: unknown): void {
    if (typeof value === 'string') {
      for (const [kind, pattern] of numberedPlaceholders) {
        for (const match of value.matchAll(pattern)) {
          this.counts[kind] = Math.max(this.counts[kind], Number(match[1]));
        }
      }
    } else if (Array.isArray(value)) {
      for (const item of value) this.continueAfter(item);
    } else if (typeof value === 'object' && value !== null) {
      for (const inner of Object.values(value)) this.continueAfter(inner);
    }
  }

  /** The exchange with its paths, headers and bodies scrubbed. */
  scrub(exchange: Exchange): Exchange {
    this.collect(exchange.request.body, null);
    if (exchange.response) this.collect(exchange.response.body, null);
    return {
      ...exchange,
      path: this.text(exchange.path),
      request: {
        headers: Object.fromEntries(
          Object.entries(exchange.request.headers).map(([name, value]) => [name, this.text(value)]),
        ),
        body: this.walk(exchange.request.body),
      },
      response: exchange.response ? { body: this.walk(exchange.response.body) } : null,
      error: exchange.error === null ? null : this.text(exchange.error),
    };
  }

  private replacement(kind: Kind, value: string): string {
    const known = this.seen.get(value);
    if (known !== undefined) return known;
    this.counts[kind] += 1;
    const stand = placeholders[kind](this.counts[kind]);
    this.seen.set(value, stand);
    if (kind === 'name' || kind === 'url') {
      this.inText.add(value);
      this.known = null;
    }
    // A greeting uses the first name alone ("Hi Budi!"): each word of the name becomes the
    // stand-in's word in its place, which is what the bot says when it is given the stand-in.
    if (kind === 'name') {
      const words = stand.split(' ');
      value.split(/\s+/).forEach((word, index) => {
        if (!namePart.test(word) || this.seen.has(word) || this.keep.has(word)) return;
        this.seen.set(word, words[index] ?? stand);
        this.inText.add(word);
      });
    }
    return stand;
  }

  /** First pass: names and URLs found by their keys, so free text elsewhere can be scrubbed too. */
  private collect(value: unknown, key: string | null, personal = false): void {
    if (typeof value === 'string') {
      if (this.keep.has(value) || isScrubbedPlaceholder(value) || value.trim() === '') return;
      const isName = nameKeys.has(key ?? '') || (key === 'name' && personal);
      if (isName) this.replacement('name', value);
      else if (urlKeys.has(key ?? '') && /^https?:\/\//.test(value)) this.replacement('url', value);
      return;
    }
    if (Array.isArray(value)) {
      for (const item of value) this.collect(item, key, personal);
    } else if (typeof value === 'object' && value !== null) {
      // Someone's record: under a key that says so, or beside their e-mail address (an agent
      // of the admin API, wherever it is nested).
      const record = value as Record<string, unknown>;
      const isPerson =
        personKeys.has(key ?? '') ||
        (typeof record.email === 'string' && record.email.includes('@'));
      for (const [inner, child] of Object.entries(value)) this.collect(child, inner, isPerson);
    }
  }

  private walk(value: unknown): unknown {
    if (typeof value === 'string') return this.text(value);
    if (Array.isArray(value)) return value.map((item) => this.walk(item));
    if (typeof value === 'object' && value !== null) {
      return Object.fromEntries(
        Object.entries(value).map(([key, inner]) => [key, this.walk(inner)]),
      );
    }
    return value;
  }

  /** Free text: known names and URLs, every e-mail and phone number. */
  private text(value: string): string {
    if (this.keep.has(value) || isScrubbedPlaceholder(value)) return value;
    const whole = this.seen.get(value);
    if (whole !== undefined) return whole;
    if (wholePhone.test(value)) return this.replacement('phone', value);
    let out = value;
    const known = this.knownPattern();
    if (known) out = out.replace(known, (match) => this.seen.get(match) ?? match);
    out = out.replace(emailPattern, (match) =>
      this.keep.has(match) || isScrubbedPlaceholder(match)
        ? match
        : this.replacement('email', match),
    );
    return out.replace(phonePattern, (match) =>
      isScrubbedPlaceholder(match) ? match : this.replacement('phone', match),
    );
  }

  private knownPattern(): RegExp | null {
    if (this.known) return this.known;
    const values = [...this.inText].sort((a, b) => b.length - a.length);
    if (values.length === 0) return null;
    this.known = new RegExp(
      values.map((value) => `(?<![\\w])${escapeRegExp(value)}(?![\\w])`).join('|'),
      'g',
    );
    return this.known;
  }
}
