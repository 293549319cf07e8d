/// <reference path="./vendor.d.ts" />
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { openSync, type Font } from 'fontkit';

/*
 * The report's fonts, shipped with the app as npm packages so a fresh clone prints the same:
 * DejaVu Sans for text (Latin, Greek, Cyrillic, Arabic, arrows, many symbols) and the
 * monochrome Noto Emoji for what DejaVu lacks. Text is split into runs per font before it is
 * set, so nothing is dropped: a character neither font has prints as a visible substitute.
 */

/** DejaVu's four faces, and `card`: the wheel's card labels in the condensed bold screens use (game-core's cardFont.ts). */
export type Face = 'regular' | 'bold' | 'italic' | 'boldItalic' | 'card';

/** A piece of text in one font, as pdfkit draws it. */
export interface Run {
  font: string;
  text: string;
}

/** Printed for a character no shipped font can draw: visibly "something was here". */
export const MISSING = '\u25a1';

const require = createRequire(import.meta.url);
const DEJAVU: Record<Exclude<Face, 'card'>, string> = {
  regular: 'DejaVuSans.ttf',
  bold: 'DejaVuSans-Bold.ttf',
  italic: 'DejaVuSans-Oblique.ttf',
  boldItalic: 'DejaVuSans-BoldOblique.ttf',
};

interface Loaded {
  text: Record<Face, { path: string; font: Font }>;
  /** Noto Emoji comes as unicode-range subsets; each is its own font to pdfkit. */
  emoji: { name: string; path: string; font: Font }[];
}

let loaded: Loaded | null = null;

function load(): Loaded {
  if (loaded) return loaded;
  const text = {} as Loaded['text'];
  for (const face of Object.keys(DEJAVU) as Exclude<Face, 'card'>[]) {
    const path = require.resolve(`dejavu-fonts-ttf/ttf/${DEJAVU[face]}`);
    text[face] = { path, font: openSync(path) };
  }
  // Latin letters only; a card letter it lacks prints in DejaVu Sans Bold (see UPRIGHT).
  const card = join(dirname(require.resolve('@fontsource/roboto-condensed/package.json')), 'files', 'roboto-condensed-latin-700-normal.woff');
  text.card = { path: card, font: openSync(card) };
  const dir = join(dirname(require.resolve('@fontsource/noto-emoji/package.json')), 'files');
  // The big "emoji" subset first: most emoji are in it.
  const files = readdirSync(dir)
    .filter((f) => /^noto-emoji-[\w]+-400-normal\.woff$/.test(f))
    .sort((a, b) => Number(b.includes('-emoji-')) - Number(a.includes('-emoji-')) || a.localeCompare(b));
  const emoji = files.map((f, i) => ({ name: `emoji-${i}`, path: join(dir, f), font: openSync(join(dir, f)) }));
  loaded = { text, emoji };
  return loaded;
}

/** Registers the fonts with a document under the names the runs use. */
export function registerFonts(doc: PDFKit.PDFDocument): void {
  const { text, emoji } = load();
  for (const face of Object.keys(text) as Face[]) doc.registerFont(face, text[face].path);
  for (const e of emoji) doc.registerFont(e.name, e.path);
}

/** Height above the baseline and line height of a face, as fractions of the font size. */
export function metrics(face: Face): { ascent: number; height: number } {
  const font = load().text[face].font;
  return { ascent: font.ascent / font.unitsPerEm, height: (font.ascent - font.descent) / font.unitsPerEm };
}

// Joiners and selectors belong to the emoji around them; alone they print as nothing.
const JOINER = /^[\u200d\ufe0e\ufe0f\u{1f3fb}-\u{1f3ff}]$/u;
// Shown as emoji by default (🤝), unlike symbols that are text unless asked for (↔, ❤).
const EMOJI_BY_DEFAULT = /\p{Emoji_Presentation}/u;

// DejaVu's oblique faces lack some scripts (Arabic); those letters print upright instead. The
// card font has Latin letters only; others print in DejaVu's bold.
const UPRIGHT: Record<Face, Face> = { regular: 'regular', bold: 'bold', italic: 'regular', boldItalic: 'bold', card: 'bold' };

/** Which font draws a character: the emoji font for emoji it has, else DejaVu (upright if need be), else emoji, else none. */
function fontFor(ch: string, face: Face, asEmoji: boolean): string | null {
  const { text, emoji } = load();
  const code = ch.codePointAt(0)!;
  const inEmoji = () => emoji.find((e) => e.font.hasGlyphForCodePoint(code))?.name ?? null;
  const inText = () => [face, UPRIGHT[face]].find((f) => text[f].font.hasGlyphForCodePoint(code)) ?? null;
  if (asEmoji || EMOJI_BY_DEFAULT.test(ch)) return inEmoji() ?? inText();
  return inText() ?? inEmoji();
}

/** Splits text into runs per font; characters no font has become MISSING. */
export function runsOf(text: string, face: Face): Run[] {
  const runs: Run[] = [];
  let previous: string | null = null;
  const chars = [...text.normalize('NFC')];
  for (const [i, ch] of chars.entries()) {
    let font: string;
    let out = ch;
    if (JOINER.test(ch)) {
      // Keep a joiner or skin tone with the emoji before it only if that font draws it.
      const last = runs.at(-1);
      if (last && previous && previous !== face && load().emoji.find((e) => e.name === previous)?.font.hasGlyphForCodePoint(ch.codePointAt(0)!)) last.text += ch;
      continue;
    }
    const found = ch === '\n' ? face : fontFor(ch, face, chars[i + 1] === '\ufe0f');
    if (found) font = found;
    else {
      font = face;
      out = MISSING;
    }
    const last = runs.at(-1);
    if (last && last.font === font) last.text += out;
    else runs.push({ font, text: out });
    previous = font;
  }
  return runs;
}
