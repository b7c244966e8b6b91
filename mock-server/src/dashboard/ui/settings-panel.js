import { api } from './api.js';
import { h } from './dom.js';
import { handoverPopupsShown, showHandoverPopups } from './handover-popups.js';

/**
 * The switches: the bot on or off for the whole app, its webhook URL, Auto Agent Allocation, the
 * delivery mode, and (kept in this browser) whether handover requests pop up. The bot switch of
 * one room is in the conversation's header.
 *
 * @param {HTMLElement} panel
 * @param {import('./store.js').Store} store
 */
export function mountSettingsPanel(panel, store) {
  const botEnabled = /** @type {HTMLInputElement} */ (
    h('input', {
      type: 'checkbox',
      'data-testid': 'setting-bot-enabled',
      onchange: () => void store.act(api.configure({ bot_enabled: botEnabled.checked })),
    })
  );
  const autoAgent = /** @type {HTMLInputElement} */ (
    h('input', {
      type: 'checkbox',
      'data-testid': 'setting-auto-agent-allocation',
      onchange: () => void store.act(api.configure({ auto_agent_allocation: autoAgent.checked })),
    })
  );
  const delivery = /** @type {HTMLSelectElement} */ (
    h(
      'select',
      {
        'data-testid': 'setting-delivery',
        onchange: () => void store.act(api.configure({ delivery: delivery.value })),
      },
      h('option', { value: 'once' }, 'once: one try, as Qiscus'),
      h('option', { value: 'reliable' }, 'reliable: retries, in order'),
      h('option', { value: 'chaos' }, 'chaos: delays, duplicates'),
    )
  );
  const botUrl = /** @type {HTMLInputElement} */ (
    h('input', {
      type: 'url',
      'data-testid': 'setting-bot-url',
      placeholder: 'http://127.0.0.1:3738/',
      'aria-label': 'Bot URL',
    })
  );
  const popups = /** @type {HTMLInputElement} */ (
    h('input', {
      type: 'checkbox',
      'data-testid': 'setting-handover-popups',
      checked: handoverPopupsShown(),
      onchange: () => showHandoverPopups(popups.checked),
    })
  );
  const about = h('dl', { class: 'about' });

  panel.replaceChildren(
    h('div', { class: 'panel-head' }, h('h2', null, 'Settings')),
    h('label', { class: 'setting' }, botEnabled, h('span', null, 'Bot on for the whole app')),
    h(
      'form',
      {
        class: 'setting setting-url',
        onsubmit: (/** @type {Event} */ event) => {
          event.preventDefault();
          const url = botUrl.value.trim();
          void store.act(api.configure({ bot_url: url === '' ? null : url }));
        },
      },
      h('span', null, 'Bot webhook URL (empty: none)'),
      h(
        'div',
        { class: 'composer-row' },
        botUrl,
        h('button', { type: 'submit', 'data-testid': 'setting-bot-url-save' }, 'Save'),
      ),
    ),
    h('label', { class: 'setting' }, autoAgent, h('span', null, 'Auto Agent Allocation')),
    h('label', { class: 'setting setting-select' }, h('span', null, 'Delivery mode'), delivery),
    h(
      'label',
      { class: 'setting' },
      popups,
      h('span', null, 'Show handover pop-ups (this browser)'),
    ),
    about,
  );

  const render = () => {
    const settings = store.state.settings;
    if (!settings) return;
    botEnabled.checked = settings.bot_enabled;
    autoAgent.checked = settings.auto_agent_allocation;
    delivery.value = settings.delivery;
    // What someone is typing is not overwritten.
    if (document.activeElement !== botUrl) botUrl.value = settings.bot_url ?? '';
    const online = settings.agents.filter((/** @type {any} */ agent) => agent.is_available).length;
    about.replaceChildren(
      h('dt', null, 'App code'),
      h('dd', null, settings.app_code),
      h('dt', null, 'Bot sender'),
      h('dd', null, settings.bot_email),
      h('dt', null, 'Divisions'),
      h(
        'dd',
        null,
        settings.divisions.map((/** @type {any} */ division) => division.name).join(', '),
      ),
      h('dt', null, 'Agents'),
      h('dd', null, `${settings.agents.length}, ${online} online`),
    );
  };
  store.subscribe((topic) => {
    if (topic === 'settings') render();
  });
  render();
}
