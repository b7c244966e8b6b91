/** A body that cannot be read as its content type; answered as MALFORMED_BODY. */
export class MalformedBodyError extends Error {
  override readonly name = 'MalformedBodyError';
}
