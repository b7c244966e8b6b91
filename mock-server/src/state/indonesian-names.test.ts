import type { Faker } from '@faker-js/faker';
import { faker as indonesianFaker } from '@faker-js/faker/locale/id_ID';
import { channelSources } from '#contracts';
import { expect, it } from 'vitest';
import { createSeededFaker, generateCustomer } from './directory.js';
import indonesianNames from './indonesian-names.json' with { type: 'json' };

// The mock draws its people from a copy of faker's Indonesian names, so that it need not load
// the whole id_ID locale at start. These tests hold the copy to faker's own.

it('holds the names of the id_ID locale of the faker installed', () => {
  const { person } = indonesianFaker.rawDefinitions;
  const copied = Object.keys(indonesianNames) as (keyof typeof indonesianNames)[];
  expect(Object.fromEntries(copied.map((key) => [key, person?.[key]]))).toEqual(indonesianNames);
});

it('draws, for a seed, what a faker of the whole id_ID locale draws', () => {
  const FakerOfLocale = indonesianFaker.constructor as typeof Faker;
  const draw = (faker: Faker) =>
    Array.from({ length: 200 }, () => [
      faker.person.fullName(),
      faker.datatype.boolean({ probability: 0.6 }),
      faker.number.float({ min: 0, max: 1 }),
      ...channelSources.map((source) => generateCustomer(source, faker)),
    ]);
  for (const seed of [0, 1, 7, 2 ** 31 - 1]) {
    const whole = new FakerOfLocale({ locale: indonesianFaker.rawDefinitions, seed });
    expect(draw(createSeededFaker(seed))).toEqual(draw(whole));
  }
});
