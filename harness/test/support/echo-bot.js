// A bot in its own process, as `--bot-cmd` starts one: it reads the mock's details from its
// environment, listens on $PORT and echoes each customer text back through the mock's API.
// `--exit-at-once` makes it fail at start-up, as a broken bot would; `--ignore-sigterm` makes it
// ignore SIGTERM, as a stuck one would. A GET answers with its process id.
import { createServer } from 'node:http';

const { QISCUS_BASE_URL, QISCUS_APP_CODE, QISCUS_SECRET_KEY, QISCUS_BOT_EMAIL, PORT } = process.env;

if (process.argv.includes('--exit-at-once')) {
  process.stderr.write('echo bot: cannot load its settings, giving up\n');
  process.exit(3);
}

process.stdout.write(
  `echo bot: pid ${process.pid}, base ${QISCUS_BASE_URL}, app ${QISCUS_APP_CODE}, email ${QISCUS_BOT_EMAIL}, secret ${QISCUS_SECRET_KEY === 'mock-secret-key' ? 'given' : 'missing'}, port ${PORT}\n`,
);

const server = createServer(async (request, response) => {
  if (request.method !== 'POST') {
    response.writeHead(200).end(`echo bot ${process.pid}`);
    return;
  }
  let body = '';
  for await (const chunk of request) body += chunk;
  const webhook = JSON.parse(body);
  response.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
  const text = webhook.payload.message.text;
  process.stdout.write(`echo bot: heard ${JSON.stringify(text)}\n`);
  await fetch(`${QISCUS_BASE_URL}/${QISCUS_APP_CODE}/bot`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', QISCUS_SDK_SECRET: QISCUS_SECRET_KEY },
    body: JSON.stringify({
      sender_email: QISCUS_BOT_EMAIL,
      type: 'text',
      message: `echo: ${text}`,
      room_id: webhook.payload.room.id_str,
    }),
  });
});

server.listen(Number(PORT), '127.0.0.1');
process.on('SIGTERM', () => {
  if (process.argv.includes('--ignore-sigterm')) {
    process.stdout.write('echo bot: ignoring SIGTERM\n');
    return;
  }
  server.close();
  server.closeAllConnections();
});
