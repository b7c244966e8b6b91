/** Whether XML 1.0 allows a character at all, even escaped (its `Char` production). */
function isXmlCharacter(codePoint: number): boolean {
  return (
    codePoint === 0x9 ||
    codePoint === 0xa ||
    codePoint === 0xd ||
    (codePoint >= 0x20 && codePoint <= 0xd7ff) ||
    (codePoint >= 0xe000 && codePoint <= 0xfffd) ||
    codePoint >= 0x10000
  );
}

/** What follows the ESC of a terminal colour or cursor sequence, as a bot's output carries them. */
const controlSequenceTail = /^\[[0-9;?]*[ -/]*[@-~]/;

function dropTerminalSequences(text: string): string {
  return text
    .split('\u001B')
    .map((part, index) => (index === 0 ? part : part.replace(controlSequenceTail, '')))
    .join('');
}

/**
 * Text that XML 1.0 can hold: terminal sequences dropped, and the characters it forbids (C0
 * controls but tab and line breaks, lone surrogates, U+FFFE, U+FFFF) written as `\uXXXX`.
 */
function toXmlCharacters(text: string): string {
  // Array.from walks code points, so a lone surrogate comes alone and a pair comes whole.
  return Array.from(dropTerminalSequences(text), (character) => {
    const codePoint = character.codePointAt(0) ?? 0;
    if (isXmlCharacter(codePoint)) return character;
    return `\\u${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
  }).join('');
}

/** Text for an element's content; a carriage return as a reference, which a parser keeps. */
export function escapeXmlText(text: string): string {
  return toXmlCharacters(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r/g, '&#13;');
}

/**
 * Text for a double-quoted attribute; line breaks and tabs as character references, since a
 * parser turns literal ones into spaces.
 */
export function escapeXmlAttribute(text: string): string {
  return escapeXmlText(text).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');
}
