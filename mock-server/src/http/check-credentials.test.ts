import { describe, expect, it } from 'vitest';
import { QiscusApiError } from '../errors.js';
import { CredentialCheck } from './check-credentials.js';

const check = new CredentialCheck({ appCode: 'app', secretKey: 'secret', adminToken: 'admin' });

describe('CredentialCheck', () => {
  it('names the secret key alone where Authorization takes only the secret key', () => {
    const requirement = { styles: ['authorization'], authorizationAccepts: ['secretKey'] } as const;

    expect(() => {
      check.check({ authorization: 'secret' }, requirement);
    }).not.toThrow();
    let refusal: unknown;
    try {
      check.check({ authorization: 'admin' }, requirement);
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(QiscusApiError);
    expect((refusal as QiscusApiError).message).toBe(
      'Wrong credentials: Authorization does not hold the secret key.',
    );
  });
});
