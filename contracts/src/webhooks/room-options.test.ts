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

it('decodes what it encodes', () => {
  expect(decodeRoomOptions(encodeRoomOptions(options))).toEqual(options);
});

it('throws on a string that is not room options', () => {
  expect(() => decodeRoomOptions('{"channel":"telegram"}')).toThrow(/channel_details/);
  expect(() => decodeRoomOptions('not json')).toThrow(SyntaxError);
});
