import { createReadStream } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import {
  ExchangeSchema,
  RecordingHeaderSchema,
  checkContract,
  recordingFormat,
  recordingVersion,
  type Exchange,
  type RecordingHeader,
} from '#contracts';
import { recordingError } from '../errors.js';

/** One line of a recording, read: the header, or an exchange, with its line number. */
export type RecordingLine =
  | { readonly kind: 'header'; readonly line: 1; readonly header: RecordingHeader }
  | { readonly kind: 'exchange'; readonly line: number; readonly exchange: Exchange };

/** What reading a recording may find worth saying without stopping: a torn last line. */
export interface ReadRecordingOptions {
  readonly onWarning?: (message: string) => void;
  /** Exchanges are checked against the line schema (default); off, they are only parsed as JSON. */
  readonly check?: boolean;
}

/** The lines of a file, as a stream: each with its number, and whether it ended with a newline. */
async function* linesOf(file: string): AsyncGenerator<{ text: string; n: number; ended: boolean }> {
  const decoder = new StringDecoder('utf8');
  let rest = '';
  let n = 0;
  let stream;
  try {
    stream = createReadStream(file, { highWaterMark: 256 * 1024 });
    for await (const chunk of stream) {
      const text = rest + decoder.write(chunk as Buffer);
      const parts = text.split('\n');
      rest = parts.pop() ?? '';
      for (const part of parts) {
        n += 1;
        yield { text: part.endsWith('\r') ? part.slice(0, -1) : part, n, ended: true };
      }
    }
  } catch (cause) {
    const reason =
      cause instanceof Error && 'code' in cause && cause.code === 'ENOENT'
        ? 'no such file'
        : cause instanceof Error
          ? cause.message
          : String(cause);
    throw recordingError(`${file}: cannot read the recording: ${reason}.`, { cause });
  }
  rest += decoder.end();
  if (rest !== '') yield { text: rest, n: n + 1, ended: false };
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false; message: string } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

function checkHeader(file: string, value: unknown): RecordingHeader {
  const fields =
    typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  if (fields.format !== recordingFormat) {
    const found =
      fields.format === undefined
        ? 'has no "format" field'
        : `has format ${JSON.stringify(fields.format)}`;
    throw recordingError(
      `${file}:1: not a qiscus-mock recording: its first line ${found}, not "${recordingFormat}". Record one with \`qiscus-mock serve --record FILE\`.`,
    );
  }
  if (typeof fields.version === 'number' && fields.version > recordingVersion) {
    throw recordingError(
      `${file}:1: recording format version ${fields.version} is newer than this qiscus-mock reads (version ${recordingVersion}); upgrade qiscus-mock to read it.`,
    );
  }
  const check = checkContract(RecordingHeaderSchema, value);
  if (!check.ok) {
    const problem = check.problems[0];
    throw recordingError(
      `${file}:1: the header is not valid: ${problem?.path ? `${problem.path}: ` : ''}${problem?.message ?? 'unknown problem'}.`,
    );
  }
  return check.value;
}

/**
 * Reads a recording as a stream, line by line (a big one is never held whole): the header, then
 * each exchange. Throws HARNESS_ERR_RECORDING with `file:line: what is wrong` for a file of
 * another format or a newer version, or a corrupt line; a torn last line (the writer was killed
 * while writing it) is reported through `onWarning` and skipped.
 */
export async function* readRecording(
  file: string,
  options: ReadRecordingOptions = {},
): AsyncGenerator<RecordingLine> {
  let sawHeader = false;
  for await (const { text, n, ended } of linesOf(file)) {
    const parsed = parseJson(text);
    if (!sawHeader) {
      if (!parsed.ok) {
        throw recordingError(
          `${file}:1: not a qiscus-mock recording: the first line is not JSON (${parsed.message}).`,
        );
      }
      sawHeader = true;
      yield { kind: 'header', line: 1, header: checkHeader(file, parsed.value) };
      continue;
    }
    if (!parsed.ok) {
      if (!ended) {
        options.onWarning?.(
          `${file}:${n}: the last line is cut short (the recorder was stopped while writing it); skipped.`,
        );
        return;
      }
      const what = text.trim() === '' ? 'an empty line' : `not JSON (${parsed.message})`;
      throw recordingError(`${file}:${n}: ${what}; every line after the header is one exchange.`);
    }
    if (options.check === false) {
      yield { kind: 'exchange', line: n, exchange: parsed.value as Exchange };
      continue;
    }
    const check = checkContract(ExchangeSchema, parsed.value);
    if (!check.ok) {
      const problems = check.problems
        .slice(0, 3)
        .map((problem) => `${problem.path || '(line)'}: ${problem.message}`);
      throw recordingError(`${file}:${n}: not an exchange: ${problems.join('; ')}.`);
    }
    yield { kind: 'exchange', line: n, exchange: check.value };
  }
  if (!sawHeader) {
    throw recordingError(`${file}: the recording is empty (not even its header line).`);
  }
}
