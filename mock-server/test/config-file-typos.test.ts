import { expect, it } from 'vitest';
import { isMockError, parseConfigText } from '#mock-server';

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
