import { afterAll, it } from 'vitest';
import { fuzzRoutes } from './support/fuzz-routes.js';
import { fuzzRoute } from './support/fuzz-run.js';

// Issue 15: at least 2,000 generated requests per route, in every npm test. This file takes the
// Qiscus routes with a body; fuzz-queries.test.ts the others and the control routes, so the two
// run side by side.

const timings: string[] = [];
afterAll(() => {
  if (process.env['FUZZ_TIMINGS']) process.stderr.write(`${timings.join('\n')}\n`);
});

it.each(
  fuzzRoutes
    .filter((route) => !route.control && route.method !== 'GET')
    .map((route) => [route.name, route] as const),
)(
  'answers %s for 2,000 hostile requests without a 5xx, in its envelope, storing nothing it refused',
  async (_name, route) => {
    timings.push(await fuzzRoute(route));
  },
  120_000,
);
