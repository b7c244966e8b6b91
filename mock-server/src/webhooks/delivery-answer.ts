// What a delivery makes of the receiver's answer, or of the failure to get one.

/** Why an attempt got no answer, in words for the delivery log. */
export function describeFailure(error: unknown, url: string, timeoutMs: number): string {
  const code =
    error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : '';
  if (code === 'ECONNREFUSED') return `connection refused at ${url} (is the bot running?)`;
  if (code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT') {
    return `no answer within ${timeoutMs} ms`;
  }
  if (code === 'ENOTFOUND') return `the host of ${url} was not found`;
  const message = error instanceof Error ? error.message : String(error);
  return code ? `${code}: ${message}` : message;
}

/** The body of an answer, as undici hands it over: a stream, with a way to let the rest go. */
interface AnswerBody {
  on(event: 'data', listener: (chunk: Buffer) => void): unknown;
  on(event: 'end', listener: () => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  removeAllListeners(event: 'data'): unknown;
  dump(): Promise<void>;
}

/**
 * The first `bytes` of an answer, the rest let go. Read from the stream's events: an async
 * iterator costs a delivery a few promises and objects more.
 */
export function readHead(body: AnswerBody, bytes: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const done = () => {
      resolve(
        chunks.length === 1 && size <= bytes
          ? (chunks[0] as Buffer).toString('utf8')
          : Buffer.concat(chunks).subarray(0, bytes).toString('utf8'),
      );
    };
    body.on('data', (chunk) => {
      chunks.push(chunk);
      size += chunk.length;
      if (size < bytes) return;
      body.removeAllListeners('data');
      body.dump().then(done, done);
    });
    body.on('end', done);
    body.on('error', reject);
  });
}
