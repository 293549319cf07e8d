/**
 * The board as every screen draws it: where each card's box lies, how its label is set, which
 * crowded cells show a stack, and where each token stands. One pure function, so the tablets,
 * the big screen, the facilitator and the PDF all show the same picture.
 *
 * A card's stored position (`x`, `y`) is its meaning: the ring and sector it lies in. The
 * layout keeps that meaning and only decides the drawing:
 * - every card box lies wholly inside the ring band of its stored position, its centre inside
 *   the stored sector, so nobody has to guess which support type it is;
 * - no card box overlaps another, however the cards were dropped (two drops on one spot, an
 *   event's new cards, a card dropped exactly on another);
 * - a cell holding more cards than fit shows the cards that fit plus one stack badge with the
 *   count of the rest (see docs/architecture.md, "Board layout", for why a stack);
 * - tokens stand where they were put unless that covers a card; then they step aside to the
 *   nearest free spot.
 *
 * Cards are placed in the order given (the caller passes them in the order they came onto the
 * board), each as near its stored position as a free spot allows, so a new card never pushes
 * an older one away.
 */
import { CARD_FONT_ADVANCES, CARD_FONT_FIRST } from './cardFont';
import { MAT_HALF, RING_EDGES, SUPPORT_TYPES, angleOf, fromPolar, locate, round, sectorAt, type Point } from './geometry';

const TAU = Math.PI * 2;

/** A card to lay out: its id, stored position and the text the wheel shows (its short label where it has one). */
export interface LayoutCardInput {
  id: string;
  x: number;
  y: number;
  label: string;
  /** Whether the card shows a tag under its label (a paused card's): it gets TAG_ROW_EM more height for it. */
  tag?: boolean;
}

/** The room a card's tag takes under its label, in ems of the card's font. */
export const TAG_ROW_EM = 1.1;

/** A token to keep clear of the cards; `id` is its role id. */
export interface LayoutTokenInput {
  id: string;
  x: number;
  y: number;
}

/** An axis-aligned box by its centre and size, in mat units. */
export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** How a label is set on a card, in mat units: its lines, font size and line height. */
export interface LabelSetting {
  lines: string[];
  font: number;
  lineHeight: number;
}

/**
 * One card as drawn: a `w` × `h` rectangle centred on `x`, `y`, turned `rotate` degrees
 * clockwise round its centre (it runs along its ring), with its label set in `lines`.
 */
export interface PlacedCard extends Box, LabelSetting {
  id: string;
  rotate: number;
  ring: number;
  sector: number;
}

/** A crowded cell's badge: "+n" cards that did not fit, listed in `ids` (in input order). */
export interface CardStack extends Box {
  rotate: number;
  ring: number;
  sector: number;
  ids: string[];
}

/** The drawing of one board. */
export interface BoardLayout {
  /** Cards on the wheel that are drawn, by id. Cards in a stack are not here. */
  cards: Record<string, PlacedCard>;
  /** Badges of crowded cells, at most one per cell. */
  stacks: CardStack[];
  /** Where each token is drawn, by id. */
  tokens: Record<string, Point>;
  /** Cards whose stored position is off the rings (centre disc or the mat): drawn where they lie. */
  loose: Record<string, PlacedCard>;
  /**
   * Where the rings are drawn, per sector: in sector s, `rings[s][0]` is the persona disc's
   * radius (the same in every sector), ring i spans `rings[s][i]`..`rings[s][i + 1]`, and
   * `rings[s][4]` is the rim (always 1). Evenly spaced, as on the mat, unless a sector's
   * crowded ring widened there.
   */
  rings: number[][];
  /** The persona disc's radius: `rings[s][0]` in every sector. */
  hub: number;
  /** The card font the layout settled on, in mat units: the one asked for, or smaller where the wheel is full. */
  font: number;
}

export interface LayoutOptions {
  sectorCount: number;
  /**
   * Where a word may be broken: the word with soft hyphens (U+00AD) at its break points. Pass a
   * real hyphenator for the language (the client uses the `hyphen` package's Dutch patterns);
   * game-core stays free of it. Without one, long words are cut where they must be.
   */
  hyphenate?: (word: string) => string;
  /**
   * The card font asked for, in mat units (default CARD_FONT). A screen passes what makes its
   * labels legible at its size; the layout shrinks it (to FONT_FLOOR of it) only where the
   * wheel is too full.
   */
  font?: number;
  /** The smallest card font the layout may shrink to before it stacks (default FONT_FLOOR of `font`). */
  minFont?: number;
}

/** Label font on the wheel in mat units; 0.046 is 12 px on a 1024×768 tablet and over 18 px on a 1920×1080 screen (see docs/architecture.md). */
export const CARD_FONT = 0.04;
const PAD_X = 0.012;
const PAD_Y = 0.006;

const LINE = 1.05;
/** Room kept between two boxes and between a box and a ring edge. */
export const CARD_GAP = 0.005;
/** A stack badge's size. */
export const STACK_BOX = { w: 0.1, h: 0.07 } as const;
/** What a token takes, as a box round its centre: its disc and the name under or over it. */
export const TOKEN_BOX = { w: 0.2, h: 0.2 } as const;

/**
 * The shapes a card may take, widest first: a wide card fits where its ring runs across the
 * screen (near twelve and six o'clock), a narrow, taller one where it runs up and down (three
 * and nine o'clock). The layout tries each shape at each spot.
 */
export const CARD_SHAPES: readonly { maxW: number; maxLines: number }[] = [
  { maxW: 0.34, maxLines: 2 },
  { maxW: 0.26, maxLines: 3 },
  { maxW: 0.19, maxLines: 4 },
];

/**
 * Sets a label on a card of at most `maxW` wide and `maxLines` lines: broken at spaces and
 * where `hyphenate` allows; a label that does not fit ends with an ellipsis (its full text is in
 * the card's panel).
 */
export function setLabel(
  label: string,
  hyphenate?: (word: string) => string,
  shape: { maxW: number; maxLines: number } = CARD_SHAPES[1]!,
  font = CARD_FONT,
): LabelSetting & { w: number; h: number; cut: boolean } {
  const maxEm = (shape.maxW - PAD_X * 2) / font;
  const all = wrapWords(label, maxEm, Number.POSITIVE_INFINITY, hyphenate);
  const lines = all.length <= shape.maxLines ? all : wrapWords(label, maxEm, shape.maxLines, hyphenate);
  const longest = Math.max(0, ...lines.map(emWidth));
  const lineHeight = font * LINE;
  return {
    lines,
    font,
    lineHeight,
    w: Math.min(shape.maxW, longest * font + PAD_X * 2),
    h: lines.length * lineHeight + PAD_Y * 2,
    cut: all.length > shape.maxLines,
  };
}

/**
 * How wide a text is in the wheel's bold card font, in ems: the font's own advance widths
 * (cardFont.ts), 1 % over for rendering. A letter the card font lacks is drawn in another
 * font; it gets a generous guess (DejaVu Sans Bold, among the widest), so no line runs past
 * its card.
 */
export function emWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    const code = CARD_FONT_ADVANCES.charCodeAt(ch.codePointAt(0)! - CARD_FONT_FIRST);
    width += code > 32 ? (code - 35) / 100 : fallbackWidth(ch);
  }
  return width * 1.01;
}

function fallbackWidth(ch: string): number {
  if (/[\siljI.,;:'!|]/.test(ch)) return 0.35;
  if (/[tfr()[\]\-/]/.test(ch)) return 0.49;
  if (/[mwMW]/.test(ch)) return 1.02;
  if (/\p{Lu}|\d/u.test(ch)) return 0.77;
  return ch === '\u2026' ? 1 : 0.67;
}

const SOFT = '\u00ad';

/**
 * Breaks text into at most `maxLines` lines no wider than `maxEm` ems: at spaces, else at a
 * hyphenation point (the line then ends in "-"), else, for a word with none that fits, wherever
 * it must. Text left over ends the last line with an ellipsis.
 */
export function wrapWords(text: string, maxEm: number, maxLines: number, hyphenate?: (word: string) => string): string[] {
  const words = text.trim().split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = '';
  const fits = (s: string) => emWidth(s) <= maxEm;
  for (const word of words) {
    let rest = hyphenate ? hyphenate(word) : word;
    while (rest) {
      const plain = rest.replaceAll(SOFT, '');
      const next = line ? `${line} ${plain}` : plain;
      if (fits(next)) {
        line = next;
        break;
      }
      // The longest front piece of the word that still fits on this line, at a break point.
      const cut = bestCut(rest, line, fits);
      if (cut) {
        lines.push(`${line ? `${line} ` : ''}${cut.head}-`);
        line = '';
        rest = cut.tail;
        continue;
      }
      if (line) {
        lines.push(line);
        line = '';
        continue;
      }
      // Alone on a line and no break point fits: cut it where it must.
      const forced = forcedCut(plain, fits);
      lines.push(`${forced}-`);
      rest = plain.slice(forced.length);
    }
  }
  if (line) lines.push(line);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  let last = kept[maxLines - 1]!.replace(/-$/, '');
  while (last.length > 1 && !fits(`${last}…`)) last = last.slice(0, -1);
  kept[maxLines - 1] = `${last.replace(/[\s,.;:-]+$/, '')}…`;
  return kept;
}

function bestCut(word: string, line: string, fits: (s: string) => boolean): { head: string; tail: string } | null {
  const parts = word.split(SOFT);
  for (let n = parts.length - 1; n >= 1; n--) {
    const head = parts.slice(0, n).join('');
    if (fits(`${line ? `${line} ` : ''}${head}-`)) return { head, tail: parts.slice(n).join(SOFT) };
  }
  return null;
}

function forcedCut(word: string, fits: (s: string) => boolean): string {
  let n = word.length - 1;
  while (n > 1 && !fits(`${word.slice(0, n)}-`)) n--;
  return word.slice(0, Math.max(1, n));
}

/**
 * The room a card takes on the wheel, in polar terms: between two radii and two clock angles
 * (radians, `a0` may be negative or `a1` past 2π). A card lies along its ring (tangential), so
 * its rectangle lies wholly inside this piece of ring; two cards whose pieces do not overlap
 * cannot overlap.
 */
export interface Extent {
  r0: number;
  r1: number;
  a0: number;
  a1: number;
}

/** The piece of ring a tangential box of `w` × `h` centred at radius `r`, angle `a` lies in. */
export function extentAt(r: number, a: number, w: number, h: number): Extent {
  const r0 = r - h / 2;
  const r1 = Math.hypot(r + h / 2, w / 2);
  // The widest angle is at the inner corners; a box reaching past the centre spans everything.
  const half = r0 > 0 ? Math.atan(w / 2 / r0) : Math.PI;
  return { r0, r1, a0: a - half, a1: a + half };
}

/** Whether two pieces of ring overlap, with `gap` of room (mat units) kept between them. */
export function extentsOverlap(a: Extent, b: Extent, gap = 0): boolean {
  if (a.r0 >= b.r1 + gap || b.r0 >= a.r1 + gap) return false;
  const r = Math.max(Math.min(a.r0, b.r0), 0.05);
  const ga = gap / r;
  for (const k of [-TAU, 0, TAU]) if (a.a0 + k < b.a1 + ga && b.a0 < a.a1 + k + ga) return true;
  return false;
}

/** Whether a piece of ring lies wholly between two radii, `gap` from each. */
export function extentInBand(e: Extent, inner: number, outer: number, gap = 0): boolean {
  return e.r0 >= inner + gap && e.r1 <= outer - gap;
}

/** Whether two axis-aligned boxes overlap, counting `gap` of room between them as overlap. */
export function boxesOverlap(a: Box, b: Box, gap = 0): boolean {
  return Math.abs(a.x - b.x) * 2 < a.w + b.w + gap * 2 && Math.abs(a.y - b.y) * 2 < a.h + b.h + gap * 2;
}

/** The axis-aligned box round a card's turned rectangle, to keep tokens off it. */
export function boundsOf(card: Box & { rotate: number }): Box {
  const t = (card.rotate * Math.PI) / 180;
  const c = Math.abs(Math.cos(t));
  const s = Math.abs(Math.sin(t));
  return { x: card.x, y: card.y, w: card.w * c + card.h * s, h: card.w * s + card.h * c };
}

/**
 * How far a card at clock angle `a` is turned (degrees, clockwise) so it runs along its ring
 * and its text is never upside down: between -90 and 90.
 */
export function turnAt(a: number): number {
  let deg = (a * 180) / Math.PI;
  deg = ((deg % 360) + 360) % 360;
  if (deg > 90 && deg <= 270) deg -= 180;
  else if (deg > 270) deg -= 360;
  return Math.round(deg * 100) / 100;
}

/**
 * A card's label as the wheel sets it, in ems of its font: the narrowest setting of at most
 * three lines that breaks no word (else one that hyphenates, else one cut short), so cards
 * stay narrow enough to lie several along a ring. Independent of the font size, so the layout
 * can shrink every card by one scale without setting the labels again.
 */
interface EmCard {
  lines: string[];
  /** Box width and height in ems, padding included. */
  w: number;
  h: number;
}

const MAX_LINES = 3;
const PAD_X_EM = PAD_X / CARD_FONT;
const PAD_Y_EM = PAD_Y / CARD_FONT;
/** Room between a card's edge and its label on the wheel, in ems of the card's font. */
export const CARD_PAD_EM = { x: PAD_X_EM, y: PAD_Y_EM } as const;
/** Text widths tried for a card, in ems. */
const TEXT_WIDTHS = Array.from({ length: 14 }, (_, i) => 3.5 + i * 0.5);
/** A stack badge's size in ems of the card font. */
const STACK_EM = { w: STACK_BOX.w / CARD_FONT, h: STACK_BOX.h / CARD_FONT };

/**
 * A card's label as the wheel may set it, in ems of its font (so the layout can shrink every
 * card by one scale without setting labels again): for one, two and three lines, the narrowest
 * setting that breaks no word, then the narrowest that hyphenates. A cell tries each kind for
 * all its cards and keeps what needs least room. Entry k is that setting, or the card's
 * setting with the fewest lines where it has none of that kind.
 */
function emCards(label: string, hyphenate?: (word: string) => string): EmCard[] {
  const box = (lines: string[]): EmCard => ({
    lines,
    w: Math.max(0, ...lines.map(emWidth)) + PAD_X_EM * 2,
    h: lines.length * LINE + PAD_Y_EM * 2,
  });
  const narrowest = (max: number, hy: ((word: string) => string) | undefined): EmCard | null => {
    for (const width of TEXT_WIDTHS) {
      const lines = wrapWords(label, width, Number.POSITIVE_INFINITY, hy);
      // Without the hyphenator a word is only cut where it must be; such a line is not wanted.
      if (lines.length <= max && (hy || !lines.some((l) => l.endsWith('-')))) return box(lines);
    }
    return null;
  };
  const out: (EmCard | null)[] = [];
  for (const max of [1, 2, 3]) out.push(narrowest(max, undefined), hyphenate ? narrowest(max, hyphenate) : null);
  out[SHAPES - 1] ??= box(wrapWords(label, TEXT_WIDTHS[TEXT_WIDTHS.length - 1]!, MAX_LINES, hyphenate));
  const fewest = out.find((e) => e !== null)!;
  return out.map((e) => e ?? fewest);
}

/** How many settings of a card a cell tries (one to three lines, whole words or hyphenated). */
const SHAPES = MAX_LINES * 2;

/** A piece laid out in a cell: a card (by id) or the cell's stack badge. */
interface Piece {
  id: string | null;
  /** Which of the card's settings (see emCards). */
  shape: number;
  w: number;
  h: number;
  /** Stored angle relative to the sector's start, and stored radius: where it was dropped. */
  rel: number;
  r: number;
  order: number;
}

interface Row {
  /** Radius of the row's inner edge. */
  r0: number;
  h: number;
  pieces: Piece[];
}

/** The angle a tangential piece of width `w` takes at inner radius `r0`, with room either side. */
function spanAt(w: number, r0: number): number {
  return 2 * Math.atan(w / 2 / r0);
}

/** Whether pieces fit side by side in a row at inner radius `r0` within `width` radians, a gap between each and at both ends. */
function rowFits(pieces: readonly { w: number }[], r0: number, width: number): boolean {
  let used = ((pieces.length + 1) * CARD_GAP * 1.05) / r0;
  for (const p of pieces) used += spanAt(p.w, r0);
  return used <= width;
}

/** The smallest inner radius at which a piece of width `w` fits alone in a sector of `width` radians. */
function fitRadius(w: number, width: number): number {
  // 2·atan(w/2/r) + 2·gap/r ≤ width, solved by bisection (the left side falls as r grows).
  let lo = 0.01;
  let hi = 10;
  for (let i = 0; i < 50; i++) {
    const mid = (lo + hi) / 2;
    if (spanAt(w, mid) + (2 * CARD_GAP * 1.05) / mid <= width) hi = mid;
    else lo = mid;
  }
  return hi;
}

/** Where the row after `row` starts: beyond its outer corners, a gap further. */
function nextRow(row: Row): number {
  const wide = Math.max(...row.pieces.map((p) => p.w));
  return Math.hypot(row.r0 + row.h, wide / 2) + CARD_GAP * 2.02;
}

/** How deep a cell's rows reach from `start`: to the last row's outer corners, plus a gap. */
function rowsEnd(rows: readonly Row[], start: number): number {
  if (rows.length === 0) return start;
  return nextRow(rows[rows.length - 1]!) - CARD_GAP * 1.01;
}

/**
 * Fills rows outwards from `start` with a cell's pieces. Inner rows are the shortest, so each
 * row takes the narrowest pieces left that fit along its inner edge (first fit, narrowest
 * first; ties by input order). With `maxRows`, what does not fit in that many rows leaves room
 * for a stack badge at the end of the last row and is returned as `rest`.
 */
function fillRows(pieces: readonly Piece[], start: number, width: number, maxRows: number, badge: Piece): { rows: Row[]; rest: Piece[] } {
  const queue = [...pieces].sort((a, b) => a.w - b.w || a.order - b.order);
  const rows: Row[] = [];
  let r0 = start;
  while (queue.length > 0) {
    if (rows.length === maxRows) {
      // Make room for the badge in the last row: its widest pieces join the stack.
      const last = rows[rows.length - 1]!;
      while (last.pieces.length > 0 && !rowFits([...last.pieces, badge], last.r0, width)) queue.unshift(last.pieces.pop()!);
      last.pieces.push(badge);
      last.h = Math.max(...last.pieces.map((p) => p.h));
      return { rows, rest: queue };
    }
    const row: Row = { r0, h: 0, pieces: [] };
    for (let i = 0; i < queue.length; ) {
      if (rowFits([...row.pieces, queue[i]!], r0, width)) row.pieces.push(...queue.splice(i, 1));
      else i++;
    }
    if (row.pieces.length === 0) {
      // Too wide for this radius even alone: the row moves out until the narrowest fits.
      r0 = Math.max(r0 + 0.001, fitRadius(queue[0]!.w, width));
      continue;
    }
    row.h = Math.max(...row.pieces.map((p) => p.h));
    rows.push(row);
    r0 = nextRow(row);
  }
  return { rows, rest: [] };
}

interface CellPlan {
  ring: number;
  sector: number;
  /** The cell's cards in each of their settings (see emCards). */
  shapes: Piece[][];
}

/** The smallest card font the layout shrinks to before it stacks, as a share of the font asked for, unless `minFont` says. */
export const FONT_FLOOR = 0.8;
/** The least depth of a ring without cards, so its colour and name still show. */
const EMPTY_RING = 0.07;
/** The persona's disc is never larger than on the mat. */
const MAX_CENTRE = RING_EDGES[0];

/**
 * Lays out one board. Deterministic: the same input gives the same drawing on every device.
 *
 * Cards lie in rows along their ring, inside their own cell (sector × ring): a row holds what
 * fits along its inner edge, its cards in the order of their stored angles and spread evenly
 * across the cell, the rows filled from the cards dropped nearest the middle outwards. Each
 * ring is as deep as its fullest cell needs; the persona's disc shrinks to what it needs (down
 * to MIN_CENTRE) and what room is left goes to the thinnest rings, so the wheel looks like the
 * mat where it can. When the rings together need more than the wheel, every card shrinks by one
 * common scale, down to FONT_FLOOR of the font asked for; only then do the deepest rings lose
 * rows and their fullest cells show a `+n` stack.
 */
export function layoutBoard(cards: readonly LayoutCardInput[], tokens: readonly LayoutTokenInput[], options: LayoutOptions): BoardLayout {
  const { sectorCount } = options;
  const font = options.font ?? CARD_FONT;
  const floor = Math.min(font, options.minFont ?? font * FONT_FLOOR);
  const width = TAU / sectorCount;
  const ems = new Map(
    cards.map((c) => {
      const settings = cachedEmCards(c.label, options.hyphenate);
      return [c.id, c.tag ? settings.map((em) => ({ ...em, h: em.h + TAG_ROW_EM })) : settings];
    }),
  );
  const cells = new Map<string, CellPlan>();
  const loose: LayoutCardInput[] = [];
  cards.forEach((card, order) => {
    const cell = locate(card, sectorCount);
    if (cell.kind !== 'ring') {
      loose.push(card);
      return;
    }
    const key = `${cell.ring}:${cell.sector}`;
    const plan = cells.get(key) ?? { ring: cell.ring, sector: cell.sector, shapes: Array.from({ length: SHAPES }, (): Piece[] => []) };
    const rel = angleOf(card) - width * cell.sector;
    ems.get(card.id)!.forEach((em, shape) => {
      // A hair under 2π in sector 0 is its start, not its end.
      plan.shapes[shape]!.push({ id: card.id, shape, w: em.w, h: em.h, rel: rel > Math.PI ? rel - TAU : rel, r: Math.hypot(card.x, card.y), order });
    });
    cells.set(key, plan);
  });
  const plans = [...cells.values()];
  const sectorPlans = Array.from({ length: sectorCount }, (_, sector) => plans.filter((p) => p.sector === sector));

  const badgeAt = (f: number): Piece => ({ id: null, shape: 0, w: STACK_EM.w * f, h: STACK_EM.h * f, rel: width, r: 0, order: Number.POSITIVE_INFINITY });
  /**
   * A cell's rows at font `f` from radius `start`, at most `cap` deep: its cards all set one
   * way (see emCards), whichever stacks fewest and then needs least depth.
   */
  const fillCell = cachedFill(width, (plan: CellPlan, f: number, start: number, cap: number) => {
    let best: (ReturnType<typeof fillRows> & { end: number }) | null = null;
    for (const pieces of plan.shapes) {
      const fill = fillRows(pieces.map((p) => ({ ...p, w: p.w * f, h: p.h * f })), start, width, cap, badgeAt(f));
      const end = rowsEnd(fill.rows, start);
      if (!best || fill.rest.length < best.rest.length || (fill.rest.length === best.rest.length && end < best.end - 1e-9)) best = { ...fill, end };
    }
    return best!;
  });

  /**
   * The ring edges one sector needs at font `f` with at most `caps[ring]` rows per cell, from a
   * disc of `hub` outwards; the last may pass the rim. A ring without cards in this sector keeps
   * EMPTY_RING, so its colour and name still show.
   */
  const edgesFor = (sector: number, hub: number, f: number, caps: readonly number[]) => {
    const edges = [hub];
    for (let ring = 0; ring < 4; ring++) {
      const plan = sectorPlans[sector]!.find((p) => p.ring === ring);
      const inner = edges[ring]!;
      const need = plan ? fillCell(plan, f, inner + CARD_GAP * 1.01, caps[ring]!).end - inner : EMPTY_RING;
      edges.push(inner + Math.max(need, EMPTY_RING));
    }
    return edges;
  };
  const allEdges = (f: number, caps: readonly (readonly number[])[]) => caps.map((c, sector) => edgesFor(sector, MIN_CENTRE, f, c));
  const deepest = (edges: readonly (readonly number[])[]) => Math.max(...edges.map((e) => e[4]!));

  let f = font;
  let caps = Array.from({ length: sectorCount }, () => [Infinity, Infinity, Infinity, Infinity]);
  let edges = allEdges(f, caps);
  // Shrink every card alike, down to the floor.
  for (let step = 1; deepest(edges) > 1 && f > floor + 1e-9; step++) {
    f = Math.max(floor, font * (1 - 0.025 * step));
    edges = allEdges(f, caps);
  }
  // Still too deep somewhere: in each sector that overflows, the ring with most rows loses one
  // and its fullest cell stacks. Should every ring there be down to one row, the cards shrink
  // further (a wheel always holds one row each).
  while (deepest(edges) > 1) {
    let shrink = false;
    caps = caps.map((c, sector) => {
      if (edges[sector]![4]! <= 1) return c;
      const rows = [0, 1, 2, 3].map((ring) => {
        const plan = sectorPlans[sector]!.find((p) => p.ring === ring);
        return plan ? fillCell(plan, f, edges[sector]![ring]! + CARD_GAP * 1.01, c[ring]!).rows.length : 0;
      });
      const most = rows.indexOf(Math.max(...rows));
      if (rows[most]! > 1) return c.map((cap, i) => (i === most ? rows[most]! - 1 : cap));
      shrink = true;
      return c;
    });
    if (shrink) f *= 0.95;
    edges = allEdges(f, caps);
  }
  // Each cell's rows as filled from its ring's inner edge here; below they only move outwards,
  // which keeps them apart and inside their band (a row further out needs less angle and less depth).
  const planned = edges;
  // Room left: first the persona's disc grows back towards the mat's (as far as the fullest
  // sector allows: the disc is round), then each sector's rings take the mat's even spacing
  // wherever their cards let them, so sectors differ only where one holds more.
  const hub = round(Math.min(MAX_CENTRE, MIN_CENTRE + Math.min(...edges.map((e) => 1 - e[4]!))));
  const final = edges.map((e) => {
    const depths = [0, 1, 2, 3].map((i) => e[i + 1]! - e[i]!);
    const out = [hub, 0, 0, 0, 1];
    for (let i = 1; i < 4; i++) out[i] = Math.max(hub + ((1 - hub) * i) / 4, out[i - 1]! + depths[i - 1]!);
    for (let i = 3; i >= 1; i--) out[i] = round(Math.min(out[i]!, out[i + 1]! - depths[i]!));
    return out;
  });

  const out: BoardLayout = { cards: {}, stacks: [], tokens: {}, loose: {}, rings: final, hub, font: round(f * 10000) / 10000 };
  for (const plan of plans) {
    const inner = final[plan.sector]![plan.ring]!;
    const outer = final[plan.sector]![plan.ring + 1]!;
    const cap = caps[plan.sector]![plan.ring]!;
    const s0 = width * plan.sector;
    // Filled again where the ring now starts (further out, so rows hold more); should that
    // reach further, the rows as planned, moved out with their ring.
    let start = inner + CARD_GAP * 1.01;
    let fill = fillCell(plan, f, start, cap);
    let moved = 0;
    if (fill.end > outer + 1e-9) {
      start = planned[plan.sector]![plan.ring]! + CARD_GAP * 1.01;
      fill = fillCell(plan, f, start, cap);
      moved = inner - planned[plan.sector]![plan.ring]!;
    }
    const { rows, rest } = fill;
    // The rows sit in the middle of the band's room.
    const shift = moved + Math.max(0, (outer - (fill.end + moved)) / 2);
    for (const row of rows) {
      const r0 = row.r0 + shift;
      const rc = r0 + row.h / 2;
      const inOrder = [...row.pieces].sort((a, b) => a.rel - b.rel || a.order - b.order);
      const spans = inOrder.map((p) => spanAt(p.w, r0));
      const gap = (width - spans.reduce((a, b) => a + b, 0)) / (inOrder.length + 1);
      let at = s0 + gap;
      inOrder.forEach((piece, i) => {
        const a = at + spans[i]! / 2;
        at += spans[i]! + gap;
        const p = fromPolar(rc, a);
        const base = { x: round(p.x), y: round(p.y), w: round(piece.w), h: round(piece.h), rotate: turnAt(a), ring: plan.ring, sector: plan.sector };
        if (piece.id === null) {
          out.stacks.push({ ...base, ids: rest.map((q) => q.id!).sort((x, y) => cards.findIndex((c) => c.id === x) - cards.findIndex((c) => c.id === y)) });
          return;
        }
        const em = ems.get(piece.id)![piece.shape]!;
        out.cards[piece.id] = { id: piece.id, ...base, lines: em.lines, font: round(f * 10000) / 10000, lineHeight: round(f * LINE * 10000) / 10000 };
      });
    }
  }
  for (const card of loose) {
    const em = ems.get(card.id)![2]!;
    const want = toDisplay(card, final);
    out.loose[card.id] = {
      id: card.id, x: want.x, y: want.y, rotate: 0, ring: -1, sector: -1,
      lines: em.lines, font: f, lineHeight: f * LINE, w: em.w * f, h: em.h * f,
    };
  }
  const obstacles = [...Object.values(out.cards), ...out.stacks].map(boundsOf);
  for (const token of tokens) out.tokens[token.id] = tokenSpot(toDisplay(token, final), obstacles, hub);
  return out;
}

/** The smallest the persona's disc may become when rings widen. */
export const MIN_CENTRE = 0.13;

/** Maps a radius from one set of ring edges onto another, piece by piece; beyond the rim it stays. */
function mapRadius(r: number, from: readonly number[], to: readonly number[]): number {
  if (r >= from[4]!) return r;
  if (r < from[0]!) return (r / from[0]!) * to[0]!;
  for (let i = 0; i < 4; i++) if (r < from[i + 1]!) return to[i]! + ((r - from[i]!) / (from[i + 1]! - from[i]!)) * (to[i + 1]! - to[i]!);
  return r;
}

/** Where a stored position is drawn on a layout's rings (`rings[sector]`). Same ring, same sector. */
export function toDisplay(p: Point, rings: readonly (readonly number[])[]): Point {
  const r = Math.hypot(p.x, p.y);
  if (r === 0 || r >= RING_EDGES[4]) return { x: p.x, y: p.y };
  const k = mapRadius(r, RING_EDGES, rings[sectorAt(angleOf(p), rings.length)]!) / r;
  return { x: round(p.x * k), y: round(p.y * k) };
}

/** The stored position for a point of the drawing on a layout's rings: where a drop lands. */
export function toCanonical(p: Point, rings: readonly (readonly number[])[]): Point {
  const r = Math.hypot(p.x, p.y);
  if (r === 0 || r >= RING_EDGES[4]) return { x: p.x, y: p.y };
  const k = mapRadius(r, rings[sectorAt(angleOf(p), rings.length)]!, RING_EDGES) / r;
  return { x: round(p.x * k), y: round(p.y * k) };
}

/** The nearest point to a token's own where its box covers no card: rings of candidates round it. */
function tokenSpot(token: Point, placed: readonly Box[], centre: number): Point {
  const limit = MAT_HALF - TOKEN_BOX.w / 2;
  const clear = (p: Point) => !placed.some((o) => boxesOverlap({ x: p.x, y: p.y, ...TOKEN_BOX }, o));
  const own = { x: token.x, y: token.y };
  // The persona in the middle stands on her own disc, where no card lies.
  if (Math.hypot(own.x, own.y) < centre || clear(own)) return own;

  for (let step = 1; step <= 60; step++) {
    const r = step * 0.02;
    const n = Math.max(8, Math.round((TAU * r) / 0.02));
    for (let i = 0; i < n; i++) {
      // Starting straight outwards from the wheel's middle, then alternating either side: the
      // same way on every device.
      const turn = (Math.ceil(i / 2) * (i % 2 === 0 ? 1 : -1) * TAU) / n;
      const a = angleOf(own) + turn;
      const p = { x: round(own.x + Math.sin(a) * r), y: round(own.y - Math.cos(a) * r) };
      if (Math.abs(p.x) > limit || Math.abs(p.y) > limit || !clear(p)) continue;
      return p;
    }
  }
  return own;
}

/** The band ring `ring` spans in sector `sector` of a layout's drawing, innermost ring 0. */
export function ringBand(layout: Pick<BoardLayout, 'rings'>, ring: number, sector: number): { inner: number; outer: number; supportType: (typeof SUPPORT_TYPES)[number] } {
  const edges = layout.rings[sector]!;
  return { inner: edges[ring]!, outer: edges[ring + 1]!, supportType: SUPPORT_TYPES[ring]! };
}

/*
 * Speed-ups. Nothing below changes what the layout draws: each cache returns what the function
 * it stands in for would compute, and layout.test.ts checks boards laid out with and without
 * them are equal. Laying out the client bench's board of sixteen cards took 40-65 ms in Node
 * before them (a cheap tablet is four times slower), nearly all of it setting the same labels
 * again; with them 1-4 ms, and under 2 ms when only a token moved.
 */

/** Whether the caches are used; off only in tests, which compare against the plain computation. */
let caching = true;

/** Turns the layout's caches off (and empties them) or on again; for tests. */
export function setLayoutCaching(on: boolean): void {
  caching = on;
  emCardsByHyphenator = new WeakMap();
  emCardsPlain.clear();
  fills.clear();
  planNumbers.clear();
}

/**
 * A label's settings depend on the label and the hyphenator alone, not on the font or the other
 * cards, so they are kept per hyphenator and label. At most this many labels per hyphenator (a
 * board has a few dozen; typed cards add some): past it the cache starts again.
 */
const EM_CARDS_KEPT = 2000;
let emCardsByHyphenator = new WeakMap<(word: string) => string, Map<string, EmCard[]>>();
const emCardsPlain = new Map<string, EmCard[]>();

function cachedEmCards(label: string, hyphenate?: (word: string) => string): EmCard[] {
  if (!caching) return emCards(label, hyphenate);
  let kept = hyphenate ? emCardsByHyphenator.get(hyphenate) : emCardsPlain;
  if (!kept) {
    kept = new Map();
    emCardsByHyphenator.set(hyphenate!, kept);
  }
  let settings = kept.get(label);
  if (!settings) {
    if (kept.size >= EM_CARDS_KEPT) kept.clear();
    settings = emCards(label, hyphenate);
    kept.set(label, settings);
  }
  return settings;
}

/** A cell's rows as `fillCell` in layoutBoard returns them. */
type CellFill = ReturnType<typeof fillRows> & { end: number };
type FillCell = (plan: CellPlan, f: number, start: number, cap: number) => CellFill;

/**
 * A cell's fill depends only on its cards (ids, settings, stored places, order), the font, where
 * its rows start, how many rows it may take and the sector's width. The layout tries it at
 * every font step and again where the ring finally starts, and a move changes one or two cells
 * of a board, so fills are kept across layouts by all of that. At most FILLS_KEPT fills are
 * kept; past it the cache starts again. Callers must not change what a fill returns.
 */
const FILLS_KEPT = 5000;
const fills = new Map<string, CellFill>();
/** Each distinct cell contents gets a short number, so a fill's key stays short to hash. */
const planNumbers = new Map<string, number>();
/** Numbers are never given twice, also after a clear, as a plan keeps the number it got. */
let nextPlanNumber = 0;
const planKeys = new WeakMap<CellPlan, number>();

function cachedFill(width: number, fill: FillCell): FillCell {
  if (!caching) return fill;
  return (plan, f, start, cap) => {
    let planKey = planKeys.get(plan);
    if (planKey === undefined) {
      const contents = JSON.stringify(plan);
      planKey = planNumbers.get(contents);
      if (planKey === undefined) {
        planKey = nextPlanNumber++;
        planNumbers.set(contents, planKey);
      }
      planKeys.set(plan, planKey);
    }
    const key = `${width} ${f} ${start} ${cap} ${planKey}`;
    let filled = fills.get(key);
    if (!filled) {
      if (fills.size >= FILLS_KEPT) {
        fills.clear();
        planNumbers.clear();
      }
      filled = fill(plan, f, start, cap);
      fills.set(key, filled);
    }
    return filled;
  };
}
