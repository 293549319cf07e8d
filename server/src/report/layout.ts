import type { Face } from './fonts';
import { drawLines, heightOf, setText, type Language, type Line, type TextStyle } from './text';

/*
 * The page: A4 in points, a cursor that runs down it, and the rule that a heading never ends a
 * page: every heading is placed together with the first block under it.
 */

type Doc = PDFKit.PDFDocument;

export const PAGE = { width: 595.28, height: 841.89, margin: 50, footer: 28 } as const;
export const LEFT = PAGE.margin;
export const RIGHT = PAGE.width - PAGE.margin;
export const WIDTH = RIGHT - LEFT;
export const BOTTOM = PAGE.height - PAGE.margin - PAGE.footer;

export const C = {
  ink: '#1b2733',
  muted: '#4a5866',
  line: '#cfd5db',
  primary: '#1f4e79',
  primaryTint: '#e3edf6',
  zebra: '#f5f4f0',
  rim: '#5b6670',
  persona: '#17324d',
  added: '#1a7f37',
  moved: '#b76e00',
  removed: '#b42318',
} as const;

/** A block of text set for a width, ready to measure and draw. */
export interface Block {
  lines: Line[];
  style: TextStyle;
  height: number;
}

export class Flow {
  y: number = PAGE.margin;
  /** Run after every page break, e.g. to repeat a legend. */
  onNewPage: (() => void) | null = null;

  constructor(
    readonly doc: Doc,
    readonly language: Language,
  ) {}

  /** Sets text for a width without drawing it. */
  block(text: string, face: Face, size: number, width: number, opts: { gap?: number; align?: TextStyle['align']; maxLines?: number } = {}): Block {
    const style: TextStyle = { face, size, gap: opts.gap ?? 0, align: opts.align ?? 'left' };
    const lines = text ? setText(this.doc, text, style, width, this.language, opts.maxLines) : [];
    return { lines, style, height: heightOf(lines, style) };
  }

  /** Draws a block at a place; returns the y under it. */
  draw(block: Block, x: number, y: number, width: number, colour: string): number {
    this.doc.fillColor(colour);
    return drawLines(this.doc, block.lines, x, y, width, block.style);
  }

  /** Draws text at the cursor, across the page's width, and moves the cursor under it. */
  write(text: string, face: Face, size: number, colour: string, opts: { x?: number; width?: number; after?: number } = {}): void {
    const x = opts.x ?? LEFT;
    const width = opts.width ?? RIGHT - x;
    const block = this.block(text, face, size, width);
    this.ensure(block.height);
    this.y = this.draw(block, x, this.y, width, colour) + (opts.after ?? 0);
  }

  /**
   * A section heading, kept on one page with the first `keep` points of what follows it.
   * Returns nothing; the cursor is under the heading.
   */
  heading(text: string, size: number, keep: number): void {
    const block = this.block(text, 'bold', size, WIDTH);
    this.ensure(block.height + 6 + keep);
    this.y = this.draw(block, LEFT, this.y, WIDTH, C.primary) + 6;
  }

  /** Starts a new page when `height` does not fit under the cursor (a block taller than a page just starts one). */
  ensure(height: number): void {
    if (this.y + height > BOTTOM && this.y > PAGE.margin + 1) this.newPage();
  }

  /** How much room is left on this page. */
  get room(): number {
    return BOTTOM - this.y;
  }

  newPage(): void {
    this.doc.addPage();
    this.y = PAGE.margin;
    this.onNewPage?.();
  }
}
