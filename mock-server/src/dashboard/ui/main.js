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

mountNewRoomForm(byId('new-room'), store);
mountRoomsList(byId('rooms'), store);
mountConversation(byId('conversation'), store, createComposer(store));
mountDeliveryPanel(byId('deliveries'), store);
mountSettingsPanel(byId('settings'), store);
mountHandoverPopups(byId('handover-popups'), store);

const connection = byId('connection');
const labels = { connecting: 'connecting…', live: 'live', offline: 'offline: reconnecting…' };
const notice = byId('notice');
store.subscribe((topic) => {
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

for (const [tabId, panelId] of [
  ['tab-deliveries', 'deliveries'],
  ['tab-settings', 'settings'],
]) {
  byId(tabId).addEventListener('click', () => {
    for (const [otherTab, otherPanel] of [
      ['tab-deliveries', 'deliveries'],
      ['tab-settings', 'settings'],
    ]) {
      byId(otherTab).setAttribute('aria-selected', String(otherTab === tabId));
      byId(otherPanel).hidden = otherPanel !== panelId;
    }
  });
}

followEvents(store);
