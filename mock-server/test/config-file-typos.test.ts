import { expect, it } from 'vitest';
import { isMockError, parseConfigText } from '#mock-server';
import { optionsFromConfigFile } from '../src/options.js';

/** The message `parseConfigText` refuses a text with, or a failure when it takes it. */
function refusalOf(text: string, file = 'mock.yaml'): string {
  try {
    parseConfigText(text, file);
  } catch (error) {
    if (isMockError(error) && error.code === 'MOCK_ERR_CONFIG') return error.message;
    throw error;
  }
  throw new Error('the config was taken');
}

it('refuses an agent in a division the app does not have, with the one probably meant', () => {
  expect(
    refusalOf(
      'divisions: [customer service, billing]\nagents:\n  - { name: Dewi Lestari, divisions: [biling] }\n',
    ),
  ).toBe(
    'mock.yaml has a problem:\n  agents[0].divisions[0]: "biling" is not a division of the app (customer service, billing): did you mean "billing"?; a new division is listed under divisions',
  );
  expect(refusalOf('agents:\n  - { name: Rina, divisions: [vip] }\n')).toContain(
    '"vip" is not a division of the app (customer service, billing, sales, technical); a new division is listed under divisions',
  );
  expect(
    parseConfigText('divisions: [vip]\nagents:\n  - { name: Rina, divisions: [vip] }\n', 'x.yaml')
      .agents,
  ).toHaveLength(1);
});

it('says which value or channel was probably meant, as scripts do', () => {
  expect(
    refusalOf(
      'delivery: relaible\nchannels:\n  - { source: whatsapp }\nchannel_rules:\n  instagram: { refuses: [] }\n',
    ),
  ).toBe(
    [
      'mock.yaml has 3 problems:',
      '  delivery: must be one of "once", "reliable", "chaos"; did you mean "reliable"?',
      '  channels[0].source: must be one of "qiscus", "wa", "ig", "telegram", "line", "fb", "custom"; did you mean "wa"?',
      '  channel_rules.instagram: is not a field of this object; did you mean "ig"?',
    ].join('\n'),
  );
});

it('names the key probably meant among the admin, office hours and webhook keys', () => {
  const message = refusalOf(
    [
      'admin_emial: admin@example.com',
      'office_hours:',
      "  timezone: '+07:00'",
      "  days: [{ day: 1, start: '08:00', ends: '17:00' }]",
      'webhooks:',
      "  mark_as_resolve: { url: 'http://127.0.0.1:4000/resolved' }",
      "  new_session: { url: 'http://127.0.0.1:4000/new', enable: false }",
      '',
    ].join('\n'),
  );
  expect(message).toContain(
    'admin_emial: is not a field of this object; did you mean "admin_email"?',
  );
  expect(message).toContain(
    'office_hours.days[0].ends: is not a field of this object; did you mean "end"?',
  );
  expect(message).toContain(
    'webhooks.mark_as_resolve: is not a field of this object; did you mean "mark_as_resolved"?',
  );
  expect(message).toContain(
    'webhooks.new_session.enable: is not a field of this object; did you mean "enabled"?',
  );
});

it('takes the admin, office hours and webhooks of issue 14 into the options', () => {
  const config = parseConfigText(
    [
      'admin_email: boss@example.com',
      'admin_password: a-long-password',
      "office_hours: { timezone: '+08:00', days: [{ day: 6, start: '09:00', end: '12:00' }] }",
      "webhooks: { agent_allocation: { url: 'http://127.0.0.1:4000/allocate' } }",
      '',
    ].join('\n'),
    'mock.yaml',
  );
  expect(optionsFromConfigFile(config)).toEqual({
    adminEmail: 'boss@example.com',
    adminPassword: 'a-long-password',
    officeHours: { timezone: '+08:00', days: [{ day: 6, start: '09:00', end: '12:00' }] },
    webhooks: { agent_allocation: { url: 'http://127.0.0.1:4000/allocate' } },
  });
  expect(
    refusalOf(
      "office_hours: { timezone: '+07:00', days: [{ day: 8, start: '8am', end: '17:00' }] }",
    ),
  ).toContain('office_hours.days[0].start: a time of day as HH:MM, e.g. "08:00"');
});
