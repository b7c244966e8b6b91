import { describe, expect, it } from 'vitest';
import type { Button, RoomMessage } from '#contracts';
import { findPostbackButton } from './find-postback-button.js';

let nextId = 1;

function message(
  sender: RoomMessage['sender'],
  type: RoomMessage['type'],
  payload: RoomMessage['payload'],
): RoomMessage {
  const id = nextId;
  nextId += 1;
  return {
    id,
    sender,
    sender_id: sender === 'bot' ? 'bot@example.com' : 'customer-1',
    sender_name: sender,
    type,
    text: `message ${id}`,
    payload,
    created_at: '2026-12-06T07:00:00Z',
    delivery_id: null,
  };
}

const postback = (label: string, postbackText = label): Button => ({
  label,
  type: 'postback',
  postback_text: postbackText,
});
const link = (label: string): Button => ({
  label,
  type: 'link',
  payload: { url: 'https://example.com/' },
});

describe('findPostbackButton', () => {
  it('presses a button of a buttons message, even the room’s very first message', () => {
    const found = findPostbackButton([message('bot', 'buttons', { buttons: [postback('Yes')] })], {
      label: 'Yes',
    });
    expect(found).toEqual({ ok: true, button: postback('Yes') });
  });

  it('presses a button of a card', () => {
    const found = findPostbackButton(
      [message('bot', 'card', { title: 'Plan', buttons: [postback('Buy', 'buy basic')] })],
      { label: 'Buy' },
    );
    expect(found).toEqual({ ok: true, button: postback('Buy', 'buy basic') });
  });

  it('presses a button on any card of a carousel', () => {
    const found = findPostbackButton(
      [
        message('bot', 'carousel', {
          cards: [
            { title: 'Basic', buttons: [postback('Basic')] },
            { title: 'Pro' },
            { title: 'Max', buttons: [postback('Max', 'max please')] },
          ],
        }),
      ],
      { label: 'Max' },
    );
    expect(found).toEqual({ ok: true, button: postback('Max', 'max please') });
  });

  it('takes the latest offer of a label when the bot sent it twice', () => {
    const found = findPostbackButton(
      [
        message('bot', 'buttons', { buttons: [postback('More', 'old')] }),
        message('bot', 'buttons', { buttons: [postback('More', 'new')] }),
      ],
      { label: 'More' },
    );
    expect(found).toEqual({ ok: true, button: postback('More', 'new') });
  });

  it('does not count a label the customer or an agent sent as an offer', () => {
    const found = findPostbackButton(
      [
        message('bot', 'buttons', { buttons: [postback('Menu')] }),
        message('customer', 'buttons', { buttons: [postback('Refund')] }),
        message('agent', 'buttons', { buttons: [postback('Escalate')] }),
      ],
      { label: 'Refund' },
    );
    expect(found).toEqual({ ok: false, labels: ['Menu'], isLink: false });
  });

  it('passes over the bot’s messages that carry no buttons, or no payload at all', () => {
    const found = findPostbackButton(
      [
        message('bot', 'buttons', { buttons: [postback('Start')] }),
        message('bot', 'text', null),
        message('bot', 'file_attachment', { url: 'https://example.com/a.pdf' }),
        message('bot', 'card', { title: 'No buttons' }),
      ],
      { label: 'Start' },
    );
    expect(found).toEqual({ ok: true, button: postback('Start') });
  });

  it('says when the label is a link, which a customer opens rather than presses', () => {
    const found = findPostbackButton(
      [message('bot', 'buttons', { buttons: [link('Website'), postback('Help')] })],
      { label: 'Website' },
    );
    expect(found).toEqual({ ok: false, labels: ['Help'], isLink: true });
  });

  it('lists each label on offer once, newest first, when none matches', () => {
    const found = findPostbackButton(
      [
        message('bot', 'buttons', { buttons: [postback('A'), postback('B')] }),
        message('bot', 'carousel', {
          cards: [{ title: 'x', buttons: [postback('C'), postback('A')] }],
        }),
      ],
      { label: 'Z' },
    );
    expect(found).toEqual({ ok: false, labels: ['C', 'A', 'B'], isLink: false });
  });

  it('finds nothing in a room without messages', () => {
    expect(findPostbackButton([], { label: 'Yes' })).toEqual({
      ok: false,
      labels: [],
      isLink: false,
    });
  });
});
