import { performance } from 'node:perf_hooks';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { operations, z, type OperationResponse } from '#contracts';
import { compileContractSerializer, compileSerializer } from './compile-serializer.js';

/** What a fresh import of the module gives. */
interface CompileSerializerModule {
  readonly compileSerializer: typeof compileSerializer;
  readonly compileContractSerializer: typeof compileContractSerializer;
}

const answered = operations.flatMap((operation) => {
  // Every operation of the catalogue answers 200.
  const response: OperationResponse = operation.responses[200];
  return Object.entries(response.examples).map(([name, example]) => ({
    name: `${operation.id} (${name})`,
    schema: response.schema,
    // The example as the contract reads it, i.e. what a handler returns.
    value: response.schema.parse(example.value),
  }));
});

describe('serializers compiled from the contracts', () => {
  it('cover every operation that answers 200, with examples', () => {
    expect(answered.length).toBeGreaterThanOrEqual(operations.length);
  });

  it('throw where JSON Schema cannot express the schema', () => {
    expect(() => compileContractSerializer(z.object({ at: z.date() }))).toThrow();
  });

  it.each(answered)('write $name exactly as JSON.stringify does', ({ schema, value }) => {
    const text = compileContractSerializer(schema)(value);
    expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(value)));
    expect(schema.parse(JSON.parse(text))).toEqual(value);
  });
});

describe("a route's answer serializer", () => {
  it('writes with JSON.stringify at once, and with the compiled serializer once the mock was idle', async () => {
    const serialize = compileSerializer(z.object({ status: z.number() }));
    // A field the schema does not name shows which of the two wrote the text: JSON.stringify
    // keeps it, the compiled serializer writes only what the schema names.
    const value = { status: 200, extra: 'not in the schema' };
    expect(serialize(value)).toBe('{"status":200,"extra":"not in the schema"}');
    await vi.waitFor(() => {
      expect(serialize(value)).toBe('{"status":200}');
    });
  });

  it('compiles nothing while the event loop was busy, and compiles once it was not', async () => {
    const serialize = compileSerializer(z.object({ status: z.number() }));
    const value = { status: 200, extra: 'not in the schema' };
    serialize(value);
    // Busy for four of the idle checks' periods, as under load …
    const until = performance.now() + 200;
    while (performance.now() < until) serialize(value);
    // … so the idle check, due meanwhile and run before this timer, finds it busy.
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(serialize(value)).toBe('{"status":200,"extra":"not in the schema"}');
    await vi.waitFor(() => {
      expect(serialize(value)).toBe('{"status":200}');
    });
  });

  it('stays with JSON.stringify where JSON Schema cannot express the schema', async () => {
    const serialize = compileSerializer(z.object({ at: z.date(), status: z.number() }));
    const answered = compileSerializer(z.object({ status: z.number() }));
    serialize({ at: new Date(0), status: 1 });
    answered({ status: 1, extra: true });
    // The second's serializer is compiled after the first's attempt.
    await vi.waitFor(() => {
      expect(answered({ status: 1, extra: true })).toBe('{"status":1}');
    });
    expect(serialize({ at: new Date(0), status: 1 })).toBe(
      '{"at":"1970-01-01T00:00:00.000Z","status":1}',
    );
  });
});

describe('the idle steps, one idle check at a time', () => {
  // Taken before the timers are faked: the idle checks measure how busy the real event loop was.
  const realSetTimeout = globalThis.setTimeout;
  /** Leaves the event loop idle for longer than an idle check's period. */
  const idleFor = (ms: number) =>
    new Promise((resolve) => {
      realSetTimeout(resolve, ms);
    });

  /** The module afresh (nothing loaded, nothing booked), its checks on fake timers. */
  async function freshModule(): Promise<CompileSerializerModule> {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    vi.resetModules();
    return import('./compile-serializer.js');
  }

  /**
   * Runs the booked idle checks one at a time until `done`, each once the event loop was idle for
   * well under a quarter of the time since the check was booked (vitest's own work may keep it
   * busy for a moment), so that each check finds it idle and runs a step. Returns how many ran.
   */
  async function checksUntil(done: () => boolean): Promise<number> {
    let checks = 0;
    // The check was booked just now (by the call before this one), and so is each next one.
    let booked = performance.eventLoopUtilization();
    while (!done() && checks < 10) {
      for (let spells = 0; spells < 20; spells += 1) {
        await idleFor(60);
        if (performance.eventLoopUtilization(booked).utilization < 0.1) break;
      }
      vi.advanceTimersToNextTimer();
      booked = performance.eventLoopUtilization();
      checks += 1;
    }
    return checks;
  }

  afterEach(() => {
    vi.useRealTimers();
  });

  const schema = z.object({ status: z.number() });
  const value = { status: 200, extra: 'not in the schema' };
  const compiledText = '{"status":200}';

  it('loads ajv, then fast-json-stringify, then compiles, one step per check, and then books none', async () => {
    const { compileSerializer: fresh } = await freshModule();
    const serialize = fresh(schema);

    serialize(value);
    // Three steps wait, behind one check.
    expect(vi.getTimerCount()).toBe(1);
    expect(await checksUntil(() => serialize(value) === compiledText)).toBe(3);
    expect(vi.getTimerCount()).toBe(0);
    // A compiled serializer books nothing more.
    serialize(value);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('compiles at the first check once fast-json-stringify is loaded', async () => {
    const { compileSerializer: fresh, compileContractSerializer: load } = await freshModule();
    load(schema);
    const serialize = fresh(schema);

    serialize(value);
    expect(await checksUntil(() => serialize(value) === compiledText)).toBe(1);
  });

  it('books nothing for an answer without a schema, written with JSON.stringify', async () => {
    const { compileSerializer: fresh } = await freshModule();
    const serialize = fresh(undefined);

    expect(serialize(value)).toBe(JSON.stringify(value));
    expect(vi.getTimerCount()).toBe(0);
  });
});
