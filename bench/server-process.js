// Starts one target fresh, pinned, on a port the OS picks, and waits for the line that
// names its URL; the server's own stderr goes into the error when it never gets there.
import { pinnedCommand } from './cpu-pinning.js';
import { spawnGroup, stopGroup } from './process-groups.js';

const listeningLine = /listening on (https?:\/\/[^\s/]+)/;
const keptChars = 4000;

function keepTail(text, more) {
  const joined = text + more;
  return joined.length > keptChars ? joined.slice(-keptChars) : joined;
}

export function startServer(target, pinning, timeoutMs) {
  const { command, args } = pinnedCommand(pinning, 'server', target.args);
  const child = spawnGroup(command, args, {
    cwd: target.cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
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
      () => fail(`no 'listening on http://…' line on stdout within ${timeoutMs / 1000} s`),
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
      const match = lines.map((line) => listeningLine.exec(line)).find(Boolean);
      if (!match || settled) return;
      settled = true;
      clearTimeout(timer);
      url = match[1];
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
