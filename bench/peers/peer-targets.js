// Prism on the mock's own OpenAPI document and Mockoon with an equivalent one-route
// environment, as bench targets beside bare and the mock (reference/performance-anchors.md's
// set-up: each in its default configuration, logging included).
import { createRequire } from 'node:module';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const openapiDir = join(repoRoot, 'contracts', 'openapi');
// Prism checks room_id against the document's pattern (digits), which the bare server's fixed
// id is not; this is the document's own example.
const numericRoomId = '187250792';

function openapiFile() {
  const name = readdirSync(openapiDir).find((file) => file.endsWith('.json'));
  if (!name) throw new Error(`--peers: no OpenAPI document in ${openapiDir}; run npm run openapi`);
  return join(openapiDir, name);
}

// The answer the mock gives a text message, from the document's example, with the message
// templated back as the mock does.
function botAnswer(document) {
  const operation = document.paths['/{app_code}/bot'].post;
  const example = operation.responses['200'].content['application/json'].examples.text.value;
  const answer = structuredClone(example);
  answer.results.comment.message = '__MESSAGE__';
  return JSON.stringify(answer).replace('"__MESSAGE__"', `"{{body 'message'}}"`);
}

// Built with Mockoon's own builders, so the file matches the CLI version installed.
function writeMockoonEnvironment(cacheDir, document) {
  const commons = createRequire(join(cacheDir, 'package.json'))('@mockoon/commons');
  const environment = commons.BuildEnvironment({
    hasDefaultRoute: false,
    hasContentTypeHeader: true,
    hasCorsHeaders: false,
    port: 3000,
  });
  environment.name = 'qiscus-mock-bench';
  environment.hostname = '127.0.0.1';
  const route = commons.BuildHTTPRoute(true, {
    endpoint: ':appCode/bot',
    body: botAnswer(document),
  });
  route.method = 'post';
  route.responses[0].headers = [{ key: 'Content-Type', value: 'application/json' }];
  environment.routes.push(route);
  environment.rootChildren.push({ type: 'route', uuid: route.uuid });
  const file = join(cacheDir, 'mockoon-environment.json');
  writeFileSync(file, `${JSON.stringify(environment, null, 2)}\n`);
  return file;
}

export function peerTargets(cacheDir) {
  const documentFile = openapiFile();
  const document = JSON.parse(readFileSync(documentFile, 'utf8'));
  const environmentFile = writeMockoonEnvironment(cacheDir, document);
  const modules = join(cacheDir, 'node_modules');
  const startedOn = /Server started on port (\d+)/;
  return {
    prism: {
      name: 'prism',
      description:
        'Stoplight Prism mock on contracts/openapi (request validation on, default logging)',
      args: (port) => [
        join(modules, '@stoplight', 'prism-cli', 'dist', 'index.js'),
        'mock',
        '-h',
        '127.0.0.1',
        '-p',
        String(port),
        documentFile,
      ],
      cwd: cacheDir,
      prepare: () => Promise.resolve(numericRoomId),
    },
    mockoon: {
      name: 'mockoon',
      description: 'Mockoon CLI, one templated POST :appCode/bot route (default logging)',
      args: (port) => [
        join(modules, '@mockoon', 'cli', 'bin', 'run.js'),
        'start',
        '-d',
        environmentFile,
        '-p',
        String(port),
        '-l',
        '127.0.0.1',
        '-X',
      ],
      readyUrl: (line) => {
        const port = startedOn.exec(line)?.[1];
        return port ? `http://127.0.0.1:${port}` : undefined;
      },
      cwd: cacheDir,
      prepare: () => Promise.resolve(numericRoomId),
    },
  };
}
