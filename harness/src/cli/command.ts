/** Where a command writes: the CLI passes the process's streams, tests pass buffers. */
export interface CommandOutput {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Aborted when the user asks a long-running command (serve) to stop: Ctrl-C in the CLI. */
  readonly stop?: AbortSignal;
  /** Whether each stream takes ANSI colours: a terminal, with NO_COLOR unset. Absent: neither. */
  readonly colors?: { readonly stdout: boolean; readonly stderr: boolean };
  /** The environment, for credentials that are better not given as flags. */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/** One subcommand of `qiscus-mock`; its one-line summary is in the command table. */
export interface Command {
  readonly name: string;
  /** The full `--help` text. */
  readonly help: string;
  /** Runs with the arguments after the command name; resolves to the exit code. */
  readonly run: (args: readonly string[], output: CommandOutput) => Promise<number>;
}
