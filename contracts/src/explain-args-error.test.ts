import { parseArgs } from 'node:util';
import { expect, it } from 'vitest';
import { explainArgsError } from './explain-args-error.js';

const flags = ['out', 'json', 'bot-url'];

/** What `parseArgs` throws on `args`, told in the commands' words. */
function explained(args: string[]): string {
  try {
    parseArgs({
      args,
      options: {
        out: { type: 'string', short: 'o' },
        json: { type: 'boolean' },
        'bot-url': { type: 'string' },
      },
      strict: true,
    });
  } catch (error) {
    return explainArgsError(error, flags);
  }
  return 'parsed';
}

it('names an unknown flag, and the flag probably meant when there is one', () => {
  expect(explained(['--outt'])).toBe('unknown flag --outt; did you mean --out?');
  expect(explained(['--bot_url=http://127.0.0.1:8000/'])).toBe(
    'unknown flag --bot_url; did you mean --bot-url?',
  );
  expect(explained(['--colour'])).toBe('unknown flag --colour');
});

it('says a flag needs a value, or takes none, naming the long flag', () => {
  expect(explained(['--out'])).toBe('--out needs a value: write --out VALUE');
  expect(explained(['-o'])).toBe('--out needs a value: write --out VALUE');
  expect(explained(['--json=yes'])).toBe('--json takes no value: write --json alone');
});

it('refuses an argument that is not a flag', () => {
  expect(explained(['scripts'])).toBe(
    'unexpected argument "scripts": this command takes flags only',
  );
});

it('keeps the words of an error it does not know', () => {
  expect(explainArgsError(new Error('something else'), flags)).toBe('something else');
  expect(explainArgsError('a string', flags)).toBe('a string');
  expect(explainArgsError(Object.assign(new Error("Odd 'x'"), { code: 'ERR_OTHER' }), flags)).toBe(
    "Odd 'x'",
  );
  expect(explainArgsError(null, flags)).toBe('null');
});
