import { LineCounter, parseDocument } from 'yaml';
import { ChannelSourceSchema, z, type ChannelSource } from '#contracts';
import { describeIssue, formatProblemPath } from '../script/describe-issue.js';
import { locateNode } from '../script/locate-node.js';

/** Phrases that ask for a person, in English and Indonesian, when conform.yaml names none. */
export const defaultHandoverPhrases: readonly string[] = [
  'I want to talk to a human',
  'saya mau bicara dengan agen',
];

/** What makes a bot hand a room to a division (hand_over_to_role), when conform.yaml names nothing. */
export const defaultRoleHandoverPhrases: readonly string[] = ['I have a question about my invoice'];

/**
 * `conform.yaml`: what the bot does not claim to do, the phrases that ask it for a person, and
 * the channels it is deployed on. A check that does not apply is skipped with the reason.
 */
export const ConformConfigSchema = z.strictObject({
  /** The channels the bot is deployed on (default: every channel kind). */
  channels: z.array(ChannelSourceSchema).min(1).optional(),
  /** Whether the bot hands rooms over to people (default true). */
  handover: z.boolean().optional(),
  /** What a customer writes to ask for a person. */
  handover_phrases: z.array(z.string().min(1)).min(1).optional(),
  /** What a customer writes that the bot answers with a hand-over to a division (a role). */
  role_handover_phrases: z.array(z.string().min(1)).min(1).optional(),
  /** Check ids the bot does not claim; each is reported as skipped with this reason. */
  skip: z.record(z.string(), z.string().min(1)).optional(),
  /** Exit 1 below this score (0–100), besides a failed must-check. */
  min_score: z.number().min(0).max(100).optional(),
});
export type ConformConfigFile = z.infer<typeof ConformConfigSchema>;

/** The configuration a conformance run uses, defaults filled in. */
export interface ConformConfig {
  readonly channels: readonly ChannelSource[];
  readonly handover: boolean;
  readonly handoverPhrases: readonly string[];
  readonly roleHandoverPhrases: readonly string[];
  /** Check id → why it is skipped. */
  readonly skip: Readonly<Record<string, string>>;
  readonly minScore: number | null;
}

/** The defaults: every channel, handover claimed, the default phrases, nothing skipped. */
export function resolveConformConfig(file: ConformConfigFile = {}): ConformConfig {
  return {
    channels: file.channels ?? ChannelSourceSchema.options,
    handover: file.handover ?? true,
    handoverPhrases: file.handover_phrases ?? defaultHandoverPhrases,
    roleHandoverPhrases: file.role_handover_phrases ?? defaultRoleHandoverPhrases,
    skip: file.skip ?? {},
    minScore: file.min_score ?? null,
  };
}

/** conform.yaml read, or every problem in it as `file:line:column: …`. */
export type ConformConfigParse =
  | { readonly ok: true; readonly config: ConformConfigFile }
  | { readonly ok: false; readonly problems: readonly string[] };

function knownFields(path: readonly PropertyKey[]): readonly string[] {
  return path.length === 0 ? Object.keys(ConformConfigSchema.shape) : [];
}

/** Reads conform.yaml's text and checks it, naming each problem's line and column. */
export function parseConformConfig(file: string, text: string): ConformConfigParse {
  const lines = new LineCounter();
  const document = parseDocument(text, {
    lineCounter: lines,
    prettyErrors: true,
    uniqueKeys: true,
  });
  if (document.errors.length > 0) {
    return {
      ok: false,
      problems: document.errors.map((error) => {
        const [position] = error.linePos ?? [];
        const reason = error.message.split('\n')[0] ?? '';
        return `${file}:${position?.line ?? 1}:${position?.col ?? 1}: is not valid YAML: ${reason}`;
      }),
    };
  }
  const value: unknown = document.toJS() ?? {};
  const result = ConformConfigSchema.safeParse(value);
  if (result.success) return { ok: true, config: result.data };
  return {
    ok: false,
    problems: result.error.issues
      .flatMap((issue) => describeIssue(issue, value, knownFields))
      .map((problem) => ({
        where: locateNode(document, lines, problem.path, problem.atKey),
        path: formatProblemPath(problem.path),
        message: problem.message,
      }))
      .sort((a, b) => a.where.line - b.where.line || a.where.column - b.where.column)
      .map(
        ({ where, path, message }) =>
          `${file}:${where.line}:${where.column}: ${path === '' ? 'the file' : path} ${message}`,
      ),
  };
}
