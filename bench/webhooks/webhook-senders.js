// What the webhook bench loads, each started fresh on the server core with the receiver's URL:
// the mock written to through its control API, the mock driven in process, and the bare
// undici Pool loop posting the mock's own webhook body.
import { fileURLToPath } from 'node:url';
import { mockArgs, mockFromSources } from '../targets.js';

const serverFile = (name) => fileURLToPath(new URL(`../servers/${name}`, import.meta.url));
const sendingLine = /sending webhooks to (https?:\/\/[^\s/]+)/;
export const webhookPath = '/webhook';

export const webhookSenders = {
  'bare-pool': {
    name: 'bare-pool',
    description: 'a bare undici Pool loop posting the same webhook body (the practical limit)',
    copiesMockBody: true,
    args: ({ receiverUrl, connections, template }) => [
      serverFile('bare-pool-sender.js'),
      JSON.stringify({ receiverUrl, path: webhookPath, connections, ...template }),
    ],
    readyUrl: (line) => sendingLine.exec(line)?.[1],
  },
  'bare-control': {
    name: 'bare-control',
    description:
      'bare node:http taking the same control API request and posting the same webhook body ' +
      'through an undici Pool before it answers (what the control API path costs bare; not judged)',
    customers: true,
    copiesMockBody: true,
    args: ({ receiverUrl, connections, template }) => [
      serverFile('bare-control-api.js'),
      JSON.stringify({ receiverUrl, path: webhookPath, connections, ...template }),
    ],
  },
  mock: {
    name: 'mock',
    description: 'qiscus-mock serve; customers write with POST /_mock/messages?wait=true',
    judged: true,
    customers: true,
    args: ({ receiverUrl }) => [...mockArgs(), '--bot-url', `${receiverUrl}${webhookPath}`],
  },
  'mock-in-process': {
    name: 'mock-in-process',
    description:
      "createMockServer; customers write with the handle's customer.say(…, { wait: true })",
    judged: true,
    args: ({ receiverUrl, connections }) => [
      serverFile('mock-in-process.js'),
      JSON.stringify({
        receiverUrl,
        path: webhookPath,
        connections,
        fromSources: mockFromSources(),
      }),
    ],
    readyUrl: (line) => sendingLine.exec(line)?.[1],
  },
};

export const webhookBaseline = 'bare-pool';
// In this order in the first round, a mock has sent the webhook body the bare senders copy
// before they run.
export const webhookSenderNames = ['mock', 'mock-in-process', 'bare-pool', 'bare-control'];
