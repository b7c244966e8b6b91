// `npm run bench -- --peers`: Prism and Mockoon, installed on demand at pinned versions into a
// cache outside the repository (reused when present), never into the project's node_modules.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

// Both run on Node 20 (engines: prism-cli >=18.20.1, @mockoon/cli >=18); the versions
// reference/performance-anchors.md measured.
export const peerPackages = { '@stoplight/prism-cli': '5.14.2', '@mockoon/cli': '9.9.0' };

export function peerCacheDir(env = process.env) {
  const cache = env.XDG_CACHE_HOME || join(homedir(), '.cache');
  return join(cache, 'qiscus-mock-bench', 'peers');
}

function installedVersion(dir, name) {
  try {
    return JSON.parse(readFileSync(join(dir, 'node_modules', name, 'package.json'), 'utf8'))
      .version;
  } catch {
    return undefined;
  }
}

function missingPackages(dir) {
  return Object.entries(peerPackages).filter(
    ([name, version]) => installedVersion(dir, name) !== version,
  );
}

// `npm run bench` hands its own npm settings down, among them the project as prefix; drop those
// (and the script's package fields), keep the rest (a registry, a proxy, a CA file).
const projectSettings = /^npm_(package_|lifecycle_|config_(local_|global_)?prefix$|config_call$)/i;

function installEnv() {
  return Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !projectSettings.test(key)),
  );
}

export function ensurePeers(log, dir = peerCacheDir()) {
  if (missingPackages(dir).length === 0) {
    log(
      `peers: using ${Object.entries(peerPackages)
        .map(([n, v]) => `${n}@${v}`)
        .join(', ')} in ${dir}`,
    );
    return dir;
  }
  mkdirSync(dir, { recursive: true });
  const manifest = join(dir, 'package.json');
  if (!existsSync(manifest)) {
    writeFileSync(
      manifest,
      `${JSON.stringify({ private: true, description: 'qiscus-mock bench peers' }, null, 2)}\n`,
    );
  }
  const specs = Object.entries(peerPackages).map(([name, version]) => `${name}@${version}`);
  const args = [
    'install',
    '--prefix',
    dir,
    '--no-audit',
    '--no-fund',
    '--loglevel=error',
    ...specs,
  ];
  log(`peers: installing ${specs.join(', ')} into ${dir} (once; about a minute)`);
  const result = spawnSync('npm', args, {
    encoding: 'utf8',
    env: installEnv(),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stillMissing = missingPackages(dir);
  if (result.error || result.status !== 0 || stillMissing.length > 0) {
    // npm's first lines name the problem; the stack trace after them does not help.
    const said = (result.error?.message ?? result.stderr ?? '')
      .trim()
      .split('\n')
      .filter((line) => !/^npm error\s+at /.test(line))
      .slice(0, 8)
      .join('\n');
    throw new Error(
      `--peers: could not install ${specs.join(', ')} into ${dir}` +
        ` (npm ${result.error ? 'did not start' : `exited with ${result.status}`}; offline, or the registry unreachable?).\n` +
        `npm said:\n${said || '(nothing)'}\n` +
        `Run the bench without --peers, or install them yourself: npm ${args.join(' ')}`,
    );
  }
  return dir;
}
