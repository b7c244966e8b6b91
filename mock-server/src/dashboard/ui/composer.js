import { api } from './api.js';
import { channelTitle } from './channel-badge.js';
import { h } from './dom.js';

/**
 * The box under the conversation: write into the room as its customer (the bot gets a webhook)
 * or as an agent (the room's own, or one picked).
 *
 * @param {import('./store.js').Store} store
 * @returns {HTMLElement}
 */
export function createComposer(store) {
  const asCustomer = h('input', { type: 'radio', name: 'as', value: 'customer', checked: true });
  const asAgent = h('input', { type: 'radio', name: 'as', value: 'agent' });
  const agent = /** @type {HTMLSelectElement} */ (
    h('select', { 'aria-label': 'Agent', 'data-testid': 'composer-agent', hidden: true })
  );
  const text = /** @type {HTMLInputElement} */ (
    h('input', {
      type: 'text',
      'aria-label': 'Message',
      'data-testid': 'composer-text',
      autocomplete: 'off',
      maxlength: 4000,
    })
  );
  const send = h(
    'button',
    { type: 'submit', class: 'primary', 'data-testid': 'composer-send' },
    'Send',
  );
  const agentMode = () => /** @type {HTMLInputElement} */ (asAgent).checked;

  const update = () => {
    agent.hidden = !agentMode();
    const room =
      store.state.selected === null ? undefined : store.state.rooms.get(store.state.selected);
    text.placeholder = agentMode()
      ? 'Write as an agent…'
      : `Write as ${room?.customer.name ?? 'the customer'}…`;
  };
  const fillAgents = () => {
    const agents = store.state.settings?.agents ?? [];
    const chosen = agent.value;
    agent.replaceChildren(
      h('option', { value: '' }, 'the room’s agent'),
      ...agents.map((/** @type {any} */ one) =>
        h(
          'option',
          { value: one.id, selected: String(one.id) === chosen },
          `${one.name} · ${one.user_roles.map((/** @type {any} */ role) => role.name).join(', ')}${one.is_available ? '' : ' (offline)'}`,
        ),
      ),
    );
  };

  const form = h(
    'form',
    {
      class: 'composer',
      'data-testid': 'composer',
      onsubmit: async (/** @type {Event} */ event) => {
        event.preventDefault();
        const roomId = store.state.selected;
        const said = text.value.trim();
        if (roomId === null || said === '') return;
        const call = agentMode()
          ? api.agentSays(roomId, said, agent.value === '' ? undefined : Number(agent.value))
          : api.customerSays({ room_id: roomId, text: said });
        store.followLatest();
        if ((await store.act(call)) !== undefined) text.value = '';
        text.focus();
      },
    },
    h(
      'div',
      { class: 'composer-as' },
      h('label', null, asCustomer, 'as the customer'),
      h('label', null, asAgent, 'as an agent'),
      agent,
    ),
    h('div', { class: 'composer-row' }, text, send),
  );
  asCustomer.addEventListener('change', update);
  asAgent.addEventListener('change', update);
  store.subscribe((topic) => {
    if (topic === 'settings') fillAgents();
    if (topic === 'selected' || topic === 'rooms') update();
  });
  fillAgents();
  update();
  return form;
}

/**
 * The form above the rooms: a customer writes on a chosen channel, which opens a new room.
 *
 * @param {HTMLElement} section
 * @param {import('./store.js').Store} store
 * @param {HTMLElement} composer the room's composer, where the conversation goes on
 */
export function mountNewRoomForm(section, store, composer) {
  const channel = /** @type {HTMLSelectElement} */ (
    h('select', { 'aria-label': 'Channel', 'data-testid': 'new-room-channel' })
  );
  const name = /** @type {HTMLInputElement} */ (
    h('input', {
      type: 'text',
      'aria-label': 'Customer name',
      placeholder: 'Customer name (optional)',
      'data-testid': 'new-room-name',
      maxlength: 191,
    })
  );
  const text = /** @type {HTMLInputElement} */ (
    h('input', {
      type: 'text',
      'aria-label': 'First message',
      placeholder: 'First message, e.g. Hi',
      'data-testid': 'new-room-text',
      maxlength: 4000,
    })
  );
  const fillChannels = () => {
    const chosen = channel.value;
    channel.replaceChildren(
      ...(store.state.settings?.channels ?? []).map((/** @type {any} */ one) =>
        h(
          'option',
          { value: one.id, selected: String(one.id) === chosen, 'data-source': one.source },
          `${channelTitle(one)} · ${one.name}`,
        ),
      ),
    );
  };
  section.replaceChildren(
    h(
      'form',
      {
        class: 'new-room',
        'data-testid': 'new-room',
        onsubmit: async (/** @type {Event} */ event) => {
          event.preventDefault();
          const picked = (store.state.settings?.channels ?? []).find(
            (/** @type {any} */ one) => String(one.id) === channel.value,
          );
          const said = text.value.trim();
          if (!picked || said === '') return;
          const customerName = name.value.trim();
          const result = await store.act(
            api.customerSays({
              channel: picked.source,
              channel_id: picked.id,
              ...(customerName === '' ? {} : { customer: { name: customerName } }),
              text: said,
            }),
          );
          if (result === undefined) return;
          // The next conversation is another customer's.
          text.value = '';
          name.value = '';
          store.select(/** @type {{ room_id: string }} */ (result).room_id);
          // The conversation goes on in the room's composer, shown with the room's next frame.
          const next = /** @type {HTMLInputElement | null} */ (
            composer.querySelector('input[type=text]')
          );
          requestAnimationFrame(() => next?.focus());
        },
      },
      h('h2', null, 'New conversation'),
      channel,
      name,
      h(
        'div',
        { class: 'composer-row' },
        text,
        h('button', { type: 'submit', class: 'primary' }, 'Start'),
      ),
    ),
  );
  store.subscribe((topic) => {
    if (topic === 'settings') fillChannels();
  });
  fillChannels();
}
