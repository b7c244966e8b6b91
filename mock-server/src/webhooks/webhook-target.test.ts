import { describe, expect, it } from 'vitest';
import { checkWebhookTarget, isLoopbackHost } from './webhook-target.js';

describe('isLoopbackHost', () => {
  it.each([
    'localhost',
    'LOCALHOST',
    '127.0.0.1',
    '127.255.0.9',
    '::1',
    '[::1]',
    '0:0:0:0:0:0:0:1',
    '[0:0:0:0:0:0:0:1]',
  ])('takes %s as this machine', (host) => {
    expect(isLoopbackHost(host)).toBe(true);
  });

  it.each([
    'example.com',
    'bot.localhost',
    'localhost.example.com',
    '10.0.0.127',
    '128.0.0.1',
    '127.example.com',
    '0.0.0.0',
    '::',
    '::2',
    // Only one pair of brackets, around the whole address, is taken off.
    '[[::1]',
    '[::1]]',
    '',
  ])('does not take %s as this machine', (host) => {
    expect(isLoopbackHost(host)).toBe(false);
  });
});

describe('checkWebhookTarget', () => {
  it('takes an http or https URL on this machine, and gives it back parsed', () => {
    for (const text of [
      'http://127.0.0.1:3738/bot?x=1',
      'https://localhost/',
      'http://[::1]:8080/',
    ]) {
      const check = checkWebhookTarget(text, false);
      expect(check).toEqual({ ok: true, url: new URL(text) });
    }
  });

  it('refuses what is not a URL, saying what one looks like', () => {
    expect(checkWebhookTarget('127.0.0.1:3738', false)).toEqual({
      ok: false,
      message: '"127.0.0.1:3738" is not a URL; give one such as http://127.0.0.1:3738/',
    });
    expect(checkWebhookTarget('not a url', false)).toEqual({
      ok: false,
      message: '"not a url" is not a URL; give one such as http://127.0.0.1:3738/',
    });
  });

  it('refuses a scheme other than http(s), even with remote targets allowed', () => {
    expect(checkWebhookTarget('ftp://127.0.0.1/', true)).toEqual({
      ok: false,
      message: 'must be an http(s) URL, not ftp:',
    });
  });

  it('refuses a user name or a password in the URL, even with remote targets allowed', () => {
    for (const text of ['http://bot@127.0.0.1/', 'http://:secret@127.0.0.1/']) {
      expect(checkWebhookTarget(text, true)).toEqual({
        ok: false,
        message: 'must not carry a user name or password',
      });
    }
  });

  it('refuses another machine unless remote targets are allowed', () => {
    expect(checkWebhookTarget('http://bot.example.com/hook', false)).toEqual({
      ok: false,
      message:
        'bot.example.com is not this machine: the mock sends webhooks only to loopback addresses unless started with --allow-remote-webhook',
    });
    expect(checkWebhookTarget('http://bot.example.com/hook', true)).toEqual({
      ok: true,
      url: new URL('http://bot.example.com/hook'),
    });
  });
});
