import { z } from './zod.js';

/** An absolute http(s) URL: what Qiscus can fetch or open. Other schemes are refused. */
export const WebUrlSchema = z
  .url({
    protocol: /^https?$/,
    error: (issue) => (issue.input === undefined ? undefined : 'must be an http(s) URL'),
  })
  // `format: uri` alone would let javascript: and ftp: through in JSON Schema validators.
  .openapi({ pattern: '^[Hh][Tt][Tt][Pp][Ss]?://[^/?#\\s]+' });
