import { describe, expect, it } from 'vitest';
import { sendRequest } from './support/send-request.js';
import { startMock } from './support/start-mock.js';

const json = { 'content-type': 'application/json' };

/** The detail and the listed errors of a refusal of `/_mock`, with its status. */
async function refusal(
  ...args: Parameters<typeof sendRequest>
): Promise<{ status: number; detail: unknown; errors: unknown }> {
  const answer = await sendRequest(...args);
  const body = answer.body as { detail?: unknown; errors?: unknown };
  return { status: answer.status, detail: body.detail, errors: body.errors };
}

describe('what a refusal of the mock’s own API says, word for word', () => {
  it('names each problem of the body by its field, counted', async () => {
    const server = await startMock();

    expect(
      await refusal(server, 'PATCH', '/_mock/config', {
        headers: json,
        body: '{"botUrl": 1, "colour": "red"}',
      }),
    ).toEqual({
      status: 400,
      detail:
        'The body does not match the schema: 2 problems (botUrl: is not a field of this object; did you mean "bot_url"?; colour: is not a field of this object).',
      errors: [
        { path: 'botUrl', message: 'is not a field of this object; did you mean "bot_url"?' },
        { path: 'colour', message: 'is not a field of this object' },
      ],
    });
  });

  it('names a problem of the whole body, or a body left out where one is required, as the body', async () => {
    const server = await startMock();

    expect(await refusal(server, 'POST', '/_mock/messages', { headers: json, body: '[]' })).toEqual(
      {
        status: 400,
        detail:
          'The body does not match the schema: 1 problem (body: expected object, received an array).',
        errors: [{ path: '', message: 'expected object, received an array' }],
      },
    );
    expect(await refusal(server, 'POST', '/_mock/messages')).toEqual({
      status: 400,
      detail:
        'The body does not match the schema: 1 problem (body: is required (expected object)).',
      errors: [{ path: '', message: 'is required (expected object)' }],
    });
    // An operation that takes no body is answered without one.
    const reset = await sendRequest(server, 'POST', '/_mock/reset');
    expect([reset.status, reset.body]).toEqual([200, { reset: true }]);
  });

  it('names the query’s and the path’s problems under query. and path.', async () => {
    const server = await startMock();

    expect(await refusal(server, 'GET', '/_mock/traffic?limit=abc&x=1')).toEqual({
      status: 400,
      detail:
        'The query does not match the schema: 2 problems (query.limit: is not a field of this object; query.x: is not a field of this object).',
      errors: [
        { path: 'query.limit', message: 'is not a field of this object' },
        { path: 'query.x', message: 'is not a field of this object' },
      ],
    });
    expect(await refusal(server, 'POST', '/_mock/rooms/abc/resolve')).toEqual({
      status: 400,
      detail:
        'The path does not match the schema: 1 problem (path.room_id: must be the numeric id of the room, as a string such as "123").',
      errors: [
        {
          path: 'path.room_id',
          message: 'must be the numeric id of the room, as a string such as "123"',
        },
      ],
    });
  });

  it('refuses a form-encoded body: only JSON is taken', async () => {
    const server = await startMock();

    expect(
      await refusal(server, 'POST', '/_mock/messages', {
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'channel=wa&text=Hi',
      }),
    ).toEqual({
      status: 415,
      detail: 'Send the body as application/json.',
      errors: [{ path: 'headers.content-type', message: 'must be application/json' }],
    });
    expect(server.rooms.list()).toEqual([]);
  });
});
