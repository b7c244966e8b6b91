import type { Exchange } from '#contracts';

/** Keys whose values change from run to run: ids, timestamps, avatar URLs. */
const volatileKeys = new Set([
  'id',
  'id_str',
  'room_id',
  'room_id_str',
  'topic_id',
  'comment_id',
  'comment_before_id',
  'comment_before_id_str',
  'unique_temp_id',
  'unique_id',
  'message_id',
  'delivery_id',
  'timestamp',
  'time',
  'unix_timestamp',
  'unix_nano_timestamp',
  'avatar_url',
  'avatar',
  'room_avatar',
]);

/** The stand-in for a value that changes from run to run. */
export const normalized = '<normalized>';

function isVolatile(key: string): boolean {
  return (
    volatileKeys.has(key) ||
    key.endsWith('_at') ||
    key.endsWith('_id_str') ||
    key.endsWith('timestamp')
  );
}

/** A date and time (ISO 8601), wherever it is: a timestamp changes from run to run. */
const isoTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

function normalizeValue(value: unknown): unknown {
  if (typeof value === 'string' && isoTime.test(value)) return normalized;
  if (Array.isArray(value)) return value.map(normalizeValue);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(
      Object.entries(value).map(([key, inner]) => [
        key,
        isVolatile(key) && inner !== null ? normalized : normalizeValue(inner),
      ]),
    );
  }
  return value;
}

/** A path with its numbers of six digits or more (room ids) replaced. */
function normalizePath(path: string): string {
  return path.replace(/\b\d{6,}\b/g, normalized);
}

/** A path written as `request.body.payload.text`, `*` standing for any one key or index. */
function removePath(value: unknown, segments: readonly string[]): unknown {
  if (segments.length === 0 || typeof value !== 'object' || value === null) return value;
  const [head, ...rest] = segments;
  if (Array.isArray(value)) {
    return (value as unknown[]).map((item, index) =>
      head === '*' || head === String(index)
        ? rest.length === 0
          ? undefined
          : removePath(item, rest)
        : item,
    );
  }
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    if (head === '*' || head === key) {
      if (rest.length > 0) out[key] = removePath(inner, rest);
    } else {
      out[key] = inner;
    }
  }
  return out;
}

/**
 * What replay compares of a bot-side exchange: who called what, the status and the bodies, with
 * ids, timestamps and avatar URLs replaced and the `ignore` paths (`response.body`,
 * `request.body.payload.*.image` …) left out. Of a webhook, the body is the mock's and is not
 * compared; the bot's answer to it is.
 */
export function comparableOf(exchange: Exchange, ignore: readonly string[] = []): unknown {
  let view: unknown = {
    direction: exchange.direction,
    operation_id: exchange.operation_id,
    method: exchange.method,
    path: normalizePath(exchange.path),
    status: exchange.status,
    request: {
      body: exchange.direction === 'to_bot' ? null : normalizeValue(exchange.request.body),
    },
    response: exchange.response === null ? null : { body: normalizeValue(exchange.response.body) },
  };
  for (const path of ignore) view = removePath(view, path.split('.'));
  return view;
}

/**
 * A turn's bot side in the order replay compares it: the webhooks first, then the bot's calls,
 * each in the order they happened. The two interleave differently from run to run (a bot may
 * call the API before it has answered the webhook), so their mutual order is not compared.
 */
export function inComparedOrder<T>(items: readonly T[], exchangeOf: (item: T) => Exchange): T[] {
  return [
    ...items.filter((item) => exchangeOf(item).direction === 'to_bot'),
    ...items.filter((item) => exchangeOf(item).direction !== 'to_bot'),
  ];
}
