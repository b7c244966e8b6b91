import { expect, it } from 'vitest';
import { createSeededFaker, generateCustomer } from './directory.js';

it('makes a web-widget customer’s address from the name given, and keeps the ids after it', () => {
  const named = createSeededFaker(7);
  const unnamed = createSeededFaker(7);

  expect(generateCustomer('qiscus', named, 'Siti Rahma')).toEqual({
    id: 'siti.rahma@example.com',
    name: 'Siti Rahma',
  });
  const generated = generateCustomer('qiscus', unnamed);
  expect(generated.id).not.toBe('siti.rahma@example.com');
  // The same draws were made either way, so what comes next is the same for the seed.
  expect(generateCustomer('wa', named)).toEqual(generateCustomer('wa', unnamed));
});

it('borrows the generated address for a name with no Latin letters', () => {
  const customer = generateCustomer('qiscus', createSeededFaker(7), 'ブディ');
  expect(customer.name).toBe('ブディ');
  expect(customer.id).toMatch(/^[a-z]+(\.[a-z]+)*@example\.com$/);
});
