import { request } from 'undici';
import { expect, it } from 'vitest';
import { startMock } from './support/start-mock.js';

it('serves the dashboard at / with its own scripts only, and its files under /dashboard/', async () => {
  const server = await startMock();
  const page = await request(`${server.url}/`);
  expect(page.statusCode).toBe(200);
  expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
  expect(page.headers['content-security-policy']).toContain("script-src 'self'");
  expect(page.headers['x-content-type-options']).toBe('nosniff');
  const html = await page.body.text();
  expect(html).toContain('<script type="module" src="/dashboard/main.js"></script>');

  const script = await request(`${server.url}/dashboard/main.js`);
  expect([script.statusCode, script.headers['content-type']]).toEqual([
    200,
    'text/javascript; charset=utf-8',
  ]);
  expect(await script.body.text()).toContain("from './store.js'");
  const style = await request(`${server.url}/dashboard/base.css`);
  expect([style.statusCode, style.headers['content-type']]).toEqual([
    200,
    'text/css; charset=utf-8',
  ]);
  await style.body.dump();
});

it('answers nothing else under /dashboard/, and only requests addressed to this machine', async () => {
  const server = await startMock();
  for (const path of [
    '/dashboard/nope.js',
    '/dashboard/../package.json',
    '/dashboard/index.html',
  ]) {
    const missing = await request(`${server.url}${path}`);
    expect([path, missing.statusCode]).toEqual([path, 404]);
    // Outside /_mock the mock answers as Qiscus would, in its error envelope.
    expect(await missing.body.json()).toMatchObject({ errors: { code: 'ROUTE_NOT_FOUND' } });
  }
  for (const path of ['/', '/dashboard/main.js']) {
    const rebound = await request(`${server.url}${path}`, { headers: { host: 'evil.example' } });
    expect([path, rebound.statusCode]).toEqual([path, 421]);
    expect(JSON.stringify(await rebound.body.json())).toContain('--allowed-host evil.example');
  }
});
