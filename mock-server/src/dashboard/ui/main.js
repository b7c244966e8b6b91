import { createComposer, mountNewRoomForm } from './composer.js';
import { mountConversation } from './conversation-view.js';
import { mountDeliveryPanel } from './delivery-panel.js';
import { followEvents } from './event-stream.js';
import { mountHandoverPopups } from './handover-popups.js';
import { mountRoomsList } from './rooms-list.js';
import { mountSettingsPanel } from './settings-panel.js';
import { createStore } from './store.js';

/** @param {string} id */
function byId(id) {
  const element = document.getElementById(id);
  if (!element) throw new Error(`the page has no #${id}`);
  return element;
}

const store = createStore();

const composer = createComposer(store);
mountNewRoomForm(byId('new-room'), store, composer);
mountRoomsList(byId('rooms'), store);
mountConversation(byId('conversation'), store, composer);
mountDeliveryPanel(byId('deliveries'), store);
mountSettingsPanel(byId('settings'), store);
mountHandoverPopups(byId('handover-popups'), store);

const connection = byId('connection');
const labels = { connecting: 'connecting…', live: 'live', offline: 'offline: reconnecting…' };
const notice = byId('notice');
const recording = byId('recording');
store.subscribe((topic) => {
  if (topic === 'settings') {
    // Shown while the mock records (serve --record), loudly once recording has stopped.
    const status = store.state.settings?.recording;
    recording.hidden = !status;
    recording.dataset.state = status?.state ?? '';
    recording.textContent = !status
      ? ''
      : status.state === 'recording'
        ? `● recording to ${status.file}`
        : `recording stopped: ${status.error ?? 'closed'} (${status.file})`;
  }
  if (topic === 'connection') {
    connection.textContent = labels[store.state.connection];
    connection.dataset.state = store.state.connection;
  }
  if (topic === 'notice') {
    notice.hidden = store.state.notice === null;
    notice.replaceChildren(
      store.state.notice?.text ?? '',
      ' ',
      Object.assign(document.createElement('button'), {
        type: 'button',
        className: 'close',
        textContent: '×',
        title: 'Dismiss',
        onclick: () => store.clearNotice(),
      }),
    );
  }
});

const tabs = [
  ['tab-deliveries', 'deliveries'],
  ['tab-settings', 'settings'],
].map(([tab, panel]) => ({ tab: byId(tab ?? ''), panel: byId(panel ?? '') }));
/** @param {number} chosen */
const showTab = (chosen) => {
  tabs.forEach(({ tab, panel }, index) => {
    tab.setAttribute('aria-selected', String(index === chosen));
    tab.tabIndex = index === chosen ? 0 : -1;
    panel.hidden = index !== chosen;
  });
};
tabs.forEach(({ tab }, index) => {
  tab.addEventListener('click', () => showTab(index));
  // The arrow keys move between tabs, as in any tab list.
  tab.addEventListener('keydown', (event) => {
    const step = { ArrowRight: 1, ArrowLeft: -1 }[event.key];
    if (step === undefined) return;
    const next = (index + step + tabs.length) % tabs.length;
    showTab(next);
    tabs[next]?.tab.focus();
  });
});

// On a narrow screen the delivery log and settings open over the conversation.
const sideToggle = byId('side-toggle');
/** @param {boolean} open */
const openSide = (open) => {
  sideToggle.setAttribute('aria-expanded', String(open));
  document.body.classList.toggle('side-open', open);
};
sideToggle.addEventListener('click', () =>
  openSide(sideToggle.getAttribute('aria-expanded') !== 'true'),
);
document.addEventListener('keydown', (event) => {
  if (event.key === 'Escape' && document.body.classList.contains('side-open')) {
    openSide(false);
    sideToggle.focus();
  }
});

followEvents(store);
