import { MalformedBodyError } from './malformed-body-error.js';

/**
 * Reads a multipart/form-data body into its text fields, with the parser Node already has (the
 * WHATWG `Response.formData()`), so no dependency is added. Files are refused: no operation of
 * the Qiscus surface takes one.
 */
export async function parseMultipart(
  body: Buffer,
  contentType: string,
): Promise<Record<string, string>> {
  let form: FormData;
  try {
    // Deprecated for servers because it buffers the whole body; here the body is already
    // buffered and capped at the body limit (1 MiB), so it costs nothing more.
    // eslint-disable-next-line @typescript-eslint/no-deprecated
    form = await new Response(body, { headers: { 'content-type': contentType } }).formData();
  } catch (cause) {
    // Undici's own message ends with a full stop ("Failed to parse body as FormData.").
    const why = (cause instanceof Error ? cause.message : String(cause)).replace(/\.+$/, '');
    throw new MalformedBodyError(
      `The multipart body cannot be read: ${why}. Check the boundary in Content-Type.`,
    );
  }
  const fields: Record<string, string> = {};
  for (const [key, value] of form) {
    if (key === '__proto__') throw new MalformedBodyError('The form has a "__proto__" field.');
    if (typeof value !== 'string') {
      throw new MalformedBodyError(`The form field "${key}" is a file; send it as text.`);
    }
    if (Object.hasOwn(fields, key)) {
      throw new MalformedBodyError(`The form gives "${key}" twice; give each field once.`);
    }
    fields[key] = value;
  }
  return fields;
}
