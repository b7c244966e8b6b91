import type { Locator, Page } from 'playwright-core';
import { request } from 'undici';
import type { MockServer } from '#mock-server';

/**
 * Does something on the page that calls the mock's control API, and resolves once the mock has
 * answered that call (`method` and a path ending in `pathEnd`) with success.
 */
export async function actAndAwaitAnswer(
  page: Page,
  method: string,
  pathEnd: string | RegExp,
  act: () => Promise<void>,
): Promise<unknown> {
  const answered = page.waitForResponse((response) => {
    const { pathname } = new URL(response.url());
    return (
      response.request().method() === method &&
      (typeof pathEnd === 'string' ? pathname.endsWith(pathEnd) : pathEnd.test(pathname))
    );
  });
  await act();
  const response = await answered;
  if (!response.ok()) {
    throw new Error(
      `${method} ${response.url()} answered ${response.status()}: ${await response.text()}`,
    );
  }
  return response.json();
}

/** The room's entry in the rooms list. */
export function roomEntry(page: Page, roomId: string): Locator {
  return page.locator(`[data-testid=rooms] [data-room-id="${roomId}"]`);
}

/** The messages of the conversation on screen, from one kind of sender. */
export function messagesFrom(page: Page, sender: 'customer' | 'bot' | 'agent'): Locator {
  return page.locator(`[data-testid=timeline] .message[data-sender=${sender}]`);
}

/**
 * The bot sends a message to a room, over HTTP as a bot does (`POST /{app_code}/bot`), as itself
 * and to `roomId` whatever the message says (a contracts example will do); resolves with the
 * mock's status code.
 */
export async function botSends(
  mock: MockServer,
  roomId: string,
  message: Readonly<Record<string, unknown>>,
): Promise<number> {
  const answer = await request(`${mock.url}/${mock.appCode}/bot`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', qiscus_sdk_secret: mock.secretKey },
    body: JSON.stringify({ ...message, room_id: roomId, sender_email: mock.botEmail }),
  });
  await answer.body.dump();
  return answer.statusCode;
}
