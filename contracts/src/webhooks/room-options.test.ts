import { expect, it } from 'vitest';
import { decodeRoomOptions, encodeRoomOptions, type RoomOptions } from './room-options.js';

const options: RoomOptions = {
  source: 'telegram',
  is_waiting: true,
  is_resolved: false,
  channel_details: { name: 'Mock Telegram', channel_id: 44 },
  channel: 'telegram',
};

it('encodes room options as a JSON string in the key order Qiscus sends', () => {
  expect(encodeRoomOptions(options)).toBe(
    '{"channel":"telegram","channel_details":{"channel_id":44,"name":"Mock Telegram"},"is_resolved":false,"is_waiting":true,"source":"telegram"}',
  );
});

it('encodes the business phone, when the channel has one, after the name', () => {
  const whatsApp: RoomOptions = {
    ...options,
    channel: 'wa',
    source: 'wa',
    channel_details: { phone: '+6281100000001', name: 'Mock WhatsApp', channel_id: 963 },
  };
  expect(encodeRoomOptions(whatsApp)).toBe(
    '{"channel":"wa","channel_details":{"channel_id":963,"name":"Mock WhatsApp","phone":"+6281100000001"},"is_resolved":false,"is_waiting":true,"source":"wa"}',
  );
});

it('decodes what it encodes', () => {
  expect(decodeRoomOptions(encodeRoomOptions(options))).toEqual(options);
});

it('throws on a string that is not room options', () => {
  expect(() => decodeRoomOptions('{"channel":"telegram"}')).toThrow(/channel_details/);
  expect(() => decodeRoomOptions('not json')).toThrow(SyntaxError);
});
