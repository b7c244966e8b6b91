/** The most of a bot's output kept: its last 64 KiB. */
export const outputTailLimit = 64 * 1024;

/** Keeps the end of a stream of text, bounded: older text is let go as new text comes. */
export class OutputTail {
  private text = '';
  private dropped = false;

  constructor(private readonly limit = outputTailLimit) {}

  append(chunk: string): void {
    this.text += chunk;
    if (this.text.length > this.limit) {
      this.text = this.text.slice(this.text.length - this.limit);
      this.dropped = true;
    }
  }

  /** Everything kept, marked when the beginning was let go. */
  toString(): string {
    return this.dropped ? `[… earlier output left out]\n${this.text}` : this.text;
  }

  /** The last `lines` lines, for an error message. */
  lastLines(lines: number): string {
    const all = this.text.trimEnd().split('\n');
    return all.slice(-lines).join('\n');
  }
}
