import { expect, it } from 'vitest';
import { botMessageWebhook, RoomIdSchema, type Exchange } from '#contracts';
import { isScrubbedPlaceholder, Scrubber } from './scrubber.js';

const botEmail = 'qiscus-mock-app_admin@qismo.com';
const keep = new Set([botEmail, 'qiscus-mock-app']);
const webhook = botMessageWebhook.examples.text.value;

function exchange(
  request: unknown,
  response: unknown = null,
  path = '/qiscus-mock-app/bot',
): Exchange {
  return {
    seq: 1,
    time: '2026-11-24T02:10:31Z',
    direction: 'from_bot',
    operation_id: 'postBotMessage',
    method: 'POST',
    path,
    room_id: RoomIdSchema.parse('187250792'),
    status: 200,
    request: { headers: { 'content-type': 'application/json' }, body: request },
    response: response === null ? null : { body: response },
    error: null,
    warnings: [],
    flags: [],
  };
}

function bodyOf(scrubbed: Exchange): Record<string, unknown> {
  return scrubbed.request.body as Record<string, unknown>;
}

it('gives the same value the same stand-in everywhere in a file, and different values different ones', () => {
  const scrubber = new Scrubber(keep);
  const first = scrubber.scrub(exchange({ message: 'Call 6281234567890 or 6289876543210' }));
  const second = scrubber.scrub(exchange({ message: 'Again: 6281234567890' }));
  expect(bodyOf(first).message).toBe('Call 6280000000001 or 6280000000002');
  expect(bodyOf(second).message).toBe('Again: 6280000000001');
  // Another file (another scrubber) numbers from 1 again.
  expect(bodyOf(new Scrubber(keep).scrub(exchange({ message: '6289876543210' }))).message).toBe(
    '6280000000001',
  );
});

it('replaces phone numbers of 11 to 15 digits, with or without +, and keeps room and comment ids', () => {
  const scrubbed = new Scrubber(keep).scrub(
    exchange({
      room_id: '187250792',
      comment_id: 2487134935,
      message: 'Mine is +628123456789012, room 187250792, comment 2487134935',
      phone: '6281234567890',
    }),
  );
  expect(bodyOf(scrubbed)).toEqual({
    room_id: '187250792',
    comment_id: 2487134935,
    message: 'Mine is 6280000000001, room 187250792, comment 2487134935',
    phone: '6280000000002',
  });
});

it('replaces e-mail addresses anywhere, and keeps the bot’s own address and the app code', () => {
  const scrubbed = new Scrubber(keep).scrub(
    exchange({
      sender_email: botEmail,
      message: 'Write to budi.santoso@example.com (qiscus-mock-app)',
      customer: { email: 'budi.santoso@example.com' },
    }),
  );
  expect(bodyOf(scrubbed)).toEqual({
    sender_email: botEmail,
    message: 'Write to person1@example.invalid (qiscus-mock-app)',
    customer: { email: 'person1@example.invalid' },
  });
});

it('finds names by their key or their person’s record, also where they reappear in free text, and keeps names of things', () => {
  const scrubber = new Scrubber(keep);
  const scrubbed = scrubber.scrub({
    ...exchange(null, null, '/webhook'),
    direction: 'to_bot',
    request: { headers: {}, body: webhook },
    response: { body: { reply: 'Hi Budi! Budi Santoso, is that you?' } },
  });
  const body = scrubbed.request.body as typeof webhook;
  expect(body.payload.from.name).toBe('Person 1');
  expect(body.payload.room.name).toBe('Person 1');
  // The channel's name is not a person's.
  expect(body.channel.name).toBe(webhook.channel.name);
  // The first name alone becomes the stand-in's first word: what a bot says given the stand-in.
  expect(scrubbed.response?.body).toEqual({ reply: 'Hi Person! Person 1, is that you?' });
});

it('finds an agent’s name beside its e-mail however deep, in lists too', () => {
  const scrubbed = new Scrubber(keep).scrub(
    exchange(
      { role: 'billing' },
      {
        data: {
          added_agent: { name: 'Mustofa Bakidin', email: 'mustofa@example.com' },
          others: [{ id: 3, name: 'Rina Wati', email: 'rina@example.com' }],
          division: { name: 'billing' },
        },
      },
    ),
  );
  expect(scrubbed.response?.body).toEqual({
    data: {
      added_agent: { name: 'Person 1', email: 'person1@example.invalid' },
      others: [{ id: 3, name: 'Person 2', email: 'person2@example.invalid' }],
      division: { name: 'billing' },
    },
  });
});

it('replaces attachment and avatar URLs, and the same URL in a caption, but no other link', () => {
  const scrubbed = new Scrubber(keep).scrub(
    exchange({
      type: 'file_attachment',
      payload: {
        url: 'https://files.example.com/receipt.jpg',
        caption: 'see https://files.example.com/receipt.jpg',
      },
      buttons: [{ label: 'Shop', payload: { link: 'https://shop.example.com' } }],
      avatar_url: 'https://cdn.example.com/me.png',
    }),
  );
  expect(bodyOf(scrubbed)).toEqual({
    type: 'file_attachment',
    payload: {
      url: 'https://scrubbed.example.invalid/file-1',
      caption: 'see https://scrubbed.example.invalid/file-1',
    },
    buttons: [{ label: 'Shop', payload: { link: 'https://shop.example.com' } }],
    avatar_url: 'https://scrubbed.example.invalid/file-2',
  });
});

it('scrubs the path, the headers and the error too', () => {
  const scrubbed = new Scrubber(keep).scrub({
    ...exchange(null, null, '/api/v2/customer_rooms?user_id=6281234567890'),
    request: { headers: { 'x-user': 'budi@example.com' }, body: null },
    error: 'no room for 6281234567890',
  });
  expect(scrubbed.path).toBe('/api/v2/customer_rooms?user_id=6280000000001');
  expect(scrubbed.request.headers['x-user']).toBe('person1@example.invalid');
  expect(scrubbed.error).toBe('no room for 6280000000001');
});

it('leaves a scrubbed exchange as it is when scrubbed again, stand-ins inside JSON text included', () => {
  const once = new Scrubber(keep).scrub({
    ...exchange(null, null, '/webhook'),
    direction: 'to_bot',
    request: { headers: {}, body: { ...webhook, note: '{"phone":"6281234567890"}' } },
  });
  const again = new Scrubber(keep);
  again.continueAfter(once);
  expect(again.scrub(once)).toEqual(once);
  expect(isScrubbedPlaceholder('Person 12')).toBe(true);
  expect(isScrubbedPlaceholder('Person')).toBe(false);
});

it('numbers on from the stand-ins of a recording it continues, so a new person gets a new one', () => {
  const scrubber = new Scrubber(keep);
  scrubber.continueAfter({ a: ['Person 4', 'person7@example.invalid', '{"p":"6280000000009"}'] });
  const scrubbed = scrubber.scrub(
    exchange({
      customer: { name: 'Rina Wati', email: 'rina@example.com' },
      phone: '6281111111111',
    }),
  );
  expect(bodyOf(scrubbed)).toEqual({
    customer: { name: 'Person 5', email: 'person8@example.invalid' },
    phone: '6280000000010',
  });
});
