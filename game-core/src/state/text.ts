/*
 * What people type is shown to a whole room: on the projector, in the timeline's sentences and
 * in the report. A few invisible characters can make that lie: a right-to-left override turns
 * the rest of a sentence around, zero-width characters make two names look the same, and a
 * letter with a stack of combining marks spills over the lines around it. The server passes every
 * name, label, note and insight through `normaliseText` before it stores the action, so every
 * screen draws the same, honest text.
 */

/** Combining marks kept after one base character: enough for Vietnamese, Thai or an emoji keycap. */
export const MAX_COMBINING_MARKS = 2;

/*
 * Bidi embeddings and overrides (U+202A–U+202E), isolates (U+2066–U+2069), the directional marks
 * (U+200E, U+200F, U+061C); zero-width space, joiners (U+200B–U+200D), word joiner and the
 * invisible operators (U+2060–U+2064), the byte-order mark (U+FEFF) and the soft hyphen (U+00AD).
 */
const INVISIBLE = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C\u200B-\u200D\u2060-\u2064\uFEFF\u00AD]/gu;
/** Control characters other than the line break, which a multi-line text keeps. */
const CONTROL = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u2028\u2029]/gu;
const MARK = /\p{M}/u;

export interface NormaliseOptions {
  /** Keeps line breaks (at most one empty line in a row); otherwise all whitespace becomes one space. */
  multiline?: boolean;
}

/**
 * NFC, without bidi controls, zero-width or control characters, with at most
 * `MAX_COMBINING_MARKS` marks on a letter and without spaces at either end. Idempotent.
 */
export function normaliseText(input: string, options: NormaliseOptions = {}): string {
  let text = input.normalize('NFC').replace(INVISIBLE, '');
  text = options.multiline ? text.replace(/\r\n?/g, '\n').replace(CONTROL, ' ') : text.replace(/[\r\n]/g, ' ').replace(CONTROL, ' ');
  text = capMarks(text);
  if (options.multiline) {
    text = text
      .split('\n')
      .map((line) => line.replace(/\s+/gu, ' ').trim())
      .join('\n')
      .replace(/\n{3,}/g, '\n\n');
  } else {
    text = text.replace(/\s+/gu, ' ');
  }
  // Removing marks can leave a decomposed pair that composes now; NFC again keeps it idempotent.
  return text.trim().normalize('NFC');
}

function capMarks(text: string): string {
  let out = '';
  let marks = 0;
  for (const ch of text) {
    if (MARK.test(ch)) {
      marks++;
      if (marks > MAX_COMBINING_MARKS) continue;
    } else marks = 0;
    out += ch;
  }
  return out;
}
