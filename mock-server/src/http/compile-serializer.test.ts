import { performance } from 'node:perf_hooks';
import { describe, expect, it, vi } from 'vitest';
import { operations, z, type OperationResponse } from '#contracts';
import { compileContractSerializer, compileSerializer } from './compile-serializer.js';

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
