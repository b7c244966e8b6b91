import { describe, expect, test } from 'vitest';
import {
  getConfig,
  getRoom,
  getTraffic,
  listRooms,
  patchConfig,
  sendAgentMessage,
  sendCustomerMessage,
} from '#contracts';
import { isMockError, parseConfigText, type MockError } from '#mock-server';
import { callControl } from './support/call-control.js';
import { okBody, say } from './support/control-answers.js';
import { startMock } from './support/start-mock.js';
import { botSays, budi, buttons } from './support/room-actions.js';

function configError(text: string, file: string): MockError {
  try {
    parseConfigText(text, file);
  } catch (error) {
    if (isMockError(error)) return error;
    throw error;
  }
  throw new Error(`${file} was accepted`);
}

describe('the mock’s own control API: its settings and config files', () => {
  test('PATCH /_mock/config changes the switches, and GET /_mock/config shows them', async () => {
    const server = await startMock();

    const patched = okBody(
      await callControl(server, patchConfig, {
        body: {
          bot_url: 'http://localhost:3738',
          bot_enabled: false,
          auto_agent_allocation: false,
          delivery: 'reliable',
        },
      }),
    );
    const shown = okBody(await callControl(server, getConfig));

    expect(patched).toMatchObject({
      bot_url: 'http://localhost:3738/',
      bot_enabled: false,
      auto_agent_allocation: false,
      delivery: 'reliable',
      allow_remote_webhook: false,
    });
    expect(shown).toEqual(patched);
    const unset = okBody(await callControl(server, patchConfig, { body: { bot_url: null } }));
    expect(unset.bot_url).toBeNull();
    expect(unset.bot_enabled).toBe(false);
  });

  test('after allowing buttons on WhatsApp through channel_rules, a buttons message into a WhatsApp room is accepted', async () => {
    const server = await startMock();
    const { room_id } = await say(server, { channel: 'wa', customer: budi, text: 'Hi' });
    expect(await botSays(server, { room_id, ...buttons })).toBe(400);

    const patched = okBody(
      await callControl(server, patchConfig, {
        body: { channel_rules: { wa: { refuses: ['carousel'] } } },
      }),
    );

    expect(patched.channel_rules.wa).toEqual({ refuses: ['carousel'] });
    expect(patched.channel_rules.ig).toEqual({ refuses: ['buttons'] });
    expect(patched.channel_rules.telegram).toEqual({ refuses: ['carousel'] });
    expect(await botSays(server, { room_id, ...buttons })).toBe(200);
    const detail = okBody(await callControl(server, getRoom, { params: { room_id } }));
    expect(detail.messages.map((message) => [message.sender, message.type])).toEqual([
      ['customer', 'text'],
      ['bot', 'buttons'],
    ]);
  });

  test('PATCH /_mock/config refuses a bot URL on another machine and changes nothing', async () => {
    const server = await startMock();
    const before = okBody(await callControl(server, getConfig));

    const answer = await callControl(server, patchConfig, {
      body: { bot_enabled: false, delivery: 'chaos', bot_url: 'http://example.com/hook' },
    });

    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({
      code: 'MOCK_ERR_WEBHOOK_TARGET',
      errors: [
        {
          path: 'bot_url',
          message:
            'example.com is not this machine: the mock sends webhooks only to loopback addresses unless started with --allow-remote-webhook',
        },
      ],
    });
    expect(okBody(await callControl(server, getConfig))).toEqual(before);
  });

  test('configure() changes the switches as PATCH /_mock/config does, and refuses a bad patch whole', async () => {
    const server = await startMock();
    const before = server.settings();

    const refusals = [
      { bot_enabled: false, bot_url: 'http://example.com/hook' },
      { bot_enabled: false, delivery: 'sometimes' },
    ].map((patch) => {
      try {
        server.configure(patch as never);
      } catch (error) {
        return isMockError(error) ? error.code : String(error);
      }
      return 'accepted';
    });
    expect(refusals).toEqual(['MOCK_ERR_WEBHOOK_TARGET', 'MOCK_ERR_VALIDATION']);
    expect(server.settings()).toEqual(before);

    const after = server.configure({
      bot_url: 'http://127.0.0.1:3738/hook',
      auto_agent_allocation: false,
    });
    expect([after.bot_url, after.auto_agent_allocation, after.bot_enabled]).toEqual([
      'http://127.0.0.1:3738/hook',
      false,
      true,
    ]);
    expect(okBody(await callControl(server, getConfig))).toEqual(after);
  });

  test('customer.say() and configure() name each problem of a bad argument, and store nothing', async () => {
    const server = await startMock();
    const refusalOf = async (call: () => unknown) => {
      try {
        await call();
      } catch (error) {
        return isMockError(error) ? [error.code, error.message] : [String(error)];
      }
      return ['accepted'];
    };

    expect(
      await refusalOf(() => server.customer.say({ channel: 'sms' as never, text: 'Hi' })),
    ).toEqual([
      'MOCK_ERR_VALIDATION',
      expect.stringMatching(/^The customer message does not match the schema: channel: /),
    ]);
    expect(await refusalOf(() => server.configure({ delivery: 'sometimes' as never }))).toEqual([
      'MOCK_ERR_VALIDATION',
      expect.stringMatching(/^The settings patch does not match the schema: delivery: /),
    ]);
    expect(server.rooms.list()).toEqual([]);
  });

  test('PATCH /_mock/config refuses a bot URL that is not http(s)', async () => {
    const server = await startMock();

    const answer = await callControl(server, patchConfig, {
      body: { bot_url: 'ftp://127.0.0.1/hook' },
    });

    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({
      code: 'MOCK_ERR_WEBHOOK_TARGET',
      errors: [{ path: 'bot_url', message: 'must be an http(s) URL, not ftp:' }],
    });
    expect(server.settings().bot_url).toBeNull();
  });

  test('unknown fields in control bodies and queries are refused with their path, and nothing changes', async () => {
    const server = await startMock();
    const { room_id } = await say(server, { channel: 'wa', customer: budi, text: 'Hi' });

    const config = await callControl(server, patchConfig, {
      body: { bot_enabled: false, botUrl: 'http://127.0.0.1:3738/' },
    });
    const message = await callControl(server, sendCustomerMessage, {
      body: { channel: 'wa', text: 'Hi', customer: { id: '62811', phone: '62811' } },
    });
    const agent = await callControl(server, sendAgentMessage, {
      params: { room_id },
      body: { text: 'Hi', agent: 'dewi' },
    });
    const traffic = await callControl(server, getTraffic, { query: { limit: '5' } });

    expect([config.status, message.status, agent.status, traffic.status]).toEqual([
      400, 400, 400, 400,
    ]);
    expect(config.body).toMatchObject({
      code: 'MOCK_ERR_VALIDATION',
      errors: [
        { path: 'botUrl', message: 'is not a field of this object; did you mean "bot_url"?' },
      ],
    });
    expect(message.body).toMatchObject({
      code: 'MOCK_ERR_VALIDATION',
      errors: [{ path: 'customer.phone', message: 'is not a field of this object' }],
    });
    expect(agent.body).toMatchObject({ code: 'MOCK_ERR_VALIDATION', errors: [{ path: 'agent' }] });
    expect(traffic.body).toMatchObject({
      code: 'MOCK_ERR_VALIDATION',
      errors: [{ path: 'query.limit' }],
    });
    expect(server.settings().bot_enabled).toBe(true);
    expect(okBody(await callControl(server, listRooms)).rooms).toHaveLength(1);
  });

  test('a config file with an unknown key is refused, naming the file and the key', () => {
    const error = configError('{"bot_url": null, "colour": "red"}', 'mock.json');

    expect(error.code).toBe('MOCK_ERR_CONFIG');
    expect(error.message).toBe('mock.json has a problem:\n  colour: is not a field of this object');
    expect(error.errors).toEqual([{ path: 'colour', message: 'is not a field of this object' }]);
  });

  test('a config file with a bad value is refused, naming the file and the key path', () => {
    const error = configError('channels:\n  - source: whatsapp\n', 'config/mock.yaml');

    expect(error.code).toBe('MOCK_ERR_CONFIG');
    expect(error.message).toBe(
      'config/mock.yaml has a problem:\n  channels[0].source: must be one of "qiscus", "wa", "ig", "telegram", "line", "fb", "custom"; did you mean "wa"?',
    );
  });

  test('a config file that is not valid JSON is refused, naming the file', () => {
    const error = configError('{"seed": ', 'mock.json');

    expect(error.code).toBe('MOCK_ERR_CONFIG');
    expect(error.message).toMatch(/^mock\.json is not valid JSON: /);
  });

  test('a config file is read as JSON or YAML, to the same settings', () => {
    const expected = {
      seed: 7,
      delivery: 'reliable',
      channels: [{ source: 'wa', name: 'Main WhatsApp', phone: '+6281100000001' }],
      agents: [{ name: 'Dewi Lestari', divisions: ['billing'], online: true }],
    };
    const yaml = [
      'seed: 7',
      'delivery: reliable',
      'channels:',
      '  - source: wa',
      '    name: Main WhatsApp',
      '    phone: "+6281100000001"',
      'agents:',
      '  - name: Dewi Lestari',
      '    divisions: [billing]',
      '    online: true',
      '',
    ].join('\n');

    expect(parseConfigText(JSON.stringify(expected), 'mock.json')).toEqual(expected);
    expect(parseConfigText(yaml, 'mock.yaml')).toEqual(expected);
    expect(parseConfigText(yaml, 'mock.yml')).toEqual(expected);
  });
});
