/**
 * The ways a client proves it may call an operation. Header names are case-insensitive in HTTP,
 * but `QISCUS_SDK_SECRET` (underscores, as Qiscus documents it) and a hyphenated spelling are
 * different names, and some proxies drop headers with underscores.
 */
export const authStyles = {
  sdkSecret: {
    headers: ['QISCUS_SDK_SECRET'],
    credential: 'the app’s secret key',
    description:
      'The header Qiscus’s documentation shows for the bot endpoint. Its name has underscores, which some proxies (nginx by default) drop.',
  },
  appIdAndSecretKey: {
    headers: ['Qiscus-App-Id', 'Qiscus-Secret-Key'],
    credential: 'the app code and the app’s secret key',
    description:
      'What Qiscus’s own integrations (the n8n node, qiscus-go) send: the app code and the secret key.',
  },
  authorization: {
    headers: ['Authorization'],
    credential: 'an admin token (no "Bearer " prefix)',
    description:
      'The raw admin token, as returned by POST /api/v1/auth in data.user.authentication_token. Older clients use it for the bot endpoint too.',
  },
  adminTokenAndAppId: {
    headers: ['Authorization', 'Qiscus-App-Id'],
    credential: 'an admin token and the app code',
    description:
      'What the dashboard and Qiscus’s n8n node send to the app settings endpoints: the admin token in Authorization and the app code in Qiscus-App-Id.',
  },
} as const;

/** One way of authenticating. */
export type AuthStyle = keyof typeof authStyles;

/** Which credential an `Authorization` header may carry for an operation. */
export type AuthorizationCredential = 'adminToken' | 'secretKey';

/** The credentials an operation accepts: any one of the listed styles is enough. */
export interface AuthRequirement {
  readonly styles: readonly AuthStyle[];
  /** What `Authorization` may hold when the `authorization` style is accepted. */
  readonly authorizationAccepts?: readonly AuthorizationCredential[];
}
