import { expect, it } from 'vitest';
import { checkContract } from './contract-issues.js';
import { z } from './zod.js';
import { WebUrlSchema } from './web-url.js';

const LinkSchema = z.strictObject({ url: WebUrlSchema });

/** The problems the contract finds in a link; an empty list when it takes it. */
function problemsOf(value: unknown) {
  const result = checkContract(LinkSchema, value);
  return result.ok ? [] : [...result.problems];
}

it('takes an http and an https URL, with a path, a query and a port', () => {
  for (const url of [
    'http://example.com',
    'https://example.com:8443/a/b?c=d#e',
    'HTTPS://EXAMPLE.COM',
  ]) {
    expect({ url, problems: problemsOf({ url }) }).toEqual({ url, problems: [] });
  }
});

it('refuses every other scheme, and text that is not a URL, in its own words', () => {
  for (const url of [
    'javascript:alert(1)',
    'ftp://example.com/file',
    'mailto:a@b.c',
    'httpss://example.com',
    'xhttp://example.com',
    'example.com',
    '',
  ]) {
    expect({ url, problems: problemsOf({ url }) }).toEqual({
      url,
      problems: [{ path: 'url', message: 'must be an http(s) URL' }],
    });
  }
});

it('leaves a missing URL to the wording of a required field', () => {
  expect(problemsOf({})).toEqual([{ path: 'url', message: 'is required (expected string)' }]);
});
