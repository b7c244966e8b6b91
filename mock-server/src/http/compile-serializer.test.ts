import { describe, expect, it } from 'vitest';
import { operations, type OperationResponse } from '#contracts';
import { compileContractSerializer } from './compile-serializer.js';

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
