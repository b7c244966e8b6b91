// `npm run bench`'s memory section: a fresh mock takes 100,000 bot messages spread over 100
// rooms, and its resident set is read every tenth of the way, to see whether it stays within
// its budget and levels off (issue 17: ≤ 160 MiB, flat) rather than growing with the traffic.
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { pinnedCommand } from '../cpu-pinning.js';
import { postJson } from '../post-json.js';
import { sampleGroup } from '../proc-stats.js';
import { spawnGroup, stopGroup } from '../process-groups.js';
import { botHeaders, botMessageBody, botPath } from '../request-body.js';
import { startServer } from '../server-process.js';
import { targets } from '../targets.js';

const loadScript = fileURLToPath(new URL('memory-load.js', import.meta.url));
const samplesWanted = 10;
export const memoryLimitMiB = 160;
// Flat: the last sample at most this much above the one halfway through (a mock still
// growing steadily, about 1 % every 10,000 messages, is not).
export const flatGrowth = 0.05;

async function createRoom(url, index) {
  const body = JSON.stringify({ channel: 'qiscus', text: `memory room ${index}` });
  const { status, text } = await postJson(
    `${url}/_mock/messages`,
    { 'content-type': 'application/json' },
    body,
  );
  if (status !== 200) throw new Error(`memory: creating room ${index} answered ${status}: ${text}`);
  return JSON.parse(text).room_id;
}

function runLoad(pinning, config, onProgress) {
  const { command, args } = pinnedCommand(pinning, 'load', [loadScript, JSON.stringify(config)]);
  const child = spawnGroup(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  let done;
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk) => {
    stderr = (stderr + chunk).slice(-4000);
  });
  createInterface({ input: child.stdout }).on('line', (line) => {
    const message = JSON.parse(line);
    if (message.event === 'progress') onProgress(message);
    else if (message.event === 'done') done = message;
  });
  return new Promise((resolve, reject) => {
    child.once('close', (code, signal) => {
      if (done && code === 0) resolve({ ...done, stderr });
      else {
        void stopGroup(child);
        reject(new Error(`memory load exited (${signal ?? `code ${code}`})\n${stderr.trim()}`));
      }
    });
  });
}

export function judgeMemory(samples, limitMiB = memoryLimitMiB) {
  const last = samples.at(-1);
  const half = samples[Math.floor((samples.length - 1) / 2)];
  const growth = last && half ? last.rssMiB / half.rssMiB - 1 : null;
  const flat = growth !== null && growth <= flatGrowth;
  const withinLimit = last !== undefined && last.rssMiB <= limitMiB;
  return { limitMiB, flatGrowth, growth, flat, withinLimit, passed: flat && withinLimit };
}

export async function runMemorySection(settings, { pinning, log }) {
  const every = Math.max(1, Math.floor(settings.messages / samplesWanted));
  log(`memory: ${settings.messages} bot messages in ${settings.rooms} rooms, RSS every ${every}`);
  const server = await startServer(targets.mock, pinning, 30_000);
  try {
    const rooms = [];
    for (let index = 0; index < settings.rooms; index += 1) {
      rooms.push(await createRoom(server.url, index));
    }
    const samples = [{ messages: 0, rssMiB: sampleGroup(server.pid).rssKiB / 1024 }];
    const result = await runLoad(
      pinning,
      {
        url: server.url,
        path: botPath,
        headers: botHeaders,
        bodies: rooms.map((roomId) => botMessageBody(roomId)),
        messages: settings.messages,
        connections: settings.connections,
        every,
      },
      ({ answered }) => {
        samples.push({ messages: answered, rssMiB: sampleGroup(server.pid).rssKiB / 1024 });
      },
    );
    const peakRssMiB = sampleGroup(server.pid).peakRssKiB / 1024;
    log(`memory: RSS ${samples.map((sample) => sample.rssMiB.toFixed(0)).join(', ')} MiB`);
    return {
      settings,
      samples,
      peakRssMiB,
      failures: result.failures,
      roomsGone: result.roomsGone,
      firstFailure: result.stderr.trim() || null,
      judged: judgeMemory(samples.slice(1)),
    };
  } finally {
    await server.stop();
  }
}
