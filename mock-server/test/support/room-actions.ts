// What several control-API test files do to a room: hand it over, have the bot speak, read JSON.
import { request } from 'undici';
import { expect } from 'vitest';
import { handOver, postBotMessage } from '#contracts';
import type { MockServer } from '#mock-server';
import { callQiscus } from './call-qiscus.js';

/** A customer with a fixed id and name. */
export const budi = { id: '6281234567890', name: 'Budi Santoso' };

/** A buttons message the bot can send. */
export const buttons = {
  type: 'buttons',
  payload: { text: 'What is it about?', buttons: [{ label: 'Billing', type: 'postback' }] },
};

export async function handOverRoom(server: MockServer, roomId: string): Promise<void> {
  const answer = await callQiscus(server, handOver, {
    params: { app_code: server.appCode, room_id: roomId },
  });
  expect(answer.status).toBe(200);
}

export async function botSays(
  server: MockServer,
  message: { readonly room_id: string; readonly [key: string]: unknown },
): Promise<number> {
  const answer = await callQiscus(server, postBotMessage, {
    params: { app_code: server.appCode },
    body: { sender_email: server.botEmail, ...message },
  });
  return answer.status;
}

export async function getJson(
  url: string,
): Promise<{ status: number; type: string; body: unknown }> {
  const response = await request(url);
  return {
    status: response.statusCode,
    type: String(response.headers['content-type']),
    body: await response.body.json(),
  };
}
