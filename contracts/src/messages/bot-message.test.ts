import { describe, expect, it } from 'vitest';
import type { z } from '../zod.js';
import {
  attachmentPayloadOf,
  FileAttachmentMessageSchema,
  TextMessageSchema,
} from './bot-message.js';
import { ButtonSchema, CardDefaultActionSchema } from './button.js';

const base = { sender_email: 'app_admin@qismo.com', room_id: '123' };

function issuesOf(schema: z.ZodType, value: unknown) {
  const result = schema.safeParse(value);
  return result.success
    ? []
    : result.error.issues.map(({ code, path, message }) => ({ code, path, message }));
}

describe('a text message with a payload', () => {
  it('is told which type the payload looks like', () => {
    const hinted = [
      { buttons: [], title: 'A card' },
      { buttons: [] },
      { cards: [] },
      { latitude: 1, longitude: 2 },
      { content: {} },
      { url: 'https://files.example.com/a.pdf' },
    ].map((payload) => issuesOf(TextMessageSchema, { ...base, message: 'Hi', payload }));
    expect(hinted.map((issues) => issues.map((issue) => issue.message))).toEqual(
      ['card', 'buttons', 'carousel', 'location', 'custom', 'file_attachment'].map((type) => [
        `looks like a ${type} payload, but this message is text, which carries none: set "type": "${type}"`,
      ]),
    );
    expect(hinted[0]?.[0]).toMatchObject({ code: 'custom', path: ['payload'] });
  });

  it('is taken when the payload looks like no type', () => {
    expect(issuesOf(TextMessageSchema, { ...base, message: 'Hi', payload: { order: 7 } })).toEqual(
      [],
    );
  });
});

describe('a file_attachment', () => {
  const file = { ...base, type: 'file_attachment' };

  it('needs payload.url or the older attachment_url', () => {
    expect(issuesOf(FileAttachmentMessageSchema, file)).toEqual([
      {
        code: 'custom',
        path: ['payload', 'url'],
        message: 'is required (expected string): the file goes in payload.url',
      },
    ]);
    expect(
      issuesOf(FileAttachmentMessageSchema, {
        ...file,
        attachment_url: 'https://files.example.com/a.pdf',
      }),
    ).toEqual([]);
  });

  it('gives its file as payload.url and caption, from either shape', () => {
    const payload = { url: 'https://files.example.com/a.pdf', caption: 'Your invoice' };
    const parse = (value: object) => FileAttachmentMessageSchema.parse({ ...file, ...value });
    expect(attachmentPayloadOf(parse({ payload }))).toEqual(payload);
    expect(
      attachmentPayloadOf(parse({ attachment_url: payload.url, caption: payload.caption })),
    ).toEqual(payload);
    expect(attachmentPayloadOf(parse({ attachment_url: payload.url }))).toStrictEqual({
      url: payload.url,
    });
  });
});

describe('a button label', () => {
  it('is refused when empty or longer than 256 characters, on either kind of button', () => {
    const kinds = [{ type: 'postback' }, { type: 'link', payload: { url: 'https://x.example/' } }];
    for (const kind of kinds) {
      for (const label of ['', 'x'.repeat(257)]) {
        expect(issuesOf(ButtonSchema, { ...kind, label })).toMatchObject([{ path: ['label'] }]);
      }
      expect(issuesOf(ButtonSchema, { ...kind, label: 'x'.repeat(256) })).toEqual([]);
    }
  });
});

describe('a button or a default action of the wrong kind', () => {
  it('says which types there are when it is an object, and that it must be one otherwise', () => {
    expect(issuesOf(ButtonSchema, { label: 'Hi', type: 'reply' })[0]?.message).toBe(
      'must be "postback" or "link"',
    );
    expect(issuesOf(ButtonSchema, 'Hi')[0]?.message).toBe(
      'must be an object: a button with a label and a type',
    );
    expect(issuesOf(CardDefaultActionSchema, 'open')[0]?.message).toBe(
      'must be an object: a default action with a label and a type',
    );
  });
});
