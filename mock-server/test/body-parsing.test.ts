import { request } from 'undici';
import { describe, expect, it } from 'vitest';
import { getTraffic, sendCustomerMessage, setAppBotActivation } from '#contracts';
import type { MockServer } from '#mock-server';
import { callControl } from './support/call-control.js';
import { credentialHeaders } from './support/call-qiscus.js';
import { startMock } from './support/start-mock.js';

/** A customer message through the control API, with the body and headers exactly as given. */
async function sendMessage(
  server: MockServer,
  body: string | Buffer,
  headers: Record<string, string> = {},
) {
  const response = await request(`${server.url}${sendCustomerMessage.path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
  const text = await response.body.text();
  return { status: response.statusCode, problem: JSON.parse(text) as Record<string, unknown> };
}

/** The app's bot switch (a Qiscus operation that takes a form), with the body as given. */
async function switchBot(
  server: MockServer,
  contentType: string,
  body: string | Buffer,
  headers: Record<string, string> = {},
) {
  const response = await request(`${server.url}${setAppBotActivation.path}`, {
    method: 'POST',
    headers: {
      ...credentialHeaders(server, 'adminTokenAndAppId'),
      'content-type': contentType,
      ...headers,
    },
    body,
  });
  const text = await response.body.text();
  return { status: response.statusCode, body: JSON.parse(text) as Record<string, unknown> };
}

const hello = JSON.stringify({ channel: 'wa', text: 'Hi' });

describe('the charset of a JSON body', () => {
  it.each([
    'application/json; charset=utf-8',
    'application/json; charset=UTF8',
    'application/json;charset="utf-8"',
  ])('takes %s', async (contentType) => {
    const answer = await sendMessage(await startMock(), hello, { 'content-type': contentType });
    expect(answer.status).toBe(200);
  });

  it.each([
    ['application/json;charset=latin1', 'latin1'],
    ['application/json; charset = latin1', 'latin1'],
    ['application/json; charset= latin1', 'latin1'],
    ['application/json; charset=xutf-8', 'xutf-8'],
    ['application/json; charset=utf-80', 'utf-80'],
  ])('refuses %s, naming the charset', async (contentType, charset) => {
    const answer = await sendMessage(await startMock(), hello, { 'content-type': contentType });
    expect(answer.status).toBe(415);
    expect(answer.problem.detail).toBe(
      `The body is declared as charset=${charset}: send it as UTF-8 (charset=utf-8, or no charset).`,
    );
  });

  it('escapes a character of the charset that would garble the message', async () => {
    const answer = await sendMessage(await startMock(), hello, {
      'content-type': 'application/json; charset=x\u0085y',
    });
    expect(answer.status).toBe(415);
    expect(answer.problem.detail).toBe(
      'The body is declared as charset=x\\u0085y: send it as UTF-8 (charset=utf-8, or no charset).',
    );
  });

  it('refuses a large body in another charset too', async () => {
    const large = JSON.stringify({ channel: 'wa', text: 'a'.repeat(70 * 1024) });
    const answer = await sendMessage(await startMock(), large, {
      'content-type': 'application/json; charset=latin1',
    });
    expect(answer.status).toBe(415);
  });
});

describe('Content-Encoding', () => {
  it('takes identity, in any case', async () => {
    const answer = await sendMessage(await startMock(), hello, { 'content-encoding': 'Identity' });
    expect(answer.status).toBe(200);
  });

  it('refuses a multipart body sent compressed', async () => {
    const answer = await switchBot(
      await startMock(),
      'multipart/form-data; boundary=x',
      '--x\r\nContent-Disposition: form-data; name="is_active"\r\n\r\nfalse\r\n--x--\r\n',
      { 'content-encoding': 'gzip' },
    );
    expect(answer.status).toBe(415);
    expect(answer.body).toMatchObject({ errors: { code: 'UNSUPPORTED_MEDIA_TYPE' } });
  });
});

describe('bytes that look compressed or are not text', () => {
  it('takes a body starting with 0x1f but not 0x8b for JSON that does not parse, not gzip', async () => {
    const answer = await sendMessage(await startMock(), Buffer.from('\u001f[]', 'utf8'));
    expect(answer.status).toBe(400);
    expect(answer.problem.detail).toMatch(/^The body is not valid JSON: /);
  });

  it('takes a second byte 0x8b without 0x1f before it as bytes that are not UTF-8, not gzip', async () => {
    const answer = await sendMessage(await startMock(), Buffer.from([0x20, 0x8b]));
    expect(answer.status).toBe(400);
    expect(answer.problem.detail).toBe('The body is not valid UTF-8: encode its text as UTF-8.');
  });
});

describe('nesting and cut-off bodies', () => {
  it('leaves a short body with more opening brackets than the limit, but too short to close them, to JSON.parse', async () => {
    const server = await startMock();
    for (const body of ['['.repeat(65), `${'['.repeat(65)}${' '.repeat(63)}`]) {
      const answer = await sendMessage(server, body);
      expect(answer.status).toBe(400);
      expect(answer.problem.detail).toMatch(/^The body is not valid JSON: /);
      expect(answer.problem.detail).not.toMatch(/nests deeper|cut off/);
    }
  });

  it('refuses a body one byte longer than that as nested too deep', async () => {
    const answer = await sendMessage(await startMock(), `${'['.repeat(65)}${' '.repeat(64)}`);
    expect(answer.status).toBe(400);
    expect(answer.problem.detail).toMatch(/nests deeper than 64 levels/);
  });

  it('leaves a short body with many brackets, none too deep, that ends open, to JSON.parse', async () => {
    const answer = await sendMessage(await startMock(), `[${'[],'.repeat(70)}`);
    expect(answer.status).toBe(400);
    expect(answer.problem.detail).toMatch(/^The body is not valid JSON: /);
    expect(answer.problem.detail).not.toMatch(/cut off/);
  });

  it('says a body of exactly 64 KiB that ends inside a string may have been cut off', async () => {
    const start = '{"channel":"wa","text":"';
    const body = `${start}${'a'.repeat(64 * 1024 - start.length)}`;
    const answer = await sendMessage(await startMock(), body);
    expect(answer.status).toBe(400);
    expect(answer.problem.detail).toBe(
      'The body is not valid JSON: Unterminated string in JSON at byte 65536 (its end): was it cut off?',
    );
  });

  it('keeps a short body refused as too deep whole in the traffic log', async () => {
    const server = await startMock();
    const body = `{"channel":"wa","text":${'['.repeat(70)}${']'.repeat(70)}}`;
    expect((await sendMessage(server, body)).status).toBe(400);
    const traffic = await callControl(server, getTraffic);
    const exchanges = traffic.ok ? traffic.body.exchanges : [];
    expect(exchanges.at(-1)?.request.body).toBe(
      `[nested deeper than 64 levels, shown as text] ${body}`,
    );
  });
});

describe('empty bodies', () => {
  it('takes a JSON body of only spaces as no body', async () => {
    const answer = await sendMessage(await startMock(), '   ');
    expect(answer.status).toBe(400);
    expect(answer.problem.code).toBe('MOCK_ERR_VALIDATION');
  });
});

describe('form bodies', () => {
  it('are kept in the traffic log as their fields', async () => {
    const server = await startMock();
    const answer = await switchBot(server, 'application/x-www-form-urlencoded', 'is_active=false');
    expect(answer.status).toBe(200);
    const traffic = await callControl(server, getTraffic);
    const exchanges = traffic.ok ? traffic.body.exchanges : [];
    expect(exchanges.at(-1)?.request.body).toEqual({ is_active: 'false' });
  });
});

describe('empty form bodies', () => {
  it.each(['application/x-www-form-urlencoded', 'multipart/form-data; boundary=x'])(
    'takes an empty %s body as no body',
    async (contentType) => {
      const answer = await switchBot(await startMock(), contentType, '');
      expect(answer.status).toBe(400);
      expect(answer.body).toMatchObject({
        errors: {
          code: 'VALIDATION_FAILED',
          details: [
            {
              path: '',
              message:
                'the body is required (application/x-www-form-urlencoded or multipart/form-data)',
            },
          ],
        },
      });
    },
  );
});

describe('the media type', () => {
  it('is read without the spaces before its parameters', async () => {
    const answer = await sendMessage(await startMock(), hello, {
      'content-type': 'application/json ; charset=utf-8',
    });
    expect(answer.status).toBe(200);
  });
});
