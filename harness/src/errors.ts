/** The codes of the harness's own errors, each with what it means (the README lists them). */
export const harnessErrorCodes = {
  HARNESS_ERR_USAGE: 'The command line was wrong: an unknown command or flag, or a bad value.',
  HARNESS_ERR_OUTPUT: 'An output file could not be written.',
  HARNESS_ERR_SCRIPT:
    'One or more conversation scripts are invalid or cannot be read; every problem is listed as file:line:column.',
  HARNESS_ERR_BOT:
    'The bot under test could not be started or never answered; the message shows the tail of its output.',
  HARNESS_ERR_RECORDING:
    'A recording cannot be read: another format, a newer version, or a corrupt line, named as file:line.',
} as const;

/** A code of the harness's own errors. */
export type HarnessErrorCode = keyof typeof harnessErrorCodes;

/** An error of the harness and its CLI, with a stable code to branch on. */
export class HarnessError extends Error {
  override readonly name = 'HarnessError';

  constructor(
    readonly code: HarnessErrorCode,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** The command line was wrong: an unknown command or flag, or a bad value. Exit code 2. */
export function usageError(message: string, options?: ErrorOptions): HarnessError {
  return new HarnessError('HARNESS_ERR_USAGE', message, options);
}

/** An output file could not be written. Exit code 2. */
export function outputError(message: string, options?: ErrorOptions): HarnessError {
  return new HarnessError('HARNESS_ERR_OUTPUT', message, options);
}

/** One or more scripts are invalid or cannot be read; the message lists every problem. Exit code 2. */
export function scriptError(message: string, options?: ErrorOptions): HarnessError {
  return new HarnessError('HARNESS_ERR_SCRIPT', message, options);
}

/** The bot under test could not be started or never answered. Exit code 2. */
export function botError(message: string, options?: ErrorOptions): HarnessError {
  return new HarnessError('HARNESS_ERR_BOT', message, options);
}

/** A recording cannot be read; the message names the file and line. Exit code 2. */
export function recordingError(message: string, options?: ErrorOptions): HarnessError {
  return new HarnessError('HARNESS_ERR_RECORDING', message, options);
}
