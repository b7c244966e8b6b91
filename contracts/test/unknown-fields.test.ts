import { describe, expect, it } from 'vitest';
import {
  BotMessageSchema,
  BotMessageWebhookSchema,
  botMessageWebhook,
  checkContract,
  decodeRoomOptions,
  postBotMessage,
} from '#contracts';

const examples = postBotMessage.request.body.content['application/json'].examples;
const warn = { unknownFields: 'warn' } as const;

describe('unknown fields', () => {
  it('are refused by default, each named', () => {
    const body = { ...examples.text.value, colour: 'blue' };
    expect(checkContract(BotMessageSchema, body)).toEqual({
      ok: false,
      problems: [{ path: 'colour', message: 'is not a field of this object' }],
      warnings: [],
    });
  });

  it('are accepted with a warning, and left out of the value, when asked to warn', () => {
    const body = { ...examples.text.value, colour: 'blue' };
    expect(checkContract(BotMessageSchema, body, warn)).toEqual({
      ok: true,
      value: { ...examples.text.value },
      warnings: [{ path: 'colour', message: 'is not a field of this object; it is ignored' }],
    });
  });

  it('come with a "did you mean" hint when close to a known field of that object', () => {
    const body = structuredClone(examples.buttons.value) as {
      payload: { buttons: Record<string, unknown>[] };
    };
    const button = body.payload.buttons[2]!;
    button.lable = button.label;
    delete button.label;
    body.payload.buttons[0]!.postbackText = 'Billing please';
    const result = checkContract(BotMessageSchema, body, warn);
    expect(result).toEqual({
      ok: false,
      problems: [{ path: 'payload.buttons[2].label', message: 'is required (expected string)' }],
      warnings: [
        {
          path: 'payload.buttons[0].postbackText',
          message: 'is not a field of this object; did you mean "postback_text"?',
        },
        {
          path: 'payload.buttons[2].lable',
          message: 'is not a field of this object; did you mean "label"?',
        },
      ],
    });
  });

  it('pick the hint from the message type the body names', () => {
    const body = { ...examples.fileAttachment.value, payload: { urll: 'https://x.example/a.pdf' } };
    const result = checkContract(BotMessageSchema, body, warn);
    expect(result.warnings).toEqual([
      { path: 'payload.urll', message: 'is not a field of this object; did you mean "url"?' },
    ]);
  });

  it('inside the room.options JSON string of a webhook are accepted with a warning too', () => {
    const webhook = structuredClone(botMessageWebhook.examples.text.value);
    const options = JSON.parse(webhook.payload.room.options) as Record<string, unknown>;
    webhook.payload.room.options = JSON.stringify({ ...options, sub_source: 'wa_cloud' });
    const result = checkContract(BotMessageWebhookSchema, { ...webhook, is_new_field: 1 }, warn);
    expect(result.ok).toBe(true);
    expect(result.warnings.map((warning) => warning.path)).toEqual([
      'payload.room.options.sub_source',
      'is_new_field',
    ]);
    if (result.ok) {
      expect(decodeRoomOptions(result.value.payload.room.options)).toEqual(options);
    }
  });

  it('inside room.options come with a hint from the decoded room options', () => {
    const webhook = structuredClone(botMessageWebhook.examples.text.value);
    const options = JSON.parse(webhook.payload.room.options) as Record<string, unknown> & {
      channel_details: Record<string, unknown>;
    };
    const { is_resolved: resolved, ...rest } = options;
    webhook.payload.room.options = JSON.stringify({
      ...rest,
      is_resolvd: resolved,
      channel_details: { ...options.channel_details, phnoe: '+62' },
    });
    expect(checkContract(BotMessageWebhookSchema, webhook, warn)).toEqual({
      ok: false,
      problems: [
        { path: 'payload.room.options.is_resolved', message: 'is required (expected boolean)' },
      ],
      warnings: [
        {
          path: 'payload.room.options.channel_details.phnoe',
          message: 'is not a field of this object; did you mean "phone"?',
        },
        {
          path: 'payload.room.options.is_resolvd',
          message: 'is not a field of this object; did you mean "is_resolved"?',
        },
      ],
    });
  });
});
