import fc from 'fast-check';
import { Pool } from 'undici';
import { expect, it } from 'vitest';
import {
  ErrorEnvelopeSchema,
  ProblemSchema,
  controlOperations,
  operations,
  type ControlOperationDescriptor,
  type OperationDescriptor,
} from '#contracts';
import type { MockServer } from '#mock-server';
import { credentialHeaders } from './support/call-qiscus.js';
import { hostileBody } from './support/hostile-body.js';
import { startMock } from './support/start-mock.js';

/** Bodies per route; FUZZ_BODIES=2000 runs the 2,000 the issue asks for (too slow for npm test yet). */
const bodiesPerRoute = Number(process.env['FUZZ_BODIES'] ?? 300);
/** Requests in flight at once on one mock. */
const batchSize = 50;
/** Refused bodies sent again one by one to check that each stores nothing. */
const refusedRechecked = 150;
/** A fixed seed, so a failure is the same on every run; FUZZ_SEED tries others. */
const seed = Number(process.env['FUZZ_SEED'] ?? 20261206);

interface Route {
  readonly name: string;
  readonly method: string;
  readonly path: string;
  readonly examples: unknown[];
  readonly form: boolean;
  readonly headers: (server: MockServer) => Record<string, string>;
  readonly control: boolean;
}

const routes: Route[] = [
  ...(operations as readonly OperationDescriptor[]).flatMap((operation) => {
    const content = operation.request.body?.content;
    const media = content?.['application/json'] ?? content?.['application/x-www-form-urlencoded'];
    if (media === undefined) return [];
    return [
      {
        name: `${operation.method.toUpperCase()} ${operation.path}`,
        method: operation.method.toUpperCase(),
        path: operation.path,
        examples: Object.values(media.examples).map((example) => example.value),
        form: content?.['application/json'] === undefined,
        headers: (server: MockServer) =>
          credentialHeaders(server, operation.auth.styles[0] ?? 'none'),
        control: false,
      },
    ];
  }),
  ...(controlOperations as readonly ControlOperationDescriptor[]).flatMap((operation) => {
    const body = operation.request.body;
    if (body === undefined) return [];
    return [
      {
        name: `${operation.method.toUpperCase()} ${operation.path}`,
        method: operation.method.toUpperCase(),
        path: operation.path,
        examples: Object.values(body.examples).map((example) => example.value),
        form: false,
        headers: () => ({}),
        control: true,
      },
    ];
  }),
];

function encode(body: unknown, form: boolean): { text: string; type: string } {
  if (!form) return { text: JSON.stringify(body), type: 'application/json' };
  const fields =
    body !== null && typeof body === 'object' && !Array.isArray(body) ? body : { body };
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(fields)) {
    params.append(key, typeof value === 'string' ? value : JSON.stringify(value));
  }
  return { text: params.toString(), type: 'application/x-www-form-urlencoded' };
}

/** Everything a request could store: rooms, their messages, deliveries, switches. */
function stored(server: MockServer): string {
  const rooms = server.rooms.list().map((room) => ({
    room,
    messages: server.rooms.get(room.room_id)?.messages.length,
  }));
  return JSON.stringify({
    rooms,
    deliveries: server.deliveries.list().length,
    settings: server.settings(),
  });
}

/** What is wrong with one answer, or undefined when it is as the contract says. */
function fault(route: Route, status: number, text: string): string | undefined {
  if (status >= 500) return `${status}: ${text.slice(0, 300)}`;
  if (status < 400) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return `${status} is not JSON: ${text.slice(0, 300)}`;
  }
  if (route.control) {
    const problem = ProblemSchema.safeParse(json);
    if (!problem.success) return `${status} is not problem+json: ${text.slice(0, 300)}`;
    const { code, errors } = problem.data;
    if (code === 'MOCK_ERR_VALIDATION' && errors?.[0]?.path === undefined) {
      return `no field path: ${text.slice(0, 300)}`;
    }
    return undefined;
  }
  const envelope = ErrorEnvelopeSchema.safeParse(json);
  if (!envelope.success) return `${status} is not the Qiscus envelope: ${text.slice(0, 300)}`;
  const { code, details } = envelope.data.errors;
  if (code === 'VALIDATION_FAILED' && details[0]?.path === undefined) {
    return `no field path: ${text.slice(0, 300)}`;
  }
  return undefined;
}

it.each(routes.map((route) => [route.name, route] as const))(
  'answers %s for hostile bodies without a 5xx, in its envelope, storing nothing it refused',
  async (_name, route) => {
    const server = await startMock();
    const { room_id } = await server.customer.say('Hi');
    const path = route.path
      .replace('{app_code}', server.appCode)
      .replace('{room_id}', encodeURIComponent(room_id));
    const pool = new Pool(server.url, { connections: batchSize, pipelining: 1 });
    const bodies = fc.sample(hostileBody(route.examples), { numRuns: bodiesPerRoute, seed });
    const faults: string[] = [];
    const statuses = new Map<number, number>();

    const send = async (text: string, type: string) => {
      const response = await pool.request({
        method: route.method,
        path,
        headers: { 'content-type': type, ...route.headers(server) },
        body: text,
      });
      return { status: response.statusCode, answer: await response.body.text() };
    };
    const refused: { text: string; type: string }[] = [];
    for (let start = 0; start < bodies.length; start += batchSize) {
      await Promise.all(
        bodies.slice(start, start + batchSize).map(async (body) => {
          const { text, type } = encode(body, route.form);
          const { status, answer } = await send(text, type);
          statuses.set(status, (statuses.get(status) ?? 0) + 1);
          const problem = fault(route, status, answer);
          if (problem !== undefined) faults.push(`${problem}\n  body: ${text.slice(0, 300)}`);
          if (status >= 400) refused.push({ text, type });
        }),
      );
    }
    // Nothing stored for a refused body: sent again one at a time, each leaves the state as it was.
    for (const { text, type } of refused.slice(0, refusedRechecked)) {
      const before = stored(server);
      const { status } = await send(text, type);
      // A refusal that hung on the room's state (a handover already pending) may pass later.
      if (status >= 400) {
        expect(stored(server), `refused yet stored: ${text.slice(0, 300)}`).toBe(before);
      }
    }
    await pool.close();

    expect(faults.slice(0, 5)).toEqual([]);
    expect(refused.length).toBeGreaterThan(refusedRechecked);
    expect([...statuses.values()].reduce((sum, count) => sum + count, 0)).toBe(bodiesPerRoute);
    for (const read of ['/_mock/rooms', '/_mock/traffic', `/_mock/rooms/${room_id}`]) {
      const response = await fetch(`${server.url}${read}`);
      expect({ read, status: response.status }).toEqual({ read, status: 200 });
      await response.arrayBuffer();
    }
  },
  60_000,
);
