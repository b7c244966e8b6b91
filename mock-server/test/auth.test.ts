import { request } from 'undici';
import { describe, expect, it } from 'vitest';
import {
  ErrorEnvelopeSchema,
  authStyles,
  getAppBot,
  getTraffic,
  handOver,
  listAgentsByDivision,
  operations,
  postBotMessage,
  type AuthStyle,
  type BodyMediaType,
  type OperationDescriptor,
} from '#contracts';
import type { MockServer } from '#mock-server';
import { callControl } from './support/call-control.js';
import { callQiscus, credentialHeaders, queryString } from './support/call-qiscus.js';
import { startBot } from './support/start-bot.js';
import { startMock } from './support/start-mock.js';

/** Everything a call needs besides credentials: path parameters and a valid body. */
interface PreparedCall {
  readonly params: Record<string, string>;
  readonly query?: Record<string, string | readonly string[]>;
  readonly body?: Record<string, unknown>;
  readonly contentType?: BodyMediaType;
}

/**
 * A call of the operation that is right in everything but (possibly) its credentials: a fresh
 * room where the operation needs one, and the operation's first request example as the body,
 * pointed at that room. A webhook URL in the example is pointed at a test bot of our own.
 */
async function prepare(server: MockServer, operation: OperationDescriptor): Promise<PreparedCall> {
  const content = operation.request.body?.content ?? {};
  const mediaType = (Object.keys(content) as BodyMediaType[])[0];
  const example =
    mediaType === undefined
      ? undefined
      : (Object.values(content[mediaType]?.examples ?? {})[0]?.value as Record<string, unknown>);
  const queryExample = operation.request.queryExample;
  const needsRoom =
    operation.path.includes('{room_id}') ||
    (example && 'room_id' in example) ||
    (queryExample && 'room_id' in queryExample);
  let roomId = '';
  if (needsRoom) {
    const customer = `62811000${String(server.rooms.list().length + 1).padStart(5, '0')}`;
    ({ room_id: roomId } = await server.customer.say({
      channel: 'wa',
      customer: { id: customer },
      text: 'Hi',
    }));
  }
  let body = example && { ...example };
  if (body && 'room_id' in body) body.room_id = roomId;
  if (body && 'bot_webhook_url' in body)
    body = { ...body, bot_webhook_url: (await startBot()).url };
  const query = queryExample && {
    ...queryExample,
    ...('room_id' in queryExample ? { room_id: roomId } : {}),
  };
  return {
    params: { app_code: server.appCode, room_id: roomId },
    ...(query === undefined ? {} : { query }),
    ...(body === undefined ? {} : { body }),
    ...(mediaType === undefined ? {} : { contentType: mediaType }),
  };
}

function pathOf(operation: OperationDescriptor, params: Readonly<Record<string, string>>): string {
  return operation.path.replace(/\{([^}]+)\}/g, (_, name: string) =>
    encodeURIComponent(params[name] ?? ''),
  );
}

/** Sends a prepared call with exactly these headers, and gives the raw answer text too. */
async function sendRaw(
  server: MockServer,
  operation: OperationDescriptor,
  call: PreparedCall,
  headers: Readonly<Record<string, string>>,
): Promise<{ readonly status: number; readonly text: string }> {
  const body =
    call.body === undefined
      ? undefined
      : call.contentType === 'application/x-www-form-urlencoded'
        ? new URLSearchParams(call.body as Record<string, string>).toString()
        : JSON.stringify(call.body);
  const response = await request(
    `${server.url}${pathOf(operation, call.params)}${queryString(call.query)}`,
    {
      method: operation.method.toUpperCase() as 'GET' | 'POST',
      headers: {
        ...(body === undefined ? {} : { 'content-type': call.contentType ?? 'application/json' }),
        ...headers,
      },
      ...(body === undefined ? {} : { body }),
    },
  );
  return { status: response.statusCode, text: await response.body.text() };
}

/** The header of a style that carries the secret (secret key or admin token), not the app code. */
function secretHeaderOf(style: AuthStyle): string {
  return authStyles[style].headers.find((name) => name !== 'Qiscus-App-Id')!;
}

const withStyles = operations.flatMap((operation: OperationDescriptor) =>
  operation.auth.styles.map((style) => ({ id: operation.id, operation, style })),
);
// Logging in takes no credentials: it is how a client gets them.
const everyOperation = operations
  .filter((operation: OperationDescriptor) => operation.auth.styles.length > 0)
  .map((operation: OperationDescriptor) => ({ id: operation.id, operation }));

describe('credentials on the Qiscus surface', () => {
  for (const { id, operation, style } of withStyles) {
    it(`${id} accepts the right credentials sent as ${style}`, async () => {
      const server = await startMock();
      const call = await prepare(server, operation);

      const answer = await callQiscus(server, operation, { ...call, auth: style });

      expect(answer.status).toBe(200);
    });
  }

  for (const { id, operation } of everyOperation) {
    it(`${id} refuses a request without credentials and names every header it takes`, async () => {
      const server = await startMock();
      const call = await prepare(server, operation);

      const answer = await callQiscus(server, operation, { ...call, auth: 'none' });

      expect(answer.status).toBe(401);
      const { errors } = ErrorEnvelopeSchema.parse(answer.body);
      expect(errors.code).toBe('UNAUTHORIZED');
      for (const style of operation.auth.styles) {
        for (const header of authStyles[style].headers) expect(errors.message).toContain(header);
      }
      const first = operation.auth.styles[0]!;
      expect(errors.details).toEqual([
        { path: `headers.${authStyles[first].headers[0]}`, message: 'is required' },
      ]);
      if (operation.auth.styles.includes('sdkSecret')) {
        expect(errors.message).toContain(
          'If you did send QISCUS_SDK_SECRET, a proxy may have dropped it: its name has underscores',
        );
      } else {
        expect(errors.message).not.toContain('QISCUS_SDK_SECRET');
      }
    });
  }

  for (const { id, operation } of everyOperation) {
    if (!operation.auth.styles.includes('sdkSecret')) continue;
    it(`${id} tells a client that QISCUS-SDK-SECRET with hyphens is another header`, async () => {
      const server = await startMock();
      const call = await prepare(server, operation);

      const { status, text } = await sendRaw(server, operation, call, {
        'QISCUS-SDK-SECRET': server.secretKey,
      });

      expect(status).toBe(401);
      const { errors } = ErrorEnvelopeSchema.parse(JSON.parse(text));
      expect(errors.code).toBe('UNAUTHORIZED');
      expect(errors.message).toContain(
        'QISCUS-SDK-SECRET (with hyphens) is another header: this endpoint takes QISCUS_SDK_SECRET.',
      );
      expect(text).not.toContain(server.secretKey);
    });
  }

  for (const { id, operation, style } of withStyles) {
    it(`${id} answers a wrong ${style} secret of any length with 401 and never repeats a secret`, async () => {
      const server = await startMock();
      const header = secretHeaderOf(style);
      const real = credentialHeaders(server, style)[header]!;
      const wrongValues = [
        Array.from(real).reverse().join(''),
        '~',
        'not-the-secret/'.repeat(40).slice(0, 500),
        '',
      ];
      expect(wrongValues.map((value) => value.length)).toEqual([real.length, 1, 500, 0]);

      for (const wrong of wrongValues) {
        const call = await prepare(server, operation);
        const { status, text } = await sendRaw(server, operation, call, {
          ...credentialHeaders(server, style),
          [header]: wrong,
        });

        expect({ wrong, status }).toEqual({ wrong, status: 401 });
        const { errors } = ErrorEnvelopeSchema.parse(JSON.parse(text));
        expect(errors.code).toBe('UNAUTHORIZED');
        expect(errors.details).toEqual([
          {
            path: `headers.${header}`,
            message: expect.stringMatching(
              /^does not hold (the app's secret key|an admin token( or the secret key)?)$/,
            ) as unknown,
          },
        ]);
        expect(errors.message).toContain(`Wrong credentials: ${header} does not hold`);
        expect(text).not.toContain(server.secretKey);
        expect(text).not.toContain(server.adminToken);
        if (wrong !== '') expect(text).not.toContain(wrong);
      }
    });
  }

  for (const { id, operation, style } of withStyles) {
    if (!authStyles[style].headers.some((name) => name === 'Authorization')) continue;
    it(`${id} (${style}) refuses "Bearer <admin token>" and says to drop "Bearer "`, async () => {
      const server = await startMock();
      const call = await prepare(server, operation);

      const { status, text } = await sendRaw(server, operation, call, {
        ...credentialHeaders(server, style),
        Authorization: `Bearer ${server.adminToken}`,
      });

      expect(status).toBe(401);
      const { errors } = ErrorEnvelopeSchema.parse(JSON.parse(text));
      expect(errors.code).toBe('UNAUTHORIZED');
      expect(errors.details).toEqual([
        {
          path: 'headers.Authorization',
          message: expect.stringContaining(
            'as it is, without "Bearer " in front (Qiscus takes the raw token)',
          ) as unknown,
        },
      ]);
      expect(text).not.toContain(server.adminToken);
    });
  }

  for (const { id, operation, style } of withStyles) {
    if (!authStyles[style].headers.some((name) => name === 'Qiscus-App-Id')) continue;
    it(`${id} (${style}) refuses a Qiscus-App-Id that is not the app code, even with the right secret`, async () => {
      const server = await startMock();
      const call = await prepare(server, operation);

      const answer = await callQiscus(server, operation, {
        ...call,
        auth: style,
        headers: { 'Qiscus-App-Id': 'another-app' },
      });

      expect(answer.status).toBe(401);
      const { errors } = ErrorEnvelopeSchema.parse(answer.body);
      expect(errors.code).toBe('UNAUTHORIZED');
      expect(errors.message).toContain('Qiscus-App-Id');
      expect(errors.details).toEqual([
        {
          path: 'headers.Qiscus-App-Id',
          message: `is not this app's code ("${server.appCode}")`,
        },
      ]);
    });
  }

  for (const { id, operation } of everyOperation) {
    const { styles } = operation.auth;
    if (!styles.includes('adminTokenAndAppId') || styles.includes('authorization')) continue;
    it(`${id} refuses an admin token sent without Qiscus-App-Id`, async () => {
      const server = await startMock();
      const call = await prepare(server, operation);

      const { status, text } = await sendRaw(server, operation, call, {
        Authorization: server.adminToken,
      });

      expect(status).toBe(401);
      const { errors } = ErrorEnvelopeSchema.parse(JSON.parse(text));
      expect(errors.code).toBe('UNAUTHORIZED');
      expect(errors.details).toEqual([
        { path: 'headers.Qiscus-App-Id', message: 'is required with Authorization' },
      ]);
      expect(text).not.toContain(server.adminToken);
    });
  }

  const takesAuthorization = everyOperation.filter(({ operation }) =>
    operation.auth.styles.includes('authorization'),
  );
  const secretKeyInAuthorization = takesAuthorization.filter(({ operation }) =>
    operation.auth.authorizationAccepts?.includes('secretKey'),
  );
  const adminTokenOnly = takesAuthorization.filter(
    ({ operation }) => !operation.auth.authorizationAccepts?.includes('secretKey'),
  );

  it('the catalogue lets hand_over and hand_over_to_role take the secret key in Authorization, and postBotMessage not', () => {
    const ids = secretKeyInAuthorization.map(({ id }) => id);
    expect(ids).toEqual(expect.arrayContaining(['handOver', 'handOverToRole']));
    expect(ids).not.toContain(postBotMessage.id);
    expect(adminTokenOnly.map(({ id }) => id)).toContain(postBotMessage.id);
  });

  for (const { id, operation } of secretKeyInAuthorization) {
    it(`${id} accepts the secret key in Authorization`, async () => {
      const server = await startMock();
      const call = await prepare(server, operation);

      const answer = await callQiscus(server, operation, {
        ...call,
        auth: 'none',
        headers: { Authorization: server.secretKey },
      });

      expect(answer.status).toBe(200);
    });
  }

  for (const { id, operation } of adminTokenOnly) {
    it(`${id} takes only an admin token in Authorization, not the secret key`, async () => {
      const server = await startMock();
      const call = await prepare(server, operation);

      const { status, text } = await sendRaw(server, operation, call, {
        Authorization: server.secretKey,
      });

      expect(status).toBe(401);
      const { errors } = ErrorEnvelopeSchema.parse(JSON.parse(text));
      expect(errors.code).toBe('UNAUTHORIZED');
      expect(errors.details).toHaveLength(1);
      expect(errors.details[0]?.path).toBe('headers.Authorization');
      expect(errors.details[0]?.message).toMatch(
        /^holds the app's secret key, but takes an admin token here: send /,
      );
      expect(text).not.toContain(server.secretKey);
    });
  }

  for (const { id, operation } of everyOperation) {
    if (!operation.path.includes('{app_code}')) continue;
    it(`${id} answers APP_NOT_FOUND for another app code, naming the app the mock serves, even with the right credentials`, async () => {
      const server = await startMock();
      const call = await prepare(server, operation);

      const answer = await callQiscus(server, operation, {
        ...call,
        params: { ...call.params, app_code: 'another-app' },
      });

      expect(answer.status).toBe(404);
      const { errors } = ErrorEnvelopeSchema.parse(answer.body);
      expect(errors).toEqual({
        code: 'APP_NOT_FOUND',
        message: `No app has the code in the path: this mock serves the app "${server.appCode}".`,
        details: [{ path: 'app_code', message: "is not this mock's app code" }],
      });
    });
  }

  for (const style of Object.keys(authStyles) as AuthStyle[]) {
    it(`${style} header names work in lower case and in upper case`, async () => {
      const operation = operations.find((candidate: OperationDescriptor) =>
        candidate.auth.styles.includes(style),
      )!;
      const server = await startMock();
      const headers = credentialHeaders(server, style);

      for (const spell of [
        (name: string) => name.toLowerCase(),
        (name: string) => name.toUpperCase(),
      ]) {
        const call = await prepare(server, operation);
        const spelled = Object.fromEntries(
          Object.entries(headers).map(([name, value]) => [spell(name), value]),
        );

        const answer = await callQiscus(server, operation, {
          ...call,
          auth: 'none',
          headers: spelled,
        });

        expect({ headers: Object.keys(spelled), status: answer.status }).toEqual({
          headers: Object.keys(spelled),
          status: 200,
        });
      }
    });
  }

  it('the traffic log shows every credential header as [redacted] and never a secret', async () => {
    const server = await startMock();
    const wrongSecret = 'a-wrong-secret-that-must-not-be-logged';
    const sent: Record<string, string>[] = [];
    for (const { operation, style } of withStyles) {
      for (const headers of [
        credentialHeaders(server, style),
        { ...credentialHeaders(server, style), [secretHeaderOf(style)]: wrongSecret },
      ]) {
        const call = await prepare(server, operation);
        await sendRaw(server, operation, call, headers);
        sent.push(headers);
      }
    }
    const call = await prepare(server, postBotMessage);
    const hyphenated = { 'QISCUS-SDK-SECRET': server.secretKey };
    await sendRaw(server, postBotMessage, call, hyphenated);
    sent.push(hyphenated);

    const traffic = await callControl(server, getTraffic, { query: { direction: 'from_bot' } });

    expect(traffic.ok).toBe(true);
    if (!traffic.ok) return;
    expect(traffic.body.exchanges).toHaveLength(sent.length);
    traffic.body.exchanges.forEach((exchange, index) => {
      const expected = Object.fromEntries(
        Object.entries(sent[index]!).map(([name, value]) => [
          name.toLowerCase(),
          name === 'Qiscus-App-Id' ? value : '[redacted]',
        ]),
      );
      expect(exchange.request.headers).toMatchObject(expected);
    });
    const text = JSON.stringify(traffic.body);
    expect(text).not.toContain(server.secretKey);
    expect(text).not.toContain(server.adminToken);
    expect(text).not.toContain(wrongSecret);
  });

  it('the traffic log never shows a secret, even one sent under a misspelt header name', async () => {
    const server = await startMock();
    const misspelt = [
      { QISCUS_SECRET_KEY: server.secretKey },
      { 'X-Qiscus-Secret-Key': server.secretKey },
      { 'X-Authorization': server.adminToken },
    ];
    for (const headers of misspelt) {
      const call = await prepare(server, postBotMessage);
      const { status } = await sendRaw(server, postBotMessage, call, headers);
      expect(status).toBe(401);
    }

    const traffic = await callControl(server, getTraffic, { query: { direction: 'from_bot' } });

    expect(traffic.ok).toBe(true);
    if (!traffic.ok) return;
    const logged = traffic.body.exchanges.map((exchange) => exchange.request.headers);
    expect(logged).toHaveLength(misspelt.length);
    const values = logged.flatMap((headers) => Object.values(headers));
    expect(values).not.toContain(server.secretKey);
    expect(values).not.toContain(server.adminToken);
    const text = JSON.stringify(traffic.body);
    expect(text).not.toContain(server.secretKey);
    expect(text).not.toContain(server.adminToken);
  });
});

describe('what a refusal says, word for word', () => {
  /** The message and details of the refusal of `operation` called with exactly `headers`. */
  async function refusal(operation: OperationDescriptor, headers: Record<string, string>) {
    const server = await startMock();
    const call = await prepare(server, operation);
    const { status, text } = await sendRaw(server, operation, call, headers);
    expect(status).toBe(401);
    return ErrorEnvelopeSchema.parse(JSON.parse(text)).errors;
  }

  it('lists every way to send credentials, and the hints that apply, when none were sent', async () => {
    const proxyHint =
      'If you did send QISCUS_SDK_SECRET, a proxy may have dropped it: its name has underscores, which nginx and others drop by default.';
    const ways = 'QISCUS_SDK_SECRET, or Qiscus-App-Id with Qiscus-Secret-Key, or Authorization';

    expect((await refusal(postBotMessage, {})).message).toBe(
      `Missing credentials: send ${ways}. ${proxyHint}`,
    );
    expect((await refusal(postBotMessage, { 'QISCUS-SDK-SECRET': 'x' })).message).toBe(
      `Missing credentials: send ${ways}. ${proxyHint} QISCUS-SDK-SECRET (with hyphens) is another header: this endpoint takes QISCUS_SDK_SECRET.`,
    );
    // The admin API takes no QISCUS_SDK_SECRET: no hint, and nothing after the full stop.
    expect((await refusal(listAgentsByDivision, { 'QISCUS-SDK-SECRET': 'x' })).message).toBe(
      'Missing credentials: send Qiscus-App-Id with Qiscus-Secret-Key, or Authorization.',
    );
  });

  it('names each wrong header, in the order of the operation’s styles', async () => {
    const errors = await refusal(postBotMessage, {
      QISCUS_SDK_SECRET: 'nope',
      Authorization: 'nope',
    });

    expect(errors.message).toBe(
      "Wrong credentials: QISCUS_SDK_SECRET does not hold the app's secret key; Authorization does not hold an admin token.",
    );
  });

  it('asks for Qiscus-App-Id with the header it goes with', async () => {
    const server = await startMock();
    const errors = await refusal(postBotMessage, { 'Qiscus-Secret-Key': server.secretKey });

    expect(errors.details).toEqual([
      { path: 'headers.Qiscus-App-Id', message: 'is required with Qiscus-Secret-Key' },
    ]);
  });

  it('tells the secret key in Authorization, with Qiscus-App-Id, from a wrong admin token', async () => {
    const server = await startMock();
    const errors = await refusal(getAppBot, {
      Authorization: server.secretKey,
      'Qiscus-App-Id': server.appCode,
    });

    expect(errors.details).toEqual([
      {
        path: 'headers.Authorization',
        message:
          "holds the app's secret key, but takes an admin token here: send the admin token (printed at start-up) instead",
      },
    ]);
  });

  it('reads "Bearer" with any spaces after it, only in front, and says "wrong" when what follows is wrong', async () => {
    const server = await startMock();
    const secret = server.secretKey;
    const detailOf = async (authorization: string) =>
      (await refusal(postBotMessage, { Authorization: authorization })).details[0]?.message;
    const secretHere =
      "holds the app's secret key, but takes an admin token here: send the secret key in the QISCUS_SDK_SECRET header instead";

    expect(await detailOf(`Bearer  ${secret}`)).toBe(secretHere);
    expect(await detailOf(`${secret.slice(0, 4)}bearer ${secret.slice(4)}`)).toBe(
      'does not hold an admin token',
    );
    expect(await detailOf('Bearer nope')).toBe('does not hold an admin token');
  });

  it('says to drop "Bearer " before the secret key where Authorization takes the secret key', async () => {
    const server = await startMock();
    const errors = await refusal(handOver, { Authorization: `Bearer ${server.secretKey}` });

    expect(errors.details).toEqual([
      {
        path: 'headers.Authorization',
        message:
          'must hold an admin token or the secret key as it is, without "Bearer " in front (Qiscus takes the raw token)',
      },
    ]);
  });
});
