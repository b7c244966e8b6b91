import type { FastifyRequest } from 'fastify';
import { describe, expect, it } from 'vitest';
import { createHostGuard } from './host-guard.js';

/** What the guard reads of fastify's request. */
function requestFor(url: string, host: string): FastifyRequest {
  return { url, headers: { host } } as FastifyRequest;
}

describe('createHostGuard', () => {
  it('without an admin token, checks only the Host, also beyond loopback', () => {
    const guard = createHostGuard('0.0.0.0', []);

    expect(() => {
      guard(requestFor('/_mock/rooms', 'mock.example:3000'));
    }).not.toThrow();
  });

  it('with an admin token beyond loopback, refuses /_mock without it', () => {
    const guard = createHostGuard('0.0.0.0', [], 'token');

    expect(() => {
      guard(requestFor('/_mock/rooms', 'mock.example:3000'));
    }).toThrow(expect.objectContaining({ code: 'MOCK_ERR_ADMIN_TOKEN_REQUIRED' }));
  });

  it('on loopback, refuses a Host of another machine, unless it was allowed (in any case)', () => {
    const guard = createHostGuard('127.0.0.1', ['Mock.Example'], 'token');

    expect(() => {
      guard(requestFor('/_mock/rooms', 'evil.example'));
    }).toThrow(expect.objectContaining({ code: 'MOCK_ERR_HOST_NOT_ALLOWED' }));
    expect(() => {
      guard(requestFor('/_mock/rooms', 'MOCK.example:3000'));
    }).not.toThrow();
  });
});
