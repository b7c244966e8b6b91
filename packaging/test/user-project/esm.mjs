// Imports the package from an ES module, as a user's code does.
import { createMockServer, HarnessError, runConversations } from 'qiscus-mock';
import {
  checkContract,
  messageExamples,
  operations,
  TextMessageSchema,
} from 'qiscus-mock/contracts';

const mock = await createMockServer();
const check = checkContract(TextMessageSchema, messageExamples.text);
console.log(
  JSON.stringify({
    listening: mock.url.startsWith('http://127.0.0.1:'),
    operations: operations.length,
    checked: check.ok,
    classes: typeof HarnessError,
    run: typeof runConversations,
  }),
);
await mock.close();
