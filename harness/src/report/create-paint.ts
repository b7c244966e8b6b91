/** Wraps text in a terminal colour, or leaves it as it is when colour is off. */
export interface Paint {
  readonly green: (text: string) => string;
  readonly red: (text: string) => string;
  readonly yellow: (text: string) => string;
  readonly bold: (text: string) => string;
  readonly dim: (text: string) => string;
}

const plain = (text: string) => text;

function ansi(open: number, close: number): (text: string) => string {
  return (text) => `\u001b[${open}m${text}\u001b[${close}m`;
}

/**
 * The colours of the reports. The CLI says whether its stream takes colour (a terminal, and
 * NO_COLOR unset); the formatters stay pure.
 */
export function createPaint(color: boolean): Paint {
  if (!color) return { green: plain, red: plain, yellow: plain, bold: plain, dim: plain };
  return {
    green: ansi(32, 39),
    red: ansi(31, 39),
    yellow: ansi(33, 39),
    bold: ansi(1, 22),
    dim: ansi(2, 22),
  };
}
