// Starts one target fresh, pinned, on a port the OS picks (or, for a server that cannot be
// told port 0, a free port found here and given to its `args(port)`), and waits for the line
// that names its URL (`readyUrl(line)` for one that words it differently); the server's own
// stderr goes into the error when it never gets there.
import { createServer } from 'node:net';
import { pinnedCommand } from './cpu-pinning.js';
import { spawnGroup, stopGroup } from './process-groups.js';

const listeningLine = /listening on (https?:\/\/[^\s/]+)/;
const keptChars = 4000;

function keepTail(text, more) {
  const joined = text + more;
  return joined.length > keptChars ? joined.slice(-keptChars) : joined;
}

function urlInListeningLine(line) {
  return listeningLine.exec(line)?.[1];
}

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

export async function startServer(target, pinning, timeoutMs) {
  const targetArgs =
    typeof target.args === 'function' ? target.args(await freePort()) : target.args;
  const readyUrl = target.readyUrl ?? urlInListeningLine;
  const { command, args } = pinnedCommand(pinning, 'server', targetArgs);
  const child = spawnGroup(command, args, {
    cwd: target.cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
    // What a target adds to the environment (the profiler's preload, for bench:profile).
    ...(target.env ? { env: { ...process.env, ...target.env } } : {}),
  });
  const output = { stdout: '', stderr: '', bytesAfterListening: 0 };
  let url;

  return new Promise((resolve, reject) => {
    let pending = '';
    let settled = false;
    const fail = (reason) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void stopGroup(child).finally(() => {
        const stderr = output.stderr.trim() || '(empty)';
        const stdout = output.stdout.trim() || '(empty)';
        reject(
          new Error(
            `target '${target.name}' failed to start: ${reason}\n` +
              `command: ${[command, ...args].join(' ')}\n` +
              `--- its stderr ---\n${stderr}\n--- its stdout ---\n${stdout}`,
          ),
        );
      });
    };
    const timer = setTimeout(
      () => fail(`no line naming its URL on stdout within ${timeoutMs / 1000} s`),
      timeoutMs,
    );

    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk) => {
      output.stderr = keepTail(output.stderr, chunk);
      if (url) output.bytesAfterListening += Buffer.byteLength(chunk);
    });
    child.stdout.on('data', (chunk) => {
      if (url) {
        output.bytesAfterListening += Buffer.byteLength(chunk);
        return;
      }
      output.stdout = keepTail(output.stdout, chunk);
      pending += chunk;
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      const found = lines.map((line) => readyUrl(line)).find(Boolean);
      if (!found || settled) return;
      settled = true;
      clearTimeout(timer);
      url = found;
      resolve({
        name: target.name,
        pid: child.pid,
        url,
        output,
        stop: () => stopGroup(child),
      });
    });
    child.once('error', (error) => fail(error.message));
    child.once('exit', (code, signal) => {
      if (!url) fail(`it exited (${signal ?? `code ${code}`}) before printing its URL`);
    });
  });
}
