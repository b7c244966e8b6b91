import { api } from './api.js';
import { h } from './dom.js';

/**
 * The room header's "Save as script": downloads the room's conversation as a conversation
 * script (`GET /_mock/rooms/{room_id}/script`, the YAML `qiscus-mock script` writes), ready for
 * `qiscus-mock test`. A conversation clicked through here becomes a regression test in one step.
 *
 * @param {string} roomId
 * @param {import('./store.js').Store} store
 */
export function saveScriptButton(roomId, store) {
  return h(
    'button',
    {
      type: 'button',
      'data-testid': 'save-script',
      title: 'Download this conversation as a script that qiscus-mock test runs',
      onclick: () => void save(roomId, store),
    },
    'Save as script',
  );
}

/**
 * @param {string} roomId
 * @param {import('./store.js').Store} store
 */
async function save(roomId, store) {
  const answer =
    /** @type {{ file_name: string, script: string, complete: boolean } | undefined} */ (
      await store.act(api.roomScript(roomId))
    );
  if (!answer) return;
  const url = URL.createObjectURL(new Blob([answer.script], { type: 'application/yaml' }));
  const link = h('a', { href: url, download: answer.file_name, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  // The download has its own copy by now; the blob need not stay for the page's lifetime.
  setTimeout(() => URL.revokeObjectURL(url), 0);
  if (!answer.complete) {
    store.tell(
      'The traffic log no longer holds the start of this room: the script begins later than the conversation did.',
    );
  }
}
