import fc from 'fast-check';
import {
  checkContract,
  controlOperations,
  operations,
  type BodyMediaType,
  type ControlOperationDescriptor,
  type OperationDescriptor,
  type z,
} from '#contracts';
import type { MockServer } from '#mock-server';
import { credentialHeaders } from './call-qiscus.js';
import { hostileBody, hostileString, toJsonText, type Json } from './hostile-body.js';

/** One generated request, encoded before anything is sent. */
export interface FuzzRequest {
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
  /** Whether the contract refuses it, so it goes first, among requests that cannot store. */
  readonly contractRefuses: boolean;
}

/** A route the fuzz test sends hostile requests to. */
export interface FuzzRoute {
  readonly name: string;
  readonly method: 'GET' | 'POST' | 'PATCH';
  /** A control route answers problem+json; a Qiscus route its error envelope. */
  readonly control: boolean;
  /** Whether an accepted request may change the state (a GET never may). */
  readonly mayStore: boolean;
  /** `count` requests for this mock, whose first room is `roomId`, from `seed`. */
  requests(server: MockServer, roomId: string, count: number, seed: number): FuzzRequest[];
}

/** An example with the room it names replaced by a room the mock has, so some are accepted. */
function withRoom(example: unknown, roomId: string): unknown {
  if (example === null || typeof example !== 'object' || Array.isArray(example)) return example;
  const record = example as Record<string, unknown>;
  if (!('room_id' in record)) return example;
  return { ...record, room_id: typeof record['room_id'] === 'number' ? Number(roomId) : roomId };
}

function fieldsOf(body: Json): [string, string][] {
  const fields: Record<string, unknown> =
    body !== null && typeof body === 'object' && !Array.isArray(body) ? body : { body };
  return Object.entries(fields).map(([key, value]) => [
    key,
    typeof value === 'string' ? value : toJsonText(value),
  ]);
}

/** A body in one of the media types, as a client sends it. */
function encode(body: Json, media: BodyMediaType): { body: string; type: string } {
  if (media === 'application/json') return { body: toJsonText(body), type: media };
  if (media === 'application/x-www-form-urlencoded') {
    return { body: new URLSearchParams(fieldsOf(body)).toString(), type: media };
  }
  const boundary = 'fuzz0boundary0x';
  const parts = fieldsOf(body).map(
    ([key, value]) =>
      `--${boundary}\r\nContent-Disposition: form-data; name="${key.replace(/["\r\n]/g, '_')}"\r\n\r\n${value}\r\n`,
  );
  return {
    body: `${parts.join('')}--${boundary}--\r\n`,
    type: `multipart/form-data; boundary=${boundary}`,
  };
}

/** A path parameter: mostly the room the mock has, else something hostile, percent-encoded. */
const pathValue = (roomId: string): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 6, arbitrary: fc.constant(roomId) },
    {
      weight: 3,
      arbitrary: hostileString.map((text) => {
        try {
          return encodeURIComponent(text);
        } catch {
          return '%ED%A0%80'; // a lone surrogate, as UTF-8 bytes that are not UTF-8
        }
      }),
    },
    {
      weight: 2,
      arbitrary: fc.constantFrom(
        '%zz',
        '..%2f..',
        '..%5c',
        '%00',
        '-1',
        '0',
        '1e3',
        '9'.repeat(400),
      ),
    },
  );

/** A query string from the operation's example, mutated: odd values, keys dropped or added, junk. */
function hostileQuery(
  example: Readonly<Record<string, string | readonly string[]>>,
  roomId: string,
): fc.Arbitrary<string> {
  const pairs = Object.entries(example).flatMap(([key, value]) =>
    (typeof value === 'string' ? [value] : value).map(
      (item) => [key, key === 'room_id' ? roomId : item] as [string, string],
    ),
  );
  const value = fc.oneof(
    hostileString,
    fc.constantFrom('-1', '0', '1.5', '99999999999999999999', 'true', '[]', '{}', ''),
  );
  const mutation = fc.oneof(
    value.map(
      (text) => (list: [string, string][], at: number) =>
        list.map((pair, index): [string, string] => (index === at ? [pair[0], text] : pair)),
    ),
    fc.constant((list: [string, string][], at: number) => list.filter((_, index) => index !== at)),
    fc
      .tuple(
        fc.oneof(hostileString, fc.constantFrom('page', 'limit', 'a[b][c]', '__proto__')),
        value,
      )
      .map(([key, text]) => (list: [string, string][]) => [
        ...list,
        [key, text] as [string, string],
      ]),
  );
  const junk = fc.constantFrom('', '', '', '&%zz', '&=', '&&&', '&%', '&x=%E0%A4%A', '&%00=%00');
  return fc
    .tuple(fc.array(fc.tuple(fc.nat(), mutation), { maxLength: 3 }), junk)
    .map(([steps, tail]) => {
      const list = steps.reduce(
        (current, [at, step]) => step(current, current.length === 0 ? 0 : at % current.length),
        pairs,
      );
      const text = new URLSearchParams(list).toString() + tail;
      return text === '' ? '' : `?${text}`;
    });
}

const mediaOrder: readonly BodyMediaType[] = [
  'application/json',
  'application/x-www-form-urlencoded',
  'multipart/form-data',
];

function bodyRoute(
  name: string,
  method: FuzzRoute['method'],
  template: string,
  control: boolean,
  content: Partial<Record<BodyMediaType, { schema: z.ZodType; examples: object }>>,
  credentials: (server: MockServer) => Record<string, string>,
): FuzzRoute {
  const medias = mediaOrder.filter((media) => content[media] !== undefined);
  const first = content[medias[0] ?? 'application/json'];
  const examples = Object.values(first?.examples ?? {}).map(
    (example: { value: unknown }) => example.value,
  );
  return {
    name,
    method,
    control,
    mayStore: true,
    requests(server, roomId, count, seed) {
      const path = template.replace('{app_code}', server.appCode);
      const arbitrary = fc.tuple(
        hostileBody(examples.map((example) => withRoom(example, roomId))),
        fc.constantFrom(...medias),
        pathValue(roomId),
      );
      return fc.sample(arbitrary, { numRuns: count, seed }).map(([body, media, room]) => {
        const encoded = encode(body, media);
        return {
          path: path.replace('{room_id}', room),
          headers: { ...credentials(server), 'content-type': encoded.type },
          body: encoded.body,
          contractRefuses:
            (template.includes('{room_id}') && room !== roomId) ||
            !checkContract(first?.schema ?? ({} as z.ZodType), body).ok,
        };
      });
    },
  };
}

function queryRoute(operation: OperationDescriptor): FuzzRoute {
  return {
    name: `GET ${operation.path}`,
    method: 'GET',
    control: false,
    mayStore: false,
    requests(server, roomId, count, seed) {
      const arbitrary = fc.tuple(
        hostileQuery(operation.request.queryExample ?? {}, roomId),
        pathValue(roomId),
        // Now and then a body, which a GET does not take.
        fc.option(hostileBody([{ room_id: roomId }]), { freq: 10 }),
      );
      return fc.sample(arbitrary, { numRuns: count, seed }).map(([query, room, body]) => ({
        path: `${operation.path.replace('{room_id}', room)}${query}`,
        headers: {
          ...credentialHeaders(server, operation.auth.styles[0] ?? 'none'),
          ...(body === null ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === null ? {} : { body: toJsonText(body) }),
        contractRefuses: true,
      }));
    },
  };
}

/** Every Qiscus route of the catalogue, and every control route that takes a body. */
export const fuzzRoutes: readonly FuzzRoute[] = [
  ...(operations as readonly OperationDescriptor[]).map((operation) =>
    operation.request.body
      ? bodyRoute(
          `${operation.method.toUpperCase()} ${operation.path}`,
          'POST',
          operation.path,
          false,
          operation.request.body.content,
          (server) => credentialHeaders(server, operation.auth.styles[0] ?? 'none'),
        )
      : queryRoute(operation),
  ),
  ...(controlOperations as readonly ControlOperationDescriptor[]).flatMap((operation) => {
    const body = operation.request.body;
    if (body === undefined) return [];
    return [
      bodyRoute(
        `${operation.method.toUpperCase()} ${operation.path}`,
        operation.method.toUpperCase() as 'POST' | 'PATCH',
        operation.path,
        true,
        { 'application/json': body },
        () => ({}),
      ),
    ];
  }),
];
