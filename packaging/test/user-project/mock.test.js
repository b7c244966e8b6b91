// A vitest test of a user's project, with the mock started from code.
import { createMockServer } from 'qiscus-mock';
import { afterEach, expect, test } from 'vitest';

let mock;
afterEach(() => mock?.close());

test('a customer message reaches the mock and opens a room', async () => {
  mock = await createMockServer({ deterministic: true });
  const { room_id } = await mock.customer.say({ channel: 'wa', text: 'Hi' });
  expect(mock.rooms.get(room_id)?.messages.map((message) => message.text)).toEqual(['Hi']);
});
