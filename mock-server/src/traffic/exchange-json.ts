import { formatTimestamp } from '../clock.js';
import { isSecretHeader, redacted } from './redact-headers.js';
import {
  presentHeaders,
  presentRequestBody,
  presentResponseBody,
  redactText,
  isHeaderLines,
  type ExchangeRecord,
  type StoredExchange,
} from './kept-exchange.js';

const lineBreaks = /[\r\n]/g;
// eslint-disable-next-line no-control-regex
const escapedInJson = /["\\/\u0000-\u001f]/;
// Nothing JSON escapes: no quote, backslash or control character (nor a lone surrogate, which
// JSON.stringify writes as an escape).
// eslint-disable-next-line no-control-regex
const needsNoEscape = /^[^"\\\u0000-\u001f\ud800-\udfff]*$/;

/**
 * Writes a kept exchange as the JSON text of the `Exchange` that `presentExchange` makes, on one
 * line, without making that value: the kept JSON texts of the bodies are spliced in as they are
 * (a recording line and a traffic page then cost a few concatenations, not a parse of each body
 * and a second serialisation of it; issue 13). A body whose text could hold a secret, or whose
 * text is not known to be one complete JSON text, is made into a value and written out as
 * before, so the text read back is the same value either way.
 */
export class ExchangeJson {
  /**
   * Whether no secret holds a character a JSON text may write as a short escape (\", \\, \/)
   * or must (a control character): then a secret in a decoded string is in the text as it is
   * too, unless a \u escape spells part of it.
   */
  private readonly plainSecrets: boolean;

  constructor(private readonly secrets: readonly string[]) {
    this.plainSecrets = secrets.every((secret) => secret !== '' && !escapedInJson.test(secret));
  }

  /** The exchange as one line of JSON (no line breaks), secrets redacted. */
  write(stored: StoredExchange): string {
    const secrets = this.secrets;
    const requestBody =
      (stored.requestJson && this.asIs(stored.requestBody)) ||
      JSON.stringify(presentRequestBody(stored, secrets));
    const response =
      stored.status === null && stored.responseBody === undefined
        ? 'null'
        : `{"body":${
            (stored.responseJson && this.asIs(stored.responseBody)) ||
            JSON.stringify(presentResponseBody(stored, secrets))
          }}`;
    return (
      `{"seq":${stored.seq},"start_seq":${stored.startSeq},"time":"${formatTimestamp(stored.time)}",` +
      `"direction":"${stored.direction}","operation_id":${JSON.stringify(stored.operationId)},` +
      `"method":${JSON.stringify(stored.method)},` +
      `"path":${JSON.stringify(redactText(stored.path, secrets))},` +
      `"room_id":${JSON.stringify(stored.roomId)},"status":${JSON.stringify(stored.status)},` +
      `"request":{"headers":${this.headers(stored.requestHeaders)},"body":${requestBody}},` +
      `"response":${response},` +
      `"error":${stored.error === null ? 'null' : JSON.stringify(redactText(stored.error, secrets))},` +
      `"warnings":${stored.warnings.length === 0 ? '[]' : JSON.stringify(stored.warnings)},` +
      `"flags":${stored.flags.length === 0 ? '[]' : JSON.stringify(stored.flags)}}`
    );
  }

  /**
   * A complete JSON text as it can go into the line, or '' when it must be read as a value
   * first: it may hold a secret (plainly, or behind an escape). Line breaks outside strings are
   * whitespace (inside, JSON has them escaped), so they become spaces.
   */
  private asIs(text: unknown): string {
    if (typeof text !== 'string' || text.includes('\\u')) return '';
    if (!this.plainSecrets && text.includes('\\')) return '';
    for (const secret of this.secrets) if (text.includes(secret)) return '';
    return text.includes('\n') || text.includes('\r') ? text.replace(lineBreaks, ' ') : text;
  }

  /**
   * The headers as `presentHeaders` makes them, written from Node's raw lines directly: walked
   * in the one string they are kept as, not split, and a name or value with nothing to escape
   * quoted as it is (recording writes this for every exchange).
   */
  private headers(headers: ExchangeRecord['requestHeaders']): string {
    if (!isHeaderLines(headers)) return JSON.stringify(presentHeaders(headers, this.secrets));
    const text = typeof headers === 'string' ? headers : headers.join('\n');
    const names: string[] = [];
    let out = '';
    let at = 0;
    while (at < text.length) {
      const nameEnd = text.indexOf('\n', at);
      if (nameEnd === -1) break;
      const name = text.slice(at, nameEnd).toLowerCase();
      const valueEnd = text.indexOf('\n', nameEnd + 1);
      const value = text.slice(nameEnd + 1, valueEnd === -1 ? text.length : valueEnd);
      at = valueEnd === -1 ? text.length : valueEnd + 1;
      const code = name.charCodeAt(0);
      // A name given twice is joined into one value, and an integer-like name would move to the
      // front of an object: both are left to the object.
      if (names.includes(name) || (code >= 48 && code <= 57)) {
        return JSON.stringify(presentHeaders(headers, this.secrets));
      }
      names.push(name);
      const shown = isSecretHeader(name) || this.holdsSecret(value) ? redacted : value;
      out += `${out === '' ? '' : ','}${quoted(name)}:${quoted(shown)}`;
    }
    return `{${out}}`;
  }

  private holdsSecret(value: string): boolean {
    for (const secret of this.secrets) if (value.includes(secret)) return true;
    return false;
  }
}

/** A string as a JSON string: quoted as it is when nothing in it needs escaping. */
function quoted(text: string): string {
  return needsNoEscape.test(text) ? `"${text}"` : JSON.stringify(text);
}
