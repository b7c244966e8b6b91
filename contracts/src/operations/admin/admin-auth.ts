import type { AuthRequirement } from '../../auth.js';
import type { FidelityNote } from '../../define-operation.js';

/**
 * The admin API's credentials: Qiscus-App-Id with Qiscus-Secret-Key (Qiscus's own clients), or
 * an admin token in Authorization (third-party bots, usually with Qiscus-App-Id).
 */
export const adminApiAuth: AuthRequirement = {
  styles: ['appIdAndSecretKey', 'authorization'],
};

/** Where the admin API's credentials come from. */
export const adminAuthFidelity: FidelityNote = {
  source: 'CODE-Q',
  fact: 'Qiscus-App-Id with Qiscus-Secret-Key as Qiscus’s n8n node and Go client send them; Authorization with an admin token as third-party bots send it.',
};

/** The body of an admin answer that no public source shows. */
export const inferredEnvelope: FidelityNote = {
  source: 'INFERRED',
  fact: 'The answer follows Qiscus’s admin envelope {"data": …}; no public caller shows its body.',
};
