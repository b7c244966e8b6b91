import { createRequire } from 'node:module';

// Read at run time through the `#package.json` alias, which resolves from the sources and from
// the compiled package alike (importing the JSON would make the compiler copy it into dist/).
const { version } = createRequire(import.meta.url)('#package.json') as { readonly version: string };

/** The version of qiscus-mock, from its package.json. */
export const packageVersion = version;
