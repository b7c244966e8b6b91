// `node --import ./record-loaded-modules.js …`: appends the URL of every module the process
// loads, one a line, to the file named by RECORD_LOADED_MODULES, so a test can see what ran.
import { register } from 'node:module';

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
