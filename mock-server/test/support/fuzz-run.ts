import { Pool } from 'undici';
import { expect } from 'vitest';
import { ErrorEnvelopeSchema, ProblemSchema } from '#contracts';
import type { MockServer } from '#mock-server';
import type { FuzzRequest, FuzzRoute } from './fuzz-routes.js';
import { startMock } from './start-mock.js';

/** Requests per route: the 2,000 of issue 15, in every `npm test`. */
export const requestsPerRoute = 2000;
/** Requests in flight at once; the state is compared before and after each window of them. */
const window = 32;
/** A fixed seed, so a failure is the same on every run; FUZZ_SEED tries others. */
const seed = Number(process.env['FUZZ_SEED'] ?? 20261206);

/** Everything a request could store: rooms (messages, tags, agents …), deliveries, switches. */
function fingerprint(server: MockServer): string {
  return JSON.stringify({
    rooms: server.rooms.list(),
    deliveries: server.deliveries.list().length,
    settings: server.settings(),
  });
}

/** What is wrong with one answer, or undefined when it is as the contract says. */
function fault(route: FuzzRoute, status: number, text: string): string | undefined {
  if (status >= 500) return `${status}: ${text.slice(0, 300)}`;
  if (status < 400) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return `${status} is not JSON: ${text.slice(0, 300)}`;
  }
  // Headers too large are refused before any route is known, in the Qiscus envelope.
  if (route.control && status !== 431) {
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

/**
 * Sends 2,000 hostile requests to one route of a fresh mock and checks every answer: no 5xx,
 * every 4xx in its envelope with a field path, and a state left as it was by each window of
 * refused requests. Returns a line on where the time went (FUZZ_TIMINGS=1 prints them).
 */
export async function fuzzRoute(route: FuzzRoute): Promise<string> {
  const server = await startMock();
  const { room_id } = await server.customer.say('Hi');
  const generatedAt = performance.now();
  const requests = route.requests(server, room_id, requestsPerRoute, seed);
  // The requests the contract refuses first: their windows must leave the state as it was.
  const ordered = route.mayStore
    ? [
        ...requests.filter((request) => request.contractRefuses),
        ...requests.filter((request) => !request.contractRefuses),
      ]
    : requests;
  const sentAt = performance.now();
  const pool = new Pool(server.url, { connections: window, pipelining: 1 });
  const faults: string[] = [];
  const statuses = new Map<number, number>();
  /** Refused requests not yet seen leave the state alone (their window had an accepted one). */
  let unchecked: FuzzRequest[] = [];
  let checked = 0;

  const send = async (request: FuzzRequest) => {
    const response = await pool.request({
      method: route.method,
      path: request.path,
      headers: request.headers,
      ...(request.body === undefined ? {} : { body: request.body }),
    });
    return { status: response.statusCode, answer: await response.body.text() };
  };
  /** Sends one window; true when every request in it was refused (or none could store). */
  const sendWindow = async (batch: readonly FuzzRequest[], count: boolean) => {
    const before = fingerprint(server);
    const refused: FuzzRequest[] = [];
    await Promise.all(
      batch.map(async (request) => {
        const { status, answer } = await send(request);
        if (count) statuses.set(status, (statuses.get(status) ?? 0) + 1);
        const problem = fault(route, status, answer);
        if (problem !== undefined) {
          faults.push(
            `${problem}\n  ${request.path}\n  body: ${(request.body ?? '').slice(0, 300)}`,
          );
        }
        if (status >= 400 || !route.mayStore) refused.push(request);
      }),
    );
    if (refused.length === batch.length) {
      expect(fingerprint(server), `refused yet stored: ${route.name}`).toBe(before);
      checked += batch.length;
      return;
    }
    unchecked.push(...refused);
  };
  for (let start = 0; start < ordered.length; start += window) {
    await sendWindow(ordered.slice(start, start + window), true);
  }
  // Refused requests that shared a window with an accepted one, sent again in smaller windows,
  // down to one at a time, so each is seen to leave the state alone.
  for (const size of [8, 1]) {
    const again = unchecked;
    unchecked = [];
    for (let start = 0; start < again.length; start += size) {
      await sendWindow(again.slice(start, start + size), false);
    }
  }
  await pool.close();
  const doneAt = performance.now();

  expect(faults.slice(0, 5)).toEqual([]);
  expect([...statuses.values()].reduce((sum, count) => sum + count, 0)).toBe(requestsPerRoute);
  expect([...statuses.keys()].some((status) => status >= 400)).toBe(true);
  // Sent alone, a refused request is always checked.
  expect(unchecked).toEqual([]);
  expect(checked).toBeGreaterThan(requestsPerRoute / 2);
  for (const read of ['/_mock/rooms', '/_mock/traffic', `/_mock/rooms/${room_id}`]) {
    const response = await fetch(`${server.url}${read}`);
    expect({ read, status: response.status }).toEqual({ read, status: 200 });
    await response.arrayBuffer();
  }
  return `${route.name}: generated in ${Math.round(sentAt - generatedAt)} ms, sent in ${Math.round(doneAt - sentAt)} ms; ${[...statuses].map(([status, count]) => `${status}×${count}`).join(' ')}`;
}
