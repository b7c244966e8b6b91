// The practical limit: what node:http alone does with the same JSON request (the `bare` target).
import http from 'node:http';

let sent = 0;

function reply(res, status, text) {
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

const server = http.createServer((req, res) => {
  if (req.method !== 'POST' || !req.url?.endsWith('/bot')) {
    reply(res, 404, '{"error":"not found"}');
    return;
  }
  const chunks = [];
  req.on('data', (chunk) => chunks.push(chunk));
  req.on('end', () => {
    let body;
    try {
      body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch {
      reply(res, 400, '{"error":"bad json"}');
      return;
    }
    if (typeof body?.room_id !== 'string' || typeof body.message !== 'string') {
      reply(res, 400, '{"error":"invalid"}');
      return;
    }
    sent += 1;
    reply(res, 200, JSON.stringify({ ok: true, message_id: String(sent), room_id: body.room_id }));
  });
});

// Longer than autocannon's idle gaps, so connections stay reused as with a real bot.
server.keepAliveTimeout = 65_000;
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address();
  console.log(`bare-http listening on http://127.0.0.1:${port}`);
});
