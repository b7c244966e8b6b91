import { closeSync, openSync, writeSync } from 'node:fs';
import type { Exchange, RecordingHeader, RecordingStatus } from '#contracts';
import { mockError } from '../errors.js';
import type { Scrubber } from './scrubber.js';

/**
 * Writes a recording: the header line, then one exchange a line. The lines of one event-loop
 * turn are written together with one synchronous write(2): at the end of the turn, or sooner,
 * when the mock is about to answer (`flush`, from the app's onSend hook), so that once a client
 * has its answer, its line is in the kernel and survives the mock being killed (not a power cut:
 * nothing is fsync'd). Under load many requests are answered in one turn (the ReplyBatch), and a
 * write per turn instead of per line spares a system call for each of them. A write that fails
 * (a full disk, a file closed under it) stops the recording and tells `onStop` once; the
 * exchanges go on being answered.
 */
export class RecordingWriter {
  private fd: number | null;
  private lines = 0;
  private error: string | null = null;
  private pending: string[] = [];

  private constructor(
    private readonly file: string,
    fd: number,
    private readonly scrubber: Scrubber | null,
    private readonly onStop: (status: RecordingStatus) => void,
  ) {
    this.fd = fd;
  }

  /**
   * Creates (or truncates) `file` and writes the header. Throws MOCK_ERR_CONFIG when the file
   * cannot be opened, naming it and why.
   */
  static open(
    file: string,
    header: RecordingHeader,
    options: {
      readonly scrubber: Scrubber | null;
      readonly onStop: (status: RecordingStatus) => void;
    },
  ): RecordingWriter {
    let fd: number;
    try {
      fd = openSync(file, 'w');
    } catch (cause) {
      const reason = cause instanceof Error ? cause.message : String(cause);
      throw mockError(
        'MOCK_ERR_CONFIG',
        `Cannot record to ${file}: ${reason}. Give --record a file in a folder that exists and can be written.`,
        { cause },
      );
    }
    const writer = new RecordingWriter(file, fd, options.scrubber, options.onStop);
    writer.pending.push(JSON.stringify(header));
    writer.flush();
    return writer;
  }

  /**
   * Queues one exchange (scrubbed when asked) for the write at the end of the turn, or before
   * the next answer; after a failure, does nothing.
   */
  write(exchange: Exchange): void {
    this.writeLine(JSON.stringify(this.scrubber ? this.scrubber.scrub(exchange) : exchange));
  }

  /** Queues one line, the JSON text of an exchange, as `write` does (not scrubbed). */
  readonly writeLine = (line: string): void => {
    if (this.fd === null) return;
    this.pending.push(line);
    if (this.pending.length === 1) setImmediate(this.flush);
  };

  /** Writes the queued lines now, with one write(2); cheap when none are queued. */
  readonly flush = (): void => {
    if (this.pending.length === 0) return;
    const lines = this.pending;
    this.pending = [];
    if (this.fd === null) return;
    const bytes = Buffer.from(`${lines.join('\n')}\n`, 'utf8');
    try {
      let written = 0;
      while (written < bytes.length) {
        written += writeSync(this.fd, bytes, written, bytes.length - written);
      }
      this.lines += lines.length;
    } catch (cause) {
      const code = cause instanceof Error && 'code' in cause ? String(cause.code) : '';
      const why =
        code === 'ENOSPC'
          ? 'the disk is full'
          : code === 'EBADF'
            ? 'the file was closed'
            : cause instanceof Error
              ? cause.message
              : String(cause);
      this.stop(`${why} (after ${this.lines} lines)`);
    }
  };

  private stop(error: string): void {
    const fd = this.fd;
    this.fd = null;
    this.error = error;
    if (fd !== null) {
      try {
        closeSync(fd);
      } catch {
        // Already closed: that may be why it stopped.
      }
    }
    this.onStop(this.status());
  }

  /** Where it writes, how many lines so far, and whether it stopped. */
  status(): RecordingStatus {
    this.flush();
    return {
      file: this.file,
      state: this.fd === null ? 'stopped' : 'recording',
      lines: this.lines,
      error: this.error,
    };
  }

  /** Closes the file; what was written stays. */
  close(): void {
    this.flush();
    if (this.fd === null) return;
    closeSync(this.fd);
    this.fd = null;
  }
}
