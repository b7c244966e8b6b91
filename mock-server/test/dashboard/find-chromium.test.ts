import { expect, it } from 'vitest';
import { findChromium } from './support/find-chromium.js';

const playwright = '/home/me/.cache/ms-playwright/chromium-1/chrome-linux64/chrome';
const installed =
  (...paths: string[]) =>
  (path: string) =>
    paths.includes(path);

it('takes the browser QISCUS_MOCK_CHROMIUM names first, and refuses one that is not there', () => {
  const env = { QISCUS_MOCK_CHROMIUM: '/opt/chrome/chrome' };
  expect(
    findChromium(env, installed('/opt/chrome/chrome', '/usr/bin/chromium'), () => playwright),
  ).toEqual({
    path: '/opt/chrome/chrome',
    from: 'QISCUS_MOCK_CHROMIUM',
  });
  expect(findChromium(env, installed('/usr/bin/chromium'), () => playwright)).toEqual({
    error: 'QISCUS_MOCK_CHROMIUM names /opt/chrome/chrome, which does not exist',
  });
});

it('takes playwright’s own Chromium when installed, then Debian’s, else none', () => {
  expect(findChromium({}, installed(playwright, '/usr/bin/chromium'), () => playwright)).toEqual({
    path: playwright,
    from: 'playwright',
  });
  expect(findChromium({}, installed('/usr/bin/chromium'), () => playwright)).toEqual({
    path: '/usr/bin/chromium',
    from: 'debian',
  });
  const noBrowser = () => {
    throw new Error('no browser of its own');
  };
  expect(findChromium({}, installed('/usr/bin/chromium'), noBrowser)).toEqual({
    path: '/usr/bin/chromium',
    from: 'debian',
  });
  expect(findChromium({}, installed(), noBrowser)).toBeNull();
});
