// The one request every target is loaded with, so the bytes on the wire are identical.

export const appCode = 'qiscus-mock-app';
export const botPath = `/${appCode}/bot`;
export const fixedRoomId = 'room-4f1c2a9e-0001';

export const botHeaders = {
  'content-type': 'application/json',
  QISCUS_SDK_SECRET: 'mock-secret-key',
};

export function botMessageBody(roomId) {
  return JSON.stringify({
    sender_email: `${appCode}_admin@qismo.com`,
    message:
      'Hello from the load generator: the quick brown fox jumps over the lazy dog, 0123456789 abcdefghij',
    type: 'text',
    room_id: roomId,
  });
}
