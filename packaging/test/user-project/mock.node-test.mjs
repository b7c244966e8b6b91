// The same, as a node:test test.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createMockServer } from 'qiscus-mock';

test('a customer message reaches the mock and opens a room', async (t) => {
  const mock = await createMockServer({ deterministic: true });
  t.after(() => mock.close());
  const { room_id } = await mock.customer.say({ channel: 'wa', text: 'Hi' });
  assert.deepEqual(
    mock.rooms.get(room_id)?.messages.map((message) => message.text),
    ['Hi'],
  );
});
