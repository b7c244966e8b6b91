// Imports the package from an ES module, as a user's code does.
import { createMockServer, HarnessError, runConversations } from 'qiscus-mock';
import {
  checkContract,
  messageExamples,
  operations,
  TextMessageSchema,
} from 'qiscus-mock/contracts';

const mock = await createMockServer();
// Only the two entry points can be imported: the rest of the package stays internal.
const internal = await import('qiscus-mock/dist/harness/src/index.js').then(
  () => 'imported',
  (error) => error.code,
);
const check = checkContract(TextMessageSchema, messageExamples.text);
console.log(
  JSON.stringify({
    listening: mock.url.startsWith('http://127.0.0.1:'),
    operations: operations.length,
    checked: check.ok,
    classes: typeof HarnessError,
    run: typeof runConversations,
    internal,
  }),
);
await mock.close();
