/**
 * The mock's own control API (`/_mock`), as the inbox calls it: same origin, no credentials.
 * A refusal rejects with an `ApiError` carrying the problem's code and detail.
 */

/** A refused control call: the mock's problem+json, or what went wrong on the way. */
export class ApiError extends Error {
  /**
   * @param {string} code e.g. MOCK_ERR_NO_AGENT
   * @param {string} message the mock's own explanation
   * @param {number} status
   * @param {ErrorOptions} [options]
   */
  constructor(code, message, status, options) {
    super(message, options);
    this.name = 'ApiError';
    this.code = code;
    this.status = status;
  }
}

/** The admin token, given as `#token=…` when the mock listens beyond loopback. */
export const adminToken = new URLSearchParams(location.hash.slice(1)).get('token');

/**
 * @param {string} method
 * @param {string} path
 * @param {unknown} [body]
 * @returns {Promise<any>}
 */
async function call(method, path, body) {
  /** @type {Response} */
  let response;
  try {
    response = await fetch(path, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(adminToken === null ? {} : { authorization: `Bearer ${adminToken}` }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch (cause) {
    throw new ApiError('NETWORK', `The mock did not answer ${method} ${path}: is it running?`, 0, {
      cause,
    });
  }
  const text = await response.text();
  /** @type {any} */
  let json;
  try {
    json = text === '' ? null : JSON.parse(text);
  } catch {
    json = null;
  }
  if (response.ok) return json;
  const code = typeof json?.code === 'string' ? json.code : `HTTP_${response.status}`;
  const detail = typeof json?.detail === 'string' ? json.detail : text.slice(0, 200);
  throw new ApiError(code, detail, response.status);
}

const room = (/** @type {string} */ id) => `/_mock/rooms/${encodeURIComponent(id)}`;

export const api = {
  /** @param {Record<string, unknown>} message what `POST /_mock/messages` takes */
  customerSays: (message) => call('POST', '/_mock/messages', message),
  /** @param {string} roomId */
  getRoom: (roomId) => call('GET', room(roomId)),
  /** @param {string} roomId the room as a conversation script (YAML) and a file name for it */
  roomScript: (roomId) => call('GET', `${room(roomId)}/script`),
  /** @param {string} roomId its exchanges both ways, to place its refused bot requests */
  roomTraffic: (roomId) => call('GET', `/_mock/traffic?room_id=${encodeURIComponent(roomId)}`),
  /**
   * @param {string} roomId
   * @param {string} text
   * @param {number} [agentId]
   */
  agentSays: (roomId, text, agentId) =>
    call('POST', `${room(roomId)}/agent-messages`, {
      text,
      ...(agentId === undefined ? {} : { agent_id: agentId }),
    }),
  /**
   * @param {string} roomId
   * @param {number} [agentId]
   */
  acceptHandover: (roomId, agentId) =>
    call(
      'POST',
      `${room(roomId)}/handover/accept`,
      agentId === undefined ? {} : { agent_id: agentId },
    ),
  /** @param {string} roomId */
  declineHandover: (roomId) => call('POST', `${room(roomId)}/handover/decline`),
  /** @param {string} roomId */
  resolve: (roomId) => call('POST', `${room(roomId)}/resolve`),
  /**
   * @param {string} roomId
   * @param {boolean} active
   */
  setRoomBot: (roomId, active) => call('POST', `${room(roomId)}/bot`, { is_active: active }),
  /** @param {string} [roomId] only this room's */
  deliveries: (roomId) =>
    call(
      'GET',
      roomId === undefined
        ? '/_mock/deliveries'
        : `/_mock/deliveries?room_id=${encodeURIComponent(roomId)}`,
    ),
  /** @param {string} deliveryId */
  redeliver: (deliveryId) =>
    call('POST', `/_mock/deliveries/${encodeURIComponent(deliveryId)}/redeliver`),
  /** @param {Record<string, unknown>} patch */
  configure: (patch) => call('PATCH', '/_mock/config', patch),
};
