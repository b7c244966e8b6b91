#!/usr/bin/env node
// Where a server's CPU went, from a V8 CPU profile (`node --cpu-prof`): self time grouped into
// parts (garbage collection, Node's own modules, each npm package, each folder of the mock's
// sources) and, given how many requests or deliveries the profile covers, as µs of each.
// The built package is bundled, so a frame in dist/js/ is placed by the module comment esbuild
// writes above each module it bundles ("// node_modules/fastify/lib/reply.js").
//
//   node bench/profile-breakdown.js FILE.cpuprofile [--per N] [--top K] [--json]
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const usage = `Usage: node bench/profile-breakdown.js FILE.cpuprofile [options]

Prints where the profiled process spent its CPU: self time by part (garbage collection, Node's
own modules, each npm package, each folder of the mock's sources), idle time left out.

Options:
  --per N    the requests (or deliveries) the profile covers: times are then µs per one
  --top K    also list the K functions with the most self time (default 0)
  --json     print the parts as JSON
  --help     print this help`;

const moduleComment =
  /^\/\/ ((?:node_modules|mock-server|contracts|harness|reference-bot|packaging)\/\S+)$/;

/** The module each line of a bundled file belongs to, from esbuild's comments. */
function moduleLines(path) {
  const starts = [];
  let text;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return starts;
  }
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i += 1) {
    const found = moduleComment.exec(lines[i] ?? '');
    if (found?.[1]) starts.push({ line: i, module: found[1] });
  }
  return starts;
}

/** The part a module path belongs to: an npm package, or a folder of the sources. */
export function partOfModule(module) {
  const inPackage = /(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(module);
  if (inPackage?.[1]) return `npm: ${inPackage[1]}`;
  const source = /(mock-server|harness|reference-bot)\/src\/([^/]+)\//.exec(module);
  if (source) return `${source[1]}/src/${source[2]}`;
  if (/(mock-server|harness|reference-bot)\/src\/[^/]+$/.test(module)) {
    return `${/(mock-server|harness|reference-bot)/.exec(module)?.[1]}/src (top level)`;
  }
  if (module.includes('contracts/src/')) return 'contracts/src';
  return module;
}

/** Node's own modules, in a few parts: HTTP, streams and sockets, timers and ticks, the rest. */
export function partOfNodeModule(url) {
  if (/^node:_http|^node:http/.test(url)) return 'node: http';
  if (/^node:(net|internal\/(streams|stream_base_commons|net))|^node:stream/.test(url)) {
    return 'node: streams and sockets';
  }
  if (/^node:(timers|internal\/(timers|process\/task_queues|async_hooks))/.test(url)) {
    return 'node: timers, ticks, async context';
  }
  if (/^node:(events|internal\/event_target|internal\/abort_controller)/.test(url)) {
    return 'node: events and abort signals';
  }
  return 'node: other';
}

function makePartOf() {
  const bundles = new Map();
  return (callFrame) => {
    const { url, functionName, lineNumber } = callFrame;
    if (url === '') {
      if (functionName === '(garbage collector)') return 'garbage collection';
      if (functionName === '(idle)') return '(idle)';
      if (functionName === '(program)' || functionName === '(root)')
        return 'V8 and native (program)';
      if (
        functionName === 'writev' ||
        functionName === 'writeUtf8String' ||
        /^write/.test(functionName)
      ) {
        return 'socket writes (the syscalls)';
      }
      if (/^RegExp:/.test(functionName)) return 'regular expressions';
      return 'V8 builtins, natives and generated code';
    }
    if (url.startsWith('node:')) return partOfNodeModule(url);
    if (url.startsWith('wasm://')) return 'wasm (undici HTTP parser)';
    if (!url.startsWith('file://')) return url;
    const path = fileURLToPath(url);
    if (path.includes('/node_modules/')) return partOfModule(path);
    if (/\/dist\/js\/[^/]+\.js$/.test(path)) {
      if (!bundles.has(path)) bundles.set(path, moduleLines(path));
      const starts = bundles.get(path);
      let module;
      for (const start of starts) {
        if (start.line > lineNumber) break;
        module = start.module;
      }
      return module ? partOfModule(module) : 'esbuild runtime (bundle helpers)';
    }
    const part = partOfModule(path);
    return part.startsWith(process.cwd()) ? relative(process.cwd(), part) : part;
  };
}

/** Self time by part (µs), the busy and idle totals, and the functions by self time. */
export function breakdown(profile) {
  const partOf = makePartOf();
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfById = new Map();
  for (let i = 0; i < profile.samples.length; i += 1) {
    const id = profile.samples[i];
    selfById.set(id, (selfById.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  }
  const parts = new Map();
  const functions = new Map();
  let idle = 0;
  let busy = 0;
  for (const [id, micros] of selfById) {
    const frame = byId.get(id)?.callFrame;
    if (!frame) continue;
    const part = partOf(frame);
    if (part === '(idle)') {
      idle += micros;
      continue;
    }
    busy += micros;
    parts.set(part, (parts.get(part) ?? 0) + micros);
    const name = `${frame.functionName || '(anonymous)'} (${part})`;
    functions.set(name, (functions.get(name) ?? 0) + micros);
  }
  const sorted = (map) => [...map].sort((a, b) => b[1] - a[1]);
  return { busy, idle, parts: sorted(parts), functions: sorted(functions) };
}

function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      per: { type: 'string' },
      top: { type: 'string', default: '0' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(usage);
    return;
  }
  const file = positionals[0];
  const per = values.per === undefined ? undefined : Number(values.per);
  const top = Number(values.top);
  if (!file || (per !== undefined && !(per > 0)) || !(top >= 0)) {
    console.error(
      file
        ? `--per must be a positive count and --top a count (got ${values.per}, ${values.top})`
        : 'give the .cpuprofile file to read',
    );
    console.error('Run with --help for the options.');
    process.exit(2);
  }
  let profile;
  try {
    profile = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    console.error(`cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(2);
  }
  if (!Array.isArray(profile?.nodes) || !Array.isArray(profile?.samples)) {
    console.error(
      `${file} is not a V8 CPU profile (no nodes and samples): take one with node --cpu-prof, or npm run bench:profile -- --out FILE`,
    );
    process.exit(2);
  }
  const result = breakdown(profile);
  const unit = per === undefined ? 'ms' : 'µs each';
  const scale = (micros) => (per === undefined ? micros / 1000 : micros / per);
  if (values.json) {
    console.log(
      JSON.stringify({
        unit,
        busy: scale(result.busy),
        idle: scale(result.idle),
        parts: Object.fromEntries(result.parts.map(([part, micros]) => [part, scale(micros)])),
      }),
    );
    return;
  }
  const digits = per === undefined ? 0 : 2;
  const width = Math.max(...result.parts.map(([part]) => part.length), 4);
  console.log(`| ${'part'.padEnd(width)} | ${unit.padStart(8)} | share |`);
  console.log(`| ${'-'.repeat(width)} | -------: | ----: |`);
  for (const [part, micros] of result.parts) {
    const share = `${((100 * micros) / result.busy).toFixed(1)} %`;
    console.log(
      `| ${part.padEnd(width)} | ${scale(micros).toFixed(digits).padStart(8)} | ${share.padStart(6)} |`,
    );
  }
  console.log(
    `| ${'busy, in all'.padEnd(width)} | ${scale(result.busy).toFixed(digits).padStart(8)} | 100 % |`,
  );
  if (top > 0) {
    console.log('');
    for (const [name, micros] of result.functions.slice(0, top)) {
      console.log(`${scale(micros).toFixed(digits).padStart(8)}  ${name}`);
    }
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
