// A TypeScript user's code, type-checked under `strict` against the package's declarations.
import {
  createMockServer,
  runConversations,
  type MockServer,
  type MockServerOptions,
  type RunResult,
} from 'qiscus-mock';
import {
  checkContract,
  postBotMessage,
  RoomIdSchema,
  TextMessageSchema,
  type BotMessage,
  type BotMessageWebhook,
} from 'qiscus-mock/contracts';

const options: MockServerOptions = { deterministic: true };
const mock: MockServer = await createMockServer(options);

const reply: BotMessage = {
  sender_email: mock.botEmail,
  message: 'Hello',
  type: 'text',
  room_id: RoomIdSchema.parse('1'),
};
const check = checkContract(TextMessageSchema, reply);
const path: string = postBotMessage.path;

function greet(webhook: BotMessageWebhook): string {
  return `Hi ${webhook.payload.from.name}`;
}

const result: RunResult = await runConversations({ paths: ['conversations'], cwd: process.cwd() });
const passed: number = result.summary.passed;
console.log(check.ok, path, typeof greet, passed);
await mock.close();
