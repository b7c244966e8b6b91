import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { RecordingHeaderSchema, type Exchange, type RecordingHeader } from '#contracts';

/** A recording's header, as `serve --record` writes it. */
export const header: RecordingHeader = RecordingHeaderSchema.parse({
  format: 'qiscus-mock-recording',
  version: 1,
  created_at: '2026-12-06T04:00:00.000Z',
  app_code: 'qiscus-mock-app',
  bot_email: 'qiscus-mock-app_admin@qismo.com',
  scrubbed: false,
  upstream: null,
});

/** The bot's text message, as an exchange line (`seq` and the text given). */
export function botMessage(seq: number, message = 'Hi'): Exchange {
  return {
    seq,
    time: '2026-12-06T04:00:01.000Z',
    direction: 'from_bot',
    operation_id: 'postBotMessage',
    method: 'POST',
    path: '/qiscus-mock-app/bot',
    room_id: '187250792' as Exchange['room_id'],
    status: 200,
    request: {
      headers: { 'content-type': 'application/json', qiscus_sdk_secret: '[redacted]' },
      body: { sender_email: header.bot_email, message, room_id: '187250792' },
    },
    response: null,
    error: null,
    warnings: [],
    flags: [],
  };
}

/** Writes `text` to a new file in a fresh temporary folder; returns its path. */
export function writeTemp(name: string, text: string): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'qiscus-mock-rec-')), name);
  writeFileSync(file, text);
  return file;
}

/** The lines as a recording's text: JSON each, newline-ended. */
export function jsonl(values: readonly unknown[]): string {
  return values.map((value) => `${JSON.stringify(value)}\n`).join('');
}
