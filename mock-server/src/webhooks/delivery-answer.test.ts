import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { describeFailure, readHead } from './delivery-answer.js';

const url = 'http://127.0.0.1:3000/webhook';

function failure(code: unknown, message = 'it broke'): Error {
  return Object.assign(new Error(message), { code });
}

describe('describeFailure', () => {
  it('words the failures a bot owner can act on', () => {
    expect(describeFailure(failure('ECONNREFUSED'), url, 200)).toBe(
      `connection refused at ${url} (is the bot running?)`,
    );
    expect(describeFailure(failure('UND_ERR_HEADERS_TIMEOUT'), url, 200)).toBe(
      'no answer within 200 ms',
    );
    expect(describeFailure(failure('UND_ERR_BODY_TIMEOUT'), url, 300)).toBe(
      'no answer within 300 ms',
    );
    expect(describeFailure(failure('ENOTFOUND'), url, 200)).toBe(
      `the host of ${url} was not found`,
    );
  });

  it('gives any other error its code, then its message', () => {
    expect(describeFailure(failure('UND_ERR_SOCKET', 'other side closed'), url, 200)).toBe(
      'UND_ERR_SOCKET: other side closed',
    );
  });

  it('gives the message alone when the error has no code, or a code that is not a string', () => {
    expect(describeFailure(new Error('it broke'), url, 200)).toBe('it broke');
    expect(describeFailure(failure(42), url, 200)).toBe('it broke');
  });

  it('takes a code only from an Error', () => {
    expect(describeFailure({ code: 'ECONNREFUSED' }, url, 200)).toBe('[object Object]');
  });

  it('writes out anything thrown that is not an Error', () => {
    expect(describeFailure('refused', url, 200)).toBe('refused');
    expect(describeFailure(undefined, url, 200)).toBe('undefined');
    expect(describeFailure(null, url, 200)).toBe('null');
  });
});

/**
 * An answer body as undici hands it over: a stream of the given chunks, one `data` event each,
 * that ends after the last one unless `endless`; `dump()` lets the rest go and ends it.
 */
function answerBody(chunks: readonly string[], { endless = false } = {}) {
  let ended = false;
  const stream = new Readable({ read() {} });
  for (const chunk of chunks) stream.push(Buffer.from(chunk, 'utf8'));
  if (!endless) stream.push(null);
  return Object.assign(stream, {
    dump: () => {
      ended = true;
      stream.destroy();
      return Promise.resolve();
    },
    dumped: () => ended,
  });
}

describe('readHead', () => {
  it('keeps a short answer whole, in one chunk or several', async () => {
    expect(await readHead(answerBody(['{"ok":true}']), 64)).toBe('{"ok":true}');
    expect(await readHead(answerBody(['{"ok"', ':true}']), 64)).toBe('{"ok":true}');
  });

  it('cuts a long answer to its first bytes, when it comes in one chunk or several', async () => {
    expect(await readHead(answerBody(['abcdefghij']), 4)).toBe('abcd');
    expect(await readHead(answerBody(['ab', 'cdef', 'ghij']), 4)).toBe('abcd');
  });

  it('keeps an answer of exactly the bytes asked for whole', async () => {
    expect(await readHead(answerBody(['abcd']), 4)).toBe('abcd');
  });

  it('stops reading once it has the bytes asked for and lets the rest go, without waiting for the end', async () => {
    const exact = answerBody(['abcd'], { endless: true });
    expect(await readHead(exact, 4)).toBe('abcd');
    expect(exact.dumped()).toBe(true);

    const longer = answerBody(['ab', 'cdef'], { endless: true });
    expect(await readHead(longer, 4)).toBe('abcd');
    expect(longer.dumped()).toBe(true);
  });

  it('reads a short answer to its end without letting anything go', async () => {
    const body = answerBody(['ab', 'cd']);
    expect(await readHead(body, 64)).toBe('abcd');
    expect(body.dumped()).toBe(false);
  });

  it('fails when the answer fails', async () => {
    const body = answerBody(['ab'], { endless: true });
    const head = readHead(body, 64);
    body.destroy(new Error('socket hang up'));
    await expect(head).rejects.toThrow('socket hang up');
  });
});
