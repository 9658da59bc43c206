// Control characters typed or pasted into a record (ESC, BEL, a stray carriage return) must never reach a terminal
// raw (they move the cursor, retitle the window, ring the bell) nor a briefing (XML, and so SVG, forbids them). They
// are made visible instead, as the Unicode "control pictures" (ESC shows as ␛, BEL as ␇), so the teacher can see
// where they are and delete them.

/* eslint-disable no-control-regex -- finding control characters is what this module is for */
/** C0 controls other than tab, line feed and carriage return, DEL, and the C1 controls. */
const IN_DOCUMENTS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;
/** The same and carriage return, which on a terminal writes over the start of the line. */
const IN_TERMINALS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;
/** A colour code sipp itself writes on a terminal (chalk's SGR sequences): ESC [ digits m. */
const COLOUR_CODE = /\u001B\[[0-9;]*m/y;
const CONTROL = /[\u0000-\u001F\u007F-\u009F]/;
/* eslint-enable no-control-regex */

function picture(c: string): string {
  const code = c.charCodeAt(0);
  if (code < 0x20) return String.fromCharCode(0x2400 + code);
  if (code === 0x7f) return '\u2421';
  return '\uFFFD';
}

/** Text for a briefing (Markdown, HTML, SVG): control characters as their pictures; tab and line breaks kept. */
export function visibleInDocument(text: string): string {
  return text.replace(IN_DOCUMENTS, picture);
}

/**
 * Text for a terminal: control characters as their pictures. With colour on, sipp's own colour codes are kept
 * (a colour code in a record stays a colour at worst: it cannot move the cursor or ring the bell).
 */
export function visibleInTerminal(text: string, colour: boolean): string {
  if (!colour) return text.replace(IN_TERMINALS, picture);
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (c === '\u001B') {
      COLOUR_CODE.lastIndex = i;
      const match = COLOUR_CODE.exec(text);
      if (match) {
        out += match[0];
        i += match[0].length - 1;
        continue;
      }
    }
    out += c === '\n' || c === '\t' || !CONTROL.test(c) ? c : picture(c);
  }
  return out;
}
