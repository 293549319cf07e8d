/// <reference path="./vendor.d.ts" />
// Default imports: the packages are CommonJS with exports Node cannot see statically, so named
// imports work under Vite but fail under `node --import tsx` (npm start).
import hyphenEnGb from 'hyphen/en-gb';
import hyphenNl from 'hyphen/nl';
import { metrics, runsOf, type Face, type Run } from './fonts';

/*
 * Text setting for the report. pdfkit wraps text in one font only and breaks a word that is
 * too long wherever it runs out of room; here each line is set from runs of several fonts
 * (emoji, Arabic and arrows print), words break at Dutch (or English) syllables with a hyphen,
 * and the height of a block is known before it is drawn, so the page layout can keep
 * things together.
 */

type Doc = PDFKit.PDFDocument;
export type Language = 'nl' | 'en';

export interface TextStyle {
  face: Face;
  size: number;
  /** Extra space between lines, in points. */
  gap?: number;
  align?: 'left' | 'center' | 'right';
}

export interface Line {
  runs: Run[];
  width: number;
}

const SHY = '\u00ad';
const HYPHENATE: Record<Language, (text: string) => string> = {
  nl: (text) => hyphenNl.hyphenateSync(text, { minWordLength: 6 }),
  en: (text) => hyphenEnGb.hyphenateSync(text, { minWordLength: 6 }),
};

/** Marks where a single word may break, with soft hyphens, for the board layout. */
export function hyphenateWord(language: Language): (word: string) => string {
  return HYPHENATE[language];
}

/** The height of one line of a style. */
export function lineHeight(style: TextStyle): number {
  return style.size * metrics(style.face).height + (style.gap ?? 0);
}

function widthOf(doc: Doc, runs: Run[], size: number): number {
  let width = 0;
  for (const run of runs) width += doc.font(run.font).fontSize(size).widthOfString(run.text);
  return width;
}

/**
 * Breaks text into lines no wider than `width`: at spaces, after a hyphen or slash already in
 * a word, at a syllable (adding a hyphen), and only when a single syllable is wider than the
 * line, inside it (still with a hyphen). With `maxLines`, the last line ends in an ellipsis.
 */
export function setText(doc: Doc, text: string, style: TextStyle, width: number, language: Language, maxLines = Number.POSITIVE_INFINITY): Line[] {
  const measure = (s: string) => widthCached(doc, s, style);
  const space = measure(' ');
  const plain: string[] = [];
  for (const paragraph of text.replace(/\r\n?/g, '\n').replace(/\t/g, ' ').split('\n')) {
    const words = HYPHENATE[language](paragraph.replaceAll(SHY, '')).split(/ +/).filter(Boolean);
    let line = '';
    let lineWidth = 0;
    const push = () => {
      plain.push(line);
      line = '';
      lineWidth = 0;
    };
    const append = (piece: string, pieceWidth: number) => {
      lineWidth = line ? lineWidth + space + pieceWidth : pieceWidth;
      line = line ? `${line} ${piece}` : piece;
    };
    const fits = (pieceWidth: number) => (line ? lineWidth + space + pieceWidth : pieceWidth) <= width;
    for (let word of words) {
      while (word) {
        const whole = word.replaceAll(SHY, '');
        const wholeWidth = measure(whole);
        if (fits(wholeWidth)) {
          append(whole, wholeWidth);
          break;
        }
        // The longest head of the word that fits, cut at a syllable or after a hyphen or slash.
        const cuts = breakPoints(word);
        let placed = false;
        for (let k = cuts.length - 1; k >= 0; k--) {
          const at = cuts[k]!;
          const head = word.slice(0, at).replaceAll(SHY, '');
          const shown = /[-/]$/.test(head) ? head : `${head}-`;
          const shownWidth = measure(shown);
          if (fits(shownWidth)) {
            append(shown, shownWidth);
            push();
            word = word.slice(at).replace(/^\u00ad/, '');
            placed = true;
            break;
          }
        }
        if (placed) continue;
        if (line) {
          push();
          continue;
        }
        // Not even one syllable fits an empty line: cut it where it must, with a hyphen.
        const chars = [...whole];
        if (chars.length === 1) {
          append(whole, wholeWidth);
          push();
          break;
        }
        let n = 1;
        while (n < chars.length - 1 && measure(`${chars.slice(0, n + 1).join('')}-`) <= width) n++;
        append(`${chars.slice(0, n).join('')}-`, 0);
        push();
        word = chars.slice(n).join('');
      }
    }
    if (line || plain.length === 0 || paragraph === '') push();
  }
  let lines = plain;
  if (lines.length > maxLines) {
    lines = lines.slice(0, maxLines);
    let last = lines[maxLines - 1]!.replace(/-$/, '');
    while (last.length > 1 && measure(`${last}…`) > width) last = [...last].slice(0, -1).join('');
    lines[maxLines - 1] = `${last.replace(/[\s,.;:-]+$/, '')}…`;
  }
  return lines.map((l) => {
    const runs = runsOf(l, style.face);
    return { runs, width: widthOf(doc, runs, style.size) };
  });
}

// Widths of words per face and size; a report measures the same words many times.
const widths = new Map<string, number>();

function widthCached(doc: Doc, text: string, style: TextStyle): number {
  const key = `${style.face}|${style.size}|${text}`;
  let width = widths.get(key);
  if (width === undefined) {
    if (widths.size > 50_000) widths.clear();
    width = widthOf(doc, runsOf(text, style.face), style.size);
    widths.set(key, width);
  }
  return width;
}

/** Offsets in a hyphenated word where a line may end: syllables, and after "-" or "/". */
function breakPoints(word: string): number[] {
  const cuts: number[] = [];
  for (let i = 1; i < word.length - 1; i++) {
    if (word[i] === SHY) cuts.push(i);
    else if ((word[i - 1] === '-' || word[i - 1] === '/') && word[i] !== SHY) cuts.push(i);
  }
  return cuts;
}

/** The height a block of lines takes. */
export function heightOf(lines: readonly Line[], style: TextStyle): number {
  return lines.length * lineHeight(style);
}

/** Draws lines with their top at `y`; returns the y under the last line. */
export function drawLines(doc: Doc, lines: readonly Line[], x: number, y: number, width: number, style: TextStyle): number {
  const step = lineHeight(style);
  const ascent = style.size * metrics(style.face).ascent + (style.gap ?? 0) / 2;
  for (const line of lines) {
    let at = style.align === 'center' ? x + (width - line.width) / 2 : style.align === 'right' ? x + width - line.width : x;
    for (const run of line.runs) {
      doc.font(run.font).fontSize(style.size).text(run.text, at, y + ascent, { lineBreak: false, baseline: 'alphabetic' });
      at += doc.widthOfString(run.text);
    }
    y += step;
  }
  return y;
}
