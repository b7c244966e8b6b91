// `node --import ./record-loaded-modules.js …`: appends the URL of every module the process
// loads, one a line, to the file named by RECORD_LOADED_MODULES, so a test can see what ran.
// ES modules are written as they load; CommonJS modules (what fastify and its plugins require
// among themselves, which no import hook sees) are written when the process exits.
import { appendFileSync } from 'node:fs';
import Module, { register } from 'node:module';
import { pathToFileURL } from 'node:url';

const hooks = `import { appendFileSync } from 'node:fs';
let file;
export function initialize(data) { file = data; }
export async function load(url, context, nextLoad) {
  const loaded = await nextLoad(url, context);
  appendFileSync(file, url + '\\n');
  return loaded;
}`;

register(`data:text/javascript,${encodeURIComponent(hooks)}`, {
  data: process.env.RECORD_LOADED_MODULES,
});

process.on('exit', () => {
  const required = Object.keys(Module._cache).map((path) => pathToFileURL(path).href);
  appendFileSync(process.env.RECORD_LOADED_MODULES, required.map((url) => `${url}\n`).join(''));
});
