// Runs bench/load.js pinned to the load core and hands the parent the two moments that
// bound the measured window, with the load generator's pid so its CPU can be read too.
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { pinnedCommand } from './cpu-pinning.js';
import { spawnGroup, stopGroup } from './process-groups.js';

const loadScript = fileURLToPath(new URL('load.js', import.meta.url));

export function runLoad(pinning, config, { onWarmed, onMeasured }) {
  const { command, args } = pinnedCommand(pinning, 'load', [loadScript, JSON.stringify(config)]);
  const child = spawnGroup(command, args, { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  let warmup = null;
  let result;

  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk) => {
    stderr = (stderr + chunk).slice(-4000);
  });
  createInterface({ input: child.stdout }).on('line', (line) => {
    const message = JSON.parse(line);
    if (message.event === 'warmed') {
      warmup = message.warmup;
      onWarmed(child.pid);
      child.stdin.write('go\n');
    } else if (message.event === 'result') {
      onMeasured(child.pid);
      result = { ...message, warmup };
    }
  });

  return new Promise((resolve, reject) => {
    child.once('error', (error) => reject(new Error(`load generator: ${error.message}`)));
    // 'close', not 'exit': the result line may still be in the stdout pipe when it exits.
    child.once('close', (code, signal) => {
      if (result && code === 0) {
        resolve(result);
        return;
      }
      void stopGroup(child);
      reject(
        new Error(
          `load generator exited (${signal ?? `code ${code}`}) without a result\n` +
            `--- its stderr ---\n${stderr.trim() || '(empty)'}`,
        ),
      );
    });
  });
}
