import type { MockSettings } from '#contracts';

/** What the banner shows about a running server. */
export interface BannerFacts {
  readonly url: string;
  readonly secretKey: string;
  readonly adminToken: string;
  readonly settings: MockSettings;
  /** A bot that answers by itself (e.g. "the reference bot"): the banner then shows how to read its answer instead of how to answer. */
  readonly answeringBot?: string;
  /** The mock listens beyond loopback, so /_mock asks for the admin token. */
  readonly adminTokenRequired?: boolean;
}

/** The start-up warning of a mock that listens beyond loopback. */
export function formatRemoteWarning(adminToken: string): string {
  return `Listening beyond this machine: anyone who can reach it can call it. /_mock (reset, config, rooms) therefore needs the admin token:
  -H 'Authorization: Bearer ${adminToken}'   (the dashboard: open it with #token=${adminToken} at the end of its URL)
`;
}

function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/**
 * The start-up banner: the one "listening on" line a script can wait for, the dashboard to open
 * next, the credentials, the bot URL (or how to set it), ready-to-paste curls and the docs URL.
 */
export function formatBanner(facts: BannerFacts): string {
  const { url, settings } = facts;
  const botUrl =
    settings.bot_url ??
    `not set: restart with --bot-url http://127.0.0.1:3738/ or run\n                 curl -s -X PATCH ${url}/_mock/config -H 'Content-Type: application/json' -d '{"bot_url":"http://127.0.0.1:3738/"}'`;
  const channels = settings.channels
    .map((channel) => `${channel.source}${channel.is_on_cloud ? ' (cloud)' : ''}`)
    .join(', ');
  const divisions = settings.divisions.map((division) => division.name).join(', ');
  // Only the webhooks set are shown: most runs have none, and the line would be noise.
  const otherWebhooks = Object.entries(settings.webhooks)
    .filter(([, webhook]) => webhook.enabled && webhook.url !== null)
    .map(([name, webhook]) => `\n  Webhook        ${name} → ${webhook.url ?? ''}`)
    .join('');
  const online = settings.agents.filter((agent) => agent.is_available).length;
  // With an id, the same curl with another text goes on in the same room.
  const say = JSON.stringify({
    channel: 'wa',
    customer: { id: '6281234567890', name: 'Budi' },
    text: 'Hi',
  });
  const answer = JSON.stringify({
    sender_email: settings.bot_email,
    message: 'Hello Budi!',
    room_id: 'ROOM_ID',
  });
  return `qiscus-mock listening on ${url}
${facts.adminTokenRequired ? `\n${formatRemoteWarning(facts.adminToken)}` : ''}
Dashboard: ${url}/${facts.adminTokenRequired ? `#token=${facts.adminToken}` : ''}   <- open this in a browser: the live inbox, to talk to the bot and hand over

  App code       ${settings.app_code}
  Secret key     ${facts.secretKey}   (header QISCUS_SDK_SECRET, or Qiscus-Secret-Key with Qiscus-App-Id)
  Admin token    ${facts.adminToken}   (header Authorization, for the app settings endpoints)
  Bot sender     ${settings.bot_email}
  Bot URL        ${botUrl}
  Bot            ${settings.bot_enabled ? 'on' : 'off'} · Auto Agent Allocation ${settings.auto_agent_allocation ? 'on' : 'off'} · delivery ${settings.delivery}${otherWebhooks}
  Channels       ${channels}
  Divisions      ${divisions} (${settings.agents.length} agents, ${online} online)
  API docs       ${url}/docs   (OpenAPI 3.1: ${url}/openapi.json)

A customer writes on WhatsApp (the bot gets a webhook; the answer shows the room_id; change the
text to go on in the same room):
  curl -s -X POST '${url}/_mock/messages?wait=true' -H 'Content-Type: application/json' -d ${shellQuote(say)}
${
  facts.answeringBot
    ? `${facts.answeringBot[0]?.toUpperCase() ?? ''}${facts.answeringBot.slice(1)} answers by itself; read the room, its answer included (put the room_id in):
  curl -s ${url}/_mock/rooms/ROOM_ID`
    : `The bot answers (put the room_id in):
  curl -s -X POST ${url}/${settings.app_code}/bot -H 'QISCUS_SDK_SECRET: ${facts.secretKey}' -H 'Content-Type: application/json' -d ${shellQuote(answer)}
See the room:
  curl -s ${url}/_mock/rooms`
}

Press Ctrl-C to stop.
`;
}
