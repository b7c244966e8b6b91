import { describe, expect, it } from 'vitest';
import {
  ActivateRoomBotFormSchema,
  AppBotIntegrateFormSchema,
  BotMessageSchema,
  BotMessageWebhookSchema,
  ErrorEnvelopeSchema,
  HandOverToRoleRequestSchema,
  botMessageWebhook,
  checkContract,
  postBotMessage,
  type ErrorDetail,
} from '#contracts';

const examples = postBotMessage.request.body.content['application/json'].examples;
const sender = 'qiscus-mock-app_admin@qismo.com';

/** The problems a schema finds in a value; an empty list when it accepts the value. */
function problemsOf(schema: Parameters<typeof checkContract>[0], value: unknown): ErrorDetail[] {
  const result = checkContract(schema, value);
  return result.ok ? [] : [...result.problems];
}

function withRoomOptions(options: string): unknown {
  const webhook = structuredClone(botMessageWebhook.examples.text.value);
  webhook.payload.room.options = options;
  return webhook;
}

describe('the bot message schema', () => {
  it('refuses a file_attachment without url, naming payload.url', () => {
    const body = {
      sender_email: sender,
      type: 'file_attachment',
      room_id: '187250792',
      payload: { caption: 'the invoice' },
    };
    expect(problemsOf(BotMessageSchema, body)).toEqual([
      { path: 'payload.url', message: 'is required (expected string)' },
    ]);
  });

  it('refuses a button without label, naming the button', () => {
    const body = structuredClone(examples.buttons.value);
    delete (body.payload.buttons[1] as { label?: string }).label;
    expect(problemsOf(BotMessageSchema, body)).toEqual([
      { path: 'payload.buttons[1].label', message: 'is required (expected string)' },
    ]);
  });

  it('refuses an unknown message type, listing the ones there are', () => {
    const body = { sender_email: sender, type: 'video', room_id: '187250792', message: 'x' };
    expect(problemsOf(BotMessageSchema, body)).toEqual([
      {
        path: 'type',
        message:
          'must be one of "text", "file_attachment", "buttons", "carousel", "card", "custom", "location"',
      },
    ]);
  });

  it('refuses the misspelt type "file_attachement" seen in the wild', () => {
    const body = { ...examples.fileAttachment.value, type: 'file_attachement' };
    expect(problemsOf(BotMessageSchema, body).map((problem) => problem.path)).toEqual(['type']);
  });

  it('refuses a carousel without cards, and one with an empty list', () => {
    const base = { sender_email: sender, type: 'carousel', room_id: '187250792' };
    expect(problemsOf(BotMessageSchema, { ...base, payload: {} })).toEqual([
      { path: 'payload.cards', message: 'is required (expected array)' },
    ]);
    expect(problemsOf(BotMessageSchema, { ...base, payload: { cards: [] } })).toEqual([
      { path: 'payload.cards', message: 'a carousel needs at least one card' },
    ]);
  });

  it('refuses a numeric room_id and says what to send instead', () => {
    const body = { ...examples.text.value, room_id: 187250792 };
    expect(problemsOf(BotMessageSchema, body)).toEqual([
      {
        path: 'room_id',
        message: 'must be a string such as "123": send payload.room.id_str from the webhook',
      },
    ]);
  });

  it('refuses a room_id that is not a number in a string', () => {
    const body = { ...examples.text.value, room_id: 'room-1' };
    expect(problemsOf(BotMessageSchema, body).map((problem) => problem.path)).toEqual(['room_id']);
  });

  it('lists every problem of a body at once, each with its path', () => {
    const body = {
      sender_email: 'not an e-mail',
      type: 'buttons',
      room_id: 42,
      payload: { text: 'Pick one', buttons: [{ label: 'A', type: 'submit' }] },
      colour: 'blue',
    };
    expect(problemsOf(BotMessageSchema, body).map((problem) => problem.path)).toEqual([
      'sender_email',
      'room_id',
      'payload.buttons[0].type',
      'colour',
    ]);
  });

  it('refuses a link button whose url is not an http(s) URL', () => {
    const body = structuredClone(examples.buttons.value);
    body.payload.buttons[2] = {
      label: 'Help',
      type: 'link',
      payload: { url: 'javascript:alert(1)' },
    };
    expect(problemsOf(BotMessageSchema, body)).toEqual([
      { path: 'payload.buttons[2].payload.url', message: 'must be an http(s) URL' },
    ]);
  });

  it('refuses an empty text and one longer than the 4,000 characters Qiscus documents', () => {
    // The SDK's post_comment documents `message` as at most 4000 characters: the limit is
    // written out, not read from the contract it checks.
    const text = (length: number) => ({ ...examples.text.value, message: 'a'.repeat(length) });
    expect(problemsOf(BotMessageSchema, text(0))).toEqual([
      { path: 'message', message: 'a text message cannot be empty' },
    ]);
    expect(problemsOf(BotMessageSchema, text(1))).toEqual([]);
    expect(problemsOf(BotMessageSchema, text(4000))).toEqual([]);
    expect(problemsOf(BotMessageSchema, text(4001)).map((problem) => problem.path)).toEqual([
      'message',
    ]);
  });

  it('holds the text sent with other message types to the same 4,000 characters', () => {
    const caption = (length: number) => ({
      ...examples.fileAttachment.value,
      message: 'a'.repeat(length),
    });
    expect(problemsOf(BotMessageSchema, caption(4000))).toEqual([]);
    expect(problemsOf(BotMessageSchema, caption(4001)).map((problem) => problem.path)).toEqual([
      'message',
    ]);
  });

  it('refuses a custom message without content', () => {
    const body = { ...examples.custom.value, payload: { type: 'promo' } };
    expect(problemsOf(BotMessageSchema, body)).toEqual([
      { path: 'payload.content', message: 'is required' },
    ]);
  });

  it('says the body must be an object when it is null, an array or a string', () => {
    for (const body of [null, [examples.text.value], 'Hello']) {
      expect(problemsOf(BotMessageSchema, body)).toEqual([
        { path: '', message: 'the body must be a JSON object: one message' },
      ]);
    }
  });

  it('names the type a payload was meant for when type is left out', () => {
    const body: Record<string, unknown> = { ...examples.buttons.value };
    delete body.type;
    expect(problemsOf(BotMessageSchema, body)).toEqual([
      { path: 'message', message: 'a text message cannot be empty' },
      {
        path: 'payload',
        message:
          'looks like a buttons payload, but this message is text, which carries none: set "type": "buttons"',
      },
    ]);
  });

  it('gives the payload hint even when other fields fail first', () => {
    const body = { sender_email: sender, room_id: 5, payload: { url: 'https://x.example/a.pdf' } };
    expect(problemsOf(BotMessageSchema, body)).toEqual([
      {
        path: 'room_id',
        message: 'must be a string such as "123": send payload.room.id_str from the webhook',
      },
      { path: 'message', message: 'is required (expected string)' },
      {
        path: 'payload',
        message:
          'looks like a file_attachment payload, but this message is text, which carries none: set "type": "file_attachment"',
      },
    ]);
  });

  it('says a button must be an object when it is a bare string', () => {
    const body = structuredClone(examples.buttons.value) as { payload: { buttons: unknown[] } };
    body.payload.buttons[0] = 'Yes';
    expect(problemsOf(BotMessageSchema, body)).toEqual([
      {
        path: 'payload.buttons[0]',
        message: 'must be an object: a button with a label and a type',
      },
    ]);
  });

  it('accepts an upper-case HTTP scheme and refuses a URL without a host', () => {
    const body = structuredClone(examples.buttons.value) as {
      payload: { buttons: { payload?: { url?: string } }[] };
    };
    body.payload.buttons[2]!.payload = { url: 'HTTP://help.example.com/x' };
    expect(problemsOf(BotMessageSchema, body)).toEqual([]);
    body.payload.buttons[2]!.payload = { url: 'http://' };
    expect(problemsOf(BotMessageSchema, body)).toEqual([
      { path: 'payload.buttons[2].payload.url', message: 'must be an http(s) URL' },
    ]);
  });

  it('refuses a carousel card whose default action is a link without a URL', () => {
    const body = structuredClone(examples.carousel.value) as {
      payload: { cards: { default_action?: unknown }[] };
    };
    body.payload.cards[0]!.default_action = { type: 'link' };
    expect(problemsOf(BotMessageSchema, body)).toEqual([
      { path: 'payload.cards[0].default_action.payload', message: 'is required (expected object)' },
    ]);
  });

  it('takes a message without type as text', () => {
    const result = checkContract(BotMessageSchema, examples.textWithoutType.value);
    expect(result).toMatchObject({ ok: true, value: { type: 'text', message: 'Hello' } });
  });
});

describe('the bot webhook schema', () => {
  it('refuses a room.options that is not valid JSON, naming payload.room.options', () => {
    const problems = problemsOf(BotMessageWebhookSchema, withRoomOptions('{"channel":"wa",'));
    expect(problems.map((problem) => problem.path)).toEqual(['payload.room.options']);
    expect(problems[0]?.message).toMatch(/^must be a JSON string of the room options/);
  });

  it('refuses room.options sent as an object, as in the legacy shape', () => {
    const webhook = structuredClone(botMessageWebhook.examples.text.value) as Record<
      string,
      unknown
    > & {
      payload: { room: { options: unknown } };
    };
    webhook.payload.room.options = { source: 'wa' };
    expect(problemsOf(BotMessageWebhookSchema, webhook).map((problem) => problem.path)).toEqual([
      'payload.room.options',
    ]);
  });

  it('checks the decoded room.options too, naming the field inside', () => {
    const options = JSON.stringify({
      channel: 'whatsapp',
      channel_details: { channel_id: 963, name: 'WA' },
      is_resolved: false,
      is_waiting: 'no',
      source: 'wa',
    });
    expect(
      problemsOf(BotMessageWebhookSchema, withRoomOptions(options)).map((p) => p.path),
    ).toEqual(['payload.room.options.channel', 'payload.room.options.is_waiting']);
  });

  it('refuses a webhook whose type differs from payload.type', () => {
    const webhook = { ...botMessageWebhook.examples.text.value, type: 'post_comment_rest' };
    expect(problemsOf(BotMessageWebhookSchema, webhook)).toEqual([
      { path: 'type', message: 'must equal payload.type ("post_comment_mobile")' },
    ]);
  });

  it('refuses a numeric room id, which the newer shape sends as a string', () => {
    const webhook = structuredClone(botMessageWebhook.examples.text.value) as {
      payload: { room: { id: unknown } };
    };
    webhook.payload.room.id = 187250792;
    expect(problemsOf(BotMessageWebhookSchema, webhook).map((p) => p.path)).toEqual([
      'payload.room.id',
    ]);
  });
});

describe('the other request schemas', () => {
  it('refuse a role in capitals, since roles are lower-case division names', () => {
    expect(problemsOf(HandOverToRoleRequestSchema, { role: 'Billing' })).toEqual([
      { path: 'role', message: 'must be the division name in lower case, e.g. "billing"' },
    ]);
  });

  it('read form booleans as "true" or "false" only, without guessing', () => {
    expect(checkContract(ActivateRoomBotFormSchema, { is_active: 'false' })).toEqual({
      ok: true,
      value: { is_active: false },
      warnings: [],
    });
    expect(checkContract(ActivateRoomBotFormSchema, { is_active: 'true' })).toEqual({
      ok: true,
      value: { is_active: true },
      warnings: [],
    });
    expect(problemsOf(ActivateRoomBotFormSchema, { is_active: 'yes' })).toEqual([
      { path: 'is_active', message: 'must be "true" or "false"' },
    ]);
  });

  it('say a missing form boolean is required', () => {
    expect(
      problemsOf(AppBotIntegrateFormSchema, { bot_webhook_url: 'http://127.0.0.1:3738/' }),
    ).toEqual([{ path: 'is_bot_enabled', message: 'is required ("true" or "false")' }]);
  });

  it('refuse a bot webhook URL that is not http(s)', () => {
    expect(
      problemsOf(AppBotIntegrateFormSchema, {
        bot_webhook_url: 'ftp://bot',
        is_bot_enabled: 'true',
      }),
    ).toEqual([{ path: 'bot_webhook_url', message: 'must be an http(s) URL' }]);
  });

  it('refuse an error envelope whose status does not match its code', () => {
    const envelope = {
      status: 400,
      errors: { message: 'Missing credentials', code: 'UNAUTHORIZED', details: [] },
    };
    expect(problemsOf(ErrorEnvelopeSchema, envelope)).toEqual([
      { path: 'status', message: 'must be 401 for UNAUTHORIZED' },
    ]);
  });
});
