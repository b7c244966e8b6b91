// Requires the package from a CommonJS module (Node 20.19+ loads ES modules with require()).
const { createMockServer, startReferenceBot } = require('qiscus-mock');
const { BotMessageSchema, checkContract } = require('qiscus-mock/contracts');

createMockServer().then(async (mock) => {
  const check = checkContract(BotMessageSchema, { type: 'text' });
  console.log(
    JSON.stringify({
      listening: mock.url.startsWith('http://127.0.0.1:'),
      refused: !check.ok,
      bot: typeof startReferenceBot,
    }),
  );
  await mock.close();
});
