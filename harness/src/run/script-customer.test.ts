import { expect, it } from 'vitest';
import { channelSources, type ChannelSource } from '#contracts';
import type { LoadedScript } from '../script/script-schema.js';
import { scriptCustomer } from './script-customer.js';

function script(
  channel: ChannelSource,
  customer?: { readonly id?: string; readonly name?: string },
): LoadedScript {
  return {
    file: 'a.yaml',
    name: 'a',
    channel,
    ...(customer ? { customer } : {}),
    timeoutMs: null,
    steps: [],
  };
}

it('makes up an id fit for each channel, and a name, from the script place in the run', () => {
  expect(
    Object.fromEntries(
      channelSources.map((channel) => [channel, scriptCustomer(script(channel), 0)]),
    ),
  ).toEqual({
    wa: { id: '6289900000001', name: 'Customer 1' },
    qiscus: { id: 'customer-00000001@example.com', name: 'Customer 1' },
    ig: { id: 'ig_9900000001', name: 'Customer 1' },
    telegram: { id: 'tg_9900000001', name: 'Customer 1' },
    line: { id: 'U00000000000000000000000000000001', name: 'Customer 1' },
    fb: { id: 'fb_9900000001', name: 'Customer 1' },
    custom: { id: 'custom_00000001', name: 'Customer 1' },
  });
});

it('numbers the customers of later scripts on from 1', () => {
  expect(scriptCustomer(script('wa'), 41)).toEqual({ id: '6289900000042', name: 'Customer 42' });
});

it("keeps the script's own customer id and name, making up only what it leaves out", () => {
  expect(scriptCustomer(script('wa', { id: '6281234567890', name: 'Budi' }), 3)).toEqual({
    id: '6281234567890',
    name: 'Budi',
  });
  expect(scriptCustomer(script('wa', { name: 'Budi' }), 3)).toEqual({
    id: '6289900000004',
    name: 'Budi',
  });
  expect(scriptCustomer(script('wa', { id: '6281234567890' }), 3)).toEqual({
    id: '6281234567890',
    name: 'Customer 4',
  });
});
