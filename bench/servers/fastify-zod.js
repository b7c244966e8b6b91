// Reference point: fastify 5 with a zod 4 body schema and a serialised response, no logger —
// what the anchors call a well-built fastify mock, without any mock state.
import Fastify from 'fastify';
import { z } from 'zod';

const Body = z.strictObject({
  sender_email: z.email(),
  message: z.string().min(1).max(10_000),
  type: z.enum(['text', 'markdown']),
  room_id: z.string().min(1),
});
const Params = z.object({ appCode: z.string().min(1) });
const Reply = {
  type: 'object',
  properties: {
    ok: { type: 'boolean' },
    message_id: { type: 'string' },
    room_id: { type: 'string' },
  },
};

const app = Fastify({ logger: false });
app.setValidatorCompiler(({ schema }) => (data) => {
  const result = schema.safeParse(data);
  return result.success ? { value: result.data } : { error: result.error };
});

let sent = 0;
app.post(
  '/:appCode/bot',
  { schema: { params: Params, body: Body, response: { 200: Reply } } },
  async (request) => {
    sent += 1;
    return { ok: true, message_id: String(sent), room_id: request.body.room_id };
  },
);

const address = await app.listen({ port: 0, host: '127.0.0.1' });
console.log(`qiscus-mock listening on ${address}`);
