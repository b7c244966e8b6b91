import type FastJsonStringify from 'fast-json-stringify';
import { createRequire } from 'node:module';
import { z } from '#contracts';
import { performance } from 'node:perf_hooks';

// Required when the mock is idle after a route's first answer, never at start nor on a request's
// path: it brings ajv, which takes 40–60 ms to load (issue 15).
let fastJsonStringify: typeof FastJsonStringify | undefined;
const requireHere = createRequire(import.meta.url);

/**
 * A serializer compiled from a contract schema: fast-json-stringify over the schema's JSON
 * Schema, as fastify does for response schemas, so a hot route's answer is written without
 * JSON.stringify's walk over an unknown shape. Throws when JSON Schema cannot express the schema.
 */
export function compileContractSerializer(schema: z.ZodType): (value: unknown) => string {
  const jsonSchema = z.toJSONSchema(schema, {
    target: 'draft-7',
    io: 'output',
    unrepresentable: 'throw',
  });
  fastJsonStringify ??= requireHere('fast-json-stringify') as typeof FastJsonStringify;
  return fastJsonStringify(jsonSchema as Parameters<typeof FastJsonStringify>[0]);
}

const stringify = (value: unknown) => JSON.stringify(value);

/**
 * Steps run only while the mock is otherwise idle, oldest first, one at a time: loading ajv took
 * 40–60 ms and compiling a serializer up to 25 more, and a request that arrived meanwhile (a
 * `GET /_mock/traffic` under load) waited that long (issue 15). Every 50 ms a timer looks at how
 * busy the event loop was since the last look, and runs the next step if it was busy under a
 * quarter of the time; under load nothing runs, and answers stay with JSON.stringify. The timer
 * never keeps the process alive.
 */
const idleSteps: (() => void)[] = [];
const idleCheckMs = 50;
const idleBelow = 0.25;
let idleTimer: NodeJS.Timeout | undefined;
let lastLook = performance.eventLoopUtilization();

function lookForIdleness(): void {
  idleTimer = undefined;
  const busy = performance.eventLoopUtilization(lastLook).utilization;
  lastLook = performance.eventLoopUtilization();
  if (busy < idleBelow) idleSteps.shift()?.();
  if (idleSteps.length > 0) bookIdleLook();
}

function bookIdleLook(): void {
  if (idleTimer) return;
  lastLook = performance.eventLoopUtilization();
  idleTimer = setTimeout(lookForIdleness, idleCheckMs);
  idleTimer.unref();
}

function whenIdle(step: () => void): void {
  idleSteps.push(step);
  bookIdleLook();
}

/**
 * A route's answer serializer: JSON.stringify at first, and `compileContractSerializer`'s once it
 * is compiled. The first call books the compiling for when the mock is idle, in steps (ajv, then
 * fast-json-stringify, then the schema), so no request waits for it: it took 100 ms at a route's
 * first answer. Where JSON Schema cannot express the schema, JSON.stringify stays.
 */
export function compileSerializer(schema: z.ZodType | undefined): (value: unknown) => string {
  if (!schema) return stringify;
  let serialize = stringify;
  let booked = false;
  return (value) => {
    if (!booked) {
      booked = true;
      if (!fastJsonStringify) {
        whenIdle(() => {
          // fast-json-stringify's own ajv, loaded in a step of its own.
          createRequire(requireHere.resolve('fast-json-stringify'))('ajv');
        });
        whenIdle(() => {
          fastJsonStringify ??= requireHere('fast-json-stringify') as typeof FastJsonStringify;
        });
      }
      whenIdle(() => {
        try {
          serialize = compileContractSerializer(schema);
        } catch {
          // JSON.stringify stays.
        }
      });
    }
    return serialize(value);
  };
}
