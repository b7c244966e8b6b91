import { AppCodeSchema, TimestampSchema } from '../ids.js';
import { z } from '../zod.js';

/** The `format` of a recording's first line: what says a file is a qiscus-mock recording. */
export const recordingFormat = 'qiscus-mock-recording';

/** The version of the line format this qiscus-mock writes and reads. */
export const recordingVersion = 1;

/**
 * The first line of a recording (JSONL): what the file is, which version of the format, and the
 * app it was recorded from. Every other line is one exchange (`ExchangeSchema`), in order.
 */
export const RecordingHeaderSchema = z
  .strictObject({
    format: z.literal(recordingFormat),
    version: z.literal(recordingVersion),
    created_at: TimestampSchema.describe('When recording started.'),
    app_code: AppCodeSchema,
    bot_email: z.string().describe("The bot's sender address; scrubbing leaves it as it is."),
    scrubbed: z
      .boolean()
      .describe('Names, phone numbers, e-mails and attachment URLs were replaced (--scrub).'),
    upstream: z
      .string()
      .nullable()
      .describe('The real Qiscus base URL the bot calls were forwarded to (serve --upstream).'),
  })
  .openapi('RecordingHeader', {
    example: {
      format: recordingFormat,
      version: recordingVersion,
      created_at: '2026-12-06T04:00:00Z',
      app_code: 'qiscus-mock-app',
      bot_email: 'qiscus-mock-app_admin@qismo.com',
      scrubbed: false,
      upstream: null,
    },
  });
export type RecordingHeader = z.infer<typeof RecordingHeaderSchema>;

/** Whether a recording is still being written, and if it stopped, why. */
export const RecordingStatusSchema = z
  .strictObject({
    file: z.string().describe('Where the recording goes, as given.'),
    state: z.enum(['recording', 'stopped']),
    lines: z.number().int().nonnegative().describe('Lines written, the header included.'),
    error: z
      .string()
      .nullable()
      .describe('Why recording stopped before the mock did (a full disk, a closed file …).'),
  })
  .openapi('RecordingStatus', {
    example: { file: 'conversations.jsonl', state: 'recording', lines: 12, error: null },
  });
export type RecordingStatus = z.infer<typeof RecordingStatusSchema>;
