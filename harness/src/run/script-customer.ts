import type { ChannelSource } from '#contracts';
import type { LoadedScript } from '../script/script-schema.js';

/** A user id fit for the channel, unique to the script's place in the run (a phone number on WhatsApp). */
function madeUpId(channel: ChannelSource, number: number): string {
  const digits = String(number).padStart(8, '0');
  switch (channel) {
    case 'wa':
      return `62899${digits}`;
    case 'qiscus':
      return `customer-${digits}@example.com`;
    case 'ig':
      return `ig_99${digits}`;
    case 'telegram':
      return `tg_99${digits}`;
    case 'line':
      return `U${digits.padStart(32, '0')}`;
    case 'fb':
      return `fb_99${digits}`;
    case 'custom':
      return `custom_${digits}`;
  }
}

/**
 * Who the customer of a script is: its own `customer`, with what it leaves out made up from the
 * script's place in the run (so every run gives the same ids and names, whatever the order in
 * which scripts finish): `6289900000001` and "Customer 1" for the first script on WhatsApp.
 */
export function scriptCustomer(
  script: LoadedScript,
  index: number,
): { readonly id: string; readonly name: string } {
  return {
    id: script.customer?.id ?? madeUpId(script.channel, index + 1),
    name: script.customer?.name ?? `Customer ${index + 1}`,
  };
}
