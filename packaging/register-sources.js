// Makes this process run qiscus-mock from its TypeScript sources, as the repository's binary,
// scripts and benchmarks do: tsx compiles the sources as they load, and the '#…' aliases of
// package.json "imports" resolve to the sources (their "qiscus-mock-source" condition; the
// package's bundles in dist/ have them resolved when built), so what runs is always the code as
// it is now, never an older build.
// Use it as `node --import ./packaging/register-sources.js FILE.ts`, or import it first.
import { register } from 'node:module';
import { register as registerTsx } from 'tsx/esm/api';

const addSourceCondition = `export async function resolve(specifier, context, nextResolve) {
  return nextResolve(specifier, { ...context, conditions: [...context.conditions, 'qiscus-mock-source'] });
}`;

registerTsx();
register(`data:text/javascript,${encodeURIComponent(addSourceCondition)}`);
