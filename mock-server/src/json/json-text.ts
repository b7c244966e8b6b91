/** The media type of the mock's JSON answers. */
export const jsonContentType = 'application/json; charset=utf-8';

/**
 * A value already written out as JSON text, which a handler may return instead of the value: it
 * is sent as it is, with the JSON media type, rather than serialised again.
 */
export class JsonText {
  constructor(readonly text: string) {}
}
