import { AppSchema, appExample } from '../app-bot-settings.js';
import { defineOperation } from '../../define-operation.js';
import { bodyErrorCodes } from '../../error-codes.js';
import { NumericIdSchema } from '../../ids.js';
import { z } from '../../zod.js';
import { jsonAndFormBody } from './form-content.js';

/** The body of `POST /api/v1/auth`. */
export const LogInRequestSchema = z
  .strictObject({
    email: z.string().min(1).describe('The admin’s e-mail address.'),
    password: z.string().min(1),
  })
  .openapi('LogInRequest', { example: { email: 'admin@example.com', password: 'mock-password' } });

const loginExample = {
  data: {
    user: {
      id: 1,
      name: 'Qiscus Mock Admin',
      email: 'admin@example.com',
      type: 1,
      type_as_string: 'admin',
      authentication_token: 'mock-admin-token',
      app: { ...appExample, bot_webhook_url: null },
    },
    details: { is_integrated: true },
    long_lived_token: 'mock-admin-token',
  },
};

/** What `POST /api/v1/auth` answers: the admin, the admin token and the app. */
export const LogInResponseSchema = z
  .strictObject({
    data: z.strictObject({
      user: z.strictObject({
        id: NumericIdSchema,
        name: z.string(),
        email: z.string(),
        type: z.number().int(),
        type_as_string: z.literal('admin'),
        authentication_token: z
          .string()
          .describe('The admin token: send it as Authorization to the admin endpoints.'),
        app: AppSchema,
      }),
      details: z.strictObject({ is_integrated: z.boolean() }),
      long_lived_token: z.string(),
    }),
  })
  .openapi('LogInResponse', { example: loginExample });

/** `POST /api/v1/auth`: log in as the app's admin and get the admin token. */
export const logIn = defineOperation({
  id: 'logIn',
  method: 'post',
  path: '/api/v1/auth',
  summary: 'Log in: get the admin token',
  description:
    'With the admin’s e-mail and password (the mock’s are printed at start-up), answers the admin token the admin endpoints accept in Authorization, and the app. The app’s secret key is redacted: the mock never echoes it.',
  tags: ['Admin: account'],
  auth: { styles: [] },
  request: {
    body: jsonAndFormBody('JSON, form-encoded or multipart.', LogInRequestSchema, {
      login: {
        summary: 'The mock’s admin',
        value: { email: 'admin@example.com', password: 'mock-password' },
      },
    }),
  },
  responses: {
    200: {
      description: 'The admin, the token and the app.',
      schema: LogInResponseSchema,
      examples: { loggedIn: { summary: 'Logged in', value: loginExample } },
    },
  },
  errors: ['UNAUTHORIZED', ...bodyErrorCodes],
  fidelity: [
    {
      source: 'DOC',
      fact: 'Path, email and password, and data.user.authentication_token as the admin token.',
    },
    {
      source: 'CODE-Q',
      fact: 'Sent as multipart/form-data by Qiscus’s n8n node (and one Go client).',
    },
    {
      source: 'INFERRED',
      fact: 'The user’s fields besides authentication_token and app, and details.',
    },
  ],
});
