// A one-off request outside the measured window (room set-up, the pre-flight check). No
// keep-alive, so no idle socket of ours stays open on the server during the load.
import http from 'node:http';

export function postJson(url, headers, body, timeoutMs = 15_000) {
  return new Promise((resolve, reject) => {
    const request = http.request(url, {
      method: 'POST',
      agent: false,
      headers: { ...headers, 'content-length': Buffer.byteLength(body) },
      timeout: timeoutMs,
    });
    request.once('timeout', () =>
      request.destroy(new Error(`POST ${url}: no answer within ${timeoutMs / 1000} s`)),
    );
    request.once('error', reject);
    request.once('response', (response) => {
      const chunks = [];
      response.on('data', (chunk) => chunks.push(chunk));
      response.once('error', reject);
      response.once('end', () =>
        resolve({ status: response.statusCode, text: Buffer.concat(chunks).toString('utf8') }),
      );
    });
    request.end(body);
  });
}
