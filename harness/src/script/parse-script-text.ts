import { LineCounter, parseDocument, type Document } from 'yaml';
import { describeIssue, formatProblemPath } from './describe-issue.js';
import { findJsonSyntaxError } from './find-json-syntax-error.js';
import { locateNode, type Position } from './locate-node.js';
import {
  knownFieldsAt,
  ScriptSchema,
  type LoadedScript,
  type LoadedStep,
} from './script-schema.js';
import { summarizeStep } from './summarize-step.js';

/** A script read from its text, or every problem found in it (`file:line:column: …`). */
export type ScriptParse =
  | { readonly ok: true; readonly script: LoadedScript }
  | { readonly ok: false; readonly problems: readonly string[] };

const summaryLimit = 120;

function at(file: string, position: Position, message: string): string {
  return `${file}:${position.line}:${position.column}: ${message}`;
}

/**
 * The value of the text, through the yaml parser (which also gives positions): JSON is YAML, so a
 * `.json` script reads the same way, once it is checked to be JSON (YAML would take a trailing
 * comma). A JSON text the yaml parser refuses is read by JSON.parse.
 */
function readValue(
  file: string,
  text: string,
  json: boolean,
  document: Document,
  lines: LineCounter,
): { ok: true; value: unknown } | { ok: false; problems: string[] } {
  const jsonError = json ? findJsonSyntaxError(text) : null;
  if (jsonError !== null) {
    const { line, col } = lines.linePos(jsonError.offset);
    return {
      ok: false,
      problems: [at(file, { line, column: col }, `is not valid JSON: ${jsonError.message}`)],
    };
  }
  if (document.errors.length === 0) {
    return { ok: true, value: document.toJS({ maxAliasCount: 100 }) as unknown };
  }
  if (json) {
    try {
      return { ok: true, value: JSON.parse(text) as unknown };
    } catch {
      // The yaml parser's errors below say where.
    }
  }
  return {
    ok: false,
    problems: document.errors.map((error) => {
      const [position] = error.linePos ?? [];
      const where = position
        ? { line: position.line, column: position.col }
        : { line: 1, column: 1 };
      if (error.code === 'MULTIPLE_DOCS') {
        return at(
          file,
          where,
          'starts a second document (---): a file holds one script; put each in a file of its own',
        );
      }
      const reason = (error.message.split('\n')[0] ?? '').replace(
        / at line \d+, column \d+:?$/,
        '',
      );
      return at(file, where, `is not valid ${json ? 'JSON' : 'YAML'}: ${reason}`);
    }),
  };
}

/** The file's name without folders or extension: the default name of its script. */
function baseName(file: string): string {
  const name = file.split('/').at(-1) ?? file;
  return name.replace(/\.(ya?ml|json)$/i, '');
}

/**
 * Reads a script from its text (YAML, or JSON when `json`) and checks it, reporting every problem
 * with `file:line:column`, what is wrong and what was expected.
 */
export function parseScriptText(file: string, text: string, json: boolean): ScriptParse {
  const lines = new LineCounter();
  const document = parseDocument(text, {
    lineCounter: lines,
    prettyErrors: true,
    uniqueKeys: true,
  });
  const read = readValue(file, text, json, document, lines);
  if (!read.ok) return read;
  if (read.value === null || read.value === undefined) {
    return {
      ok: false,
      problems: [
        at(
          file,
          { line: 1, column: 1 },
          'is empty: a script is a mapping with name, channel, customer and steps',
        ),
      ],
    };
  }
  const result = ScriptSchema.safeParse(read.value);
  if (!result.success) {
    const found = result.error.issues
      .flatMap((issue) => describeIssue(issue, read.value, knownFieldsAt))
      .map((problem) => {
        const position = locateNode(document, lines, problem.path, problem.atKey);
        const path = formatProblemPath(problem.path);
        return { position, text: `${path === '' ? 'the script' : path} ${problem.message}` };
      })
      .sort((a, b) => a.position.line - b.position.line || a.position.column - b.position.column);
    return {
      ok: false,
      problems: found.map((problem) => at(file, problem.position, problem.text)),
    };
  }
  const { steps, name, timeout, ...rest } = result.data;
  const loaded: LoadedStep[] = steps.map((step, index) => {
    const position = locateNode(document, lines, ['steps', index]);
    const written = summarizeStep(document, text, ['steps', index]);
    // Cut by code point, so an emoji at the cut is not split into half a character.
    const characters = Array.from(written);
    const summary =
      characters.length > summaryLimit
        ? `${characters.slice(0, summaryLimit - 1).join('')}…`
        : written;
    return { ...step, index, line: position.line, column: position.column, summary };
  });
  return {
    ok: true,
    script: {
      ...rest,
      file,
      name: name ?? baseName(file),
      timeoutMs: timeout ?? null,
      steps: loaded,
    },
  };
}
