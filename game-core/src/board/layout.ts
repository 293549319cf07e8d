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
import { MAT_HALF, RING_EDGES, SUPPORT_TYPES, angleOf, fromPolar, locate, round, sectorAt, type Point } from './geometry';

const TAU = Math.PI * 2;

/** A card to lay out: its id, stored position and the text the wheel shows (its short label where it has one). */
export interface LayoutCardInput {
  id: string;
  x: number;
  y: number;
  label: string;
}

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
   * Where the rings are drawn: `rings[0]` is the persona disc's radius, ring i spans
   * `rings[i]`..`rings[i + 1]`, and `rings[4]` is the rim (always 1). Equal to RING_EDGES
   * unless a crowded ring widened.
   */
  rings: number[];
}

export interface LayoutOptions {
  sectorCount: number;
  /**
   * Where a word may be broken: the word with soft hyphens (U+00AD) at its break points. Pass a
   * real hyphenator for the language (the client uses the `hyphen` package's Dutch patterns);
   * game-core stays free of it. Without one, long words are cut where they must be.
   */
  hyphenate?: (word: string) => string;
  /** Pieces of ring no card may cover, e.g. a name printed on the wheel. */
  avoid?: readonly Extent[];
}

/** Label font on the wheel in mat units; 0.046 is 12 px on a 1024×768 tablet and over 18 px on a 1920×1080 screen (see docs/architecture.md). */
export const CARD_FONT = 0.04;
const PAD_X = 0.024;
const PAD_Y = 0.014;
const LINE = 1.1;
/** Room kept between two boxes and between a box and a ring edge. */
export const CARD_GAP = 0.008;
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
 * About how wide a text is in bold sans-serif, in ems. Generous on purpose (DejaVu Sans Bold,
 * among the widest a projector PC may have), so a line never runs past its card.
 */
export function emWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    if (/[\siljI.,;:'!|]/.test(ch)) width += 0.35;
    else if (/[tfr()[\]\-/]/.test(ch)) width += 0.49;
    else if (/[mwMW]/.test(ch)) width += 1.02;
    else if (/\p{Lu}|\d/u.test(ch)) width += 0.77;
    else width += 0.67;
  }
  return width;
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

/** Fractions of a sector's angle tried along each row. */
const COMB = Array.from({ length: 17 }, (_, i) => 0.02 + (0.96 * i) / 16);

interface Candidate {
  r: number;
  a: number;
  p: Point;
}

/** The radii at which a tangential card of this size lies in rows inside a band. */
function rowRadii(inner: number, outer: number, size: { w: number; h: number }): number[] {
  const lo = inner + CARD_GAP * 1.01 + size.h / 2;
  const far = (outer - CARD_GAP * 1.01) ** 2 - (size.w / 2) ** 2;
  if (far <= 0) return [];
  const hi = Math.sqrt(far) - size.h / 2;
  if (hi < lo) return [];
  // A row's outer corners reach further out than its middle; the next row starts beyond them.
  const out = [lo];
  for (;;) {
    const last = out[out.length - 1]!;
    const next = Math.hypot(last + size.h / 2, size.w / 2) + CARD_GAP * 2.02 + size.h / 2;
    if (next > hi) break;
    out.push(next);
  }
  // One row: in the band's middle, where it looks as meant.
  if (out.length === 1) return [(lo + hi) / 2];
  return out;
}

/**
 * Lays out one board. Deterministic: the same input gives the same drawing on every device.
 * Cards are placed in input order; pass them in the order they came onto the board.
 *
 * The rings start as printed on the mat (RING_EDGES). Where a cell holds more than one row of
 * cards can show, its ring widens (up to three rows deep) and the others and the persona's
 * disc give way; `rings` says where the drawn rings lie, and `toDisplay`/`toCanonical` map
 * between the stored positions and the drawing.
 */
export function layoutBoard(cards: readonly LayoutCardInput[], tokens: readonly LayoutTokenInput[], options: LayoutOptions): BoardLayout {
  const settings = new Map(cards.map((c) => [c.id, CARD_SHAPES.map((shape) => setLabel(c.label, options.hyphenate, shape))]));
  // A ring nobody put a card in may grow thin; one with cards keeps at least a row.
  const used = [0, 1, 2, 3].map((ring) => cards.some((c) => { const cell = locate(c, options.sectorCount); return cell.kind === 'ring' && cell.ring === ring; }));
  let rows: number[] = used.map((u) => (u ? 1 : 0.5));
  let best = layoutTwice(RING_EDGES, cards, settings, options);
  // Widen a ring that stacks cards by a row (whichever shows most), and again, while that shows more.
  for (let attempt = 0; attempt < 4 && best.stacks.length > 0; attempt++) {
    let better: { rows: number[]; layout: BoardLayout } | null = null;
    for (let ring = 0; ring < 4; ring++) {
      if (!best.stacks.some((s) => s.ring === ring) || rows[ring]! >= MAX_ROWS) continue;
      const next = rows.map((n, i) => (i === ring ? n + 1 : n));
      const tried = layoutTwice(ringsFor(next), cards, settings, options);
      if (drawnCount(tried) > drawnCount(better?.layout ?? best) && complete(tried, cards, options.sectorCount)) better = { rows: next, layout: tried };
    }
    if (!better) break;
    ({ rows, layout: best } = better);
  }
  const obstacles = [...Object.values(best.cards), ...best.stacks].map(boundsOf);
  const inner = best.rings[0]!;
  for (const token of tokens) best.tokens[token.id] = tokenSpot(toDisplay(token, best.rings), obstacles, inner);
  return best;
}

/** The deepest a ring may grow, in rows of cards. */
const MAX_ROWS = 4;
/** The smallest the persona's disc may become when rings widen. */
export const MIN_CENTRE = 0.13;

/** Whether every card on the rings is drawn or in a stack. */
function complete(layout: BoardLayout, cards: readonly LayoutCardInput[], sectorCount: number): boolean {
  const stacked = new Set(layout.stacks.flatMap((s) => s.ids));
  return cards.every((c) => locate(c, sectorCount).kind !== 'ring' || layout.cards[c.id] !== undefined || stacked.has(c.id));
}

function drawnCount(layout: BoardLayout): number {
  return Object.keys(layout.cards).length;
}

/** Ring edges where ring i is `rows[i]` parts deep, between MIN_CENTRE and the rim. */
function ringsFor(rows: readonly number[]): number[] {
  const total = rows.reduce((a, b) => a + b, 0);
  const edges = [MIN_CENTRE];
  let at = MIN_CENTRE;
  for (const n of rows) edges.push((at = round(at + ((RING_EDGES[4] - MIN_CENTRE) * n) / total)));
  edges[4] = RING_EDGES[4];
  return edges;
}

/** Maps a radius from one set of ring edges onto another, piece by piece; beyond the rim it stays. */
function mapRadius(r: number, from: readonly number[], to: readonly number[]): number {
  if (r >= from[4]!) return r;
  if (r < from[0]!) return (r / from[0]!) * to[0]!;
  for (let i = 0; i < 4; i++) if (r < from[i + 1]!) return to[i]! + ((r - from[i]!) / (from[i + 1]! - from[i]!)) * (to[i + 1]! - to[i]!);
  return r;
}

/** Where a stored position is drawn on rings `rings` (a layout's). Same ring, same sector. */
export function toDisplay(p: Point, rings: readonly number[]): Point {
  const r = Math.hypot(p.x, p.y);
  if (r === 0 || r >= RING_EDGES[4]) return { x: p.x, y: p.y };
  const k = mapRadius(r, RING_EDGES, rings) / r;
  return { x: round(p.x * k), y: round(p.y * k) };
}

/** The stored position for a point of the drawing on rings `rings`: where a drop lands. */
export function toCanonical(p: Point, rings: readonly number[]): Point {
  const r = Math.hypot(p.x, p.y);
  if (r === 0 || r >= RING_EDGES[4]) return { x: p.x, y: p.y };
  const k = mapRadius(r, rings, RING_EDGES) / r;
  return { x: round(p.x * k), y: round(p.y * k) };
}

/**
 * A layout on these rings, and a second one with the badges of the cells that overflowed in
 * the first placed before the cards; whichever shows more cards.
 */
function layoutTwice(
  edges: readonly number[],
  cards: readonly LayoutCardInput[],
  settingsOf: ReadonlyMap<string, ReturnType<typeof setLabel>[]>,
  options: LayoutOptions,
): BoardLayout {
  const first = layoutWith(edges, cards, settingsOf, options);
  if (first.stacks.length === 0) return first;
  const second = layoutWith(edges, cards, settingsOf, options, new Set(first.stacks.map((st) => `${st.ring}:${st.sector}`)));
  return drawnCount(second) > drawnCount(first) && complete(second, cards, options.sectorCount) ? second : first;
}

function layoutWith(
  edges: readonly number[],
  cards: readonly LayoutCardInput[],
  settingsOf: ReadonlyMap<string, ReturnType<typeof setLabel>[]>,
  options: LayoutOptions,
  reserve: ReadonlySet<string> = new Set(),
): BoardLayout {
  const { sectorCount } = options;
  const taken: Extent[] = [...(options.avoid ?? [])];
  const out: BoardLayout = { cards: {}, stacks: [], tokens: {}, loose: {}, rings: [...edges] };
  const cellOf = new Map<string, { ring: number; sector: number }>();
  const byCell = new Map<string, string[]>();
  const overflow = new Map<string, string[]>();
  const extentOf = new Map<string, Extent>();
  const reservedExtent = new Map<CardStack, Extent>();

  /**
   * The free spot nearest `want` where one of `sizes` fits, and which one. Candidates are the
   * rows a card of that size makes in its ring (touching the inner edge, then each row out,
   * touching the rim side) and, along each row, a comb of angles across the sector plus the
   * angles just beside every piece already placed, so cards pack edge to edge.
   */
  const freeSpot = <S extends { w: number; h: number }>(ring: number, sector: number, sizes: readonly S[], want: Point) => {
    const inner = edges[ring]!;
    const outer = edges[ring + 1]!;
    const width = TAU / sectorCount;
    const s0 = width * sector;
    const s1 = s0 + width;
    let best = null as { c: Candidate; size: S; extent: Extent } | null;
    let bestD = Number.POSITIVE_INFINITY;
    // Tight spots first (against the sector's sides or beside a placed piece), so cards pack
    // edge to edge; the comb across the sector only when none of those is free.
    for (const tight of [true, false]) {
      for (const size of sizes) {
        for (const r of rowRadii(inner, outer, size)) {
          const half = Math.atan(size.w / 2 / (r - size.h / 2));
          // Most of a card lies in its own sector: its centre keeps this far from the lines.
          const margin = Math.min(half, width * 0.3);
          const angles = tight ? [s0 + margin, s1 - margin] : COMB.map((f) => s0 + width * f);
          // Only pieces at about this radius can be in the way (or be a neighbour to lie against).
          const reach = Math.hypot(r + size.h / 2, size.w / 2);
          const near = taken.filter((o) => o.r0 < reach + CARD_GAP && r - size.h / 2 < o.r1 + CARD_GAP);
          if (tight) {
            for (const o of near) {
              const pad = (CARD_GAP * 1.01) / Math.max(Math.min(o.r0, r - size.h / 2), 0.05);
              angles.push(o.a1 + half + pad, o.a0 - half - pad);
            }
          }
          for (const raw of angles) {
            const a = ((raw % TAU) + TAU) % TAU;
            const inSector = (x: number) => x >= s0 + margin - 1e-9 && x <= s1 - margin + 1e-9;
            if (!inSector(a) && !inSector(a + TAU)) continue;
            const p = fromPolar(r, a);
            const d = (p.x - want.x) ** 2 + (p.y - want.y) ** 2;
            if (d >= bestD) continue;
            const extent = extentAt(r, a, size.w, size.h);
            if (!extentInBand(extent, inner, outer, CARD_GAP)) continue;
            if (near.some((o) => extentsOverlap(extent, o, CARD_GAP))) continue;
            // The sector by angle alone: on widened rings `locate` (the mat's rings) would misjudge the radius.
            if (sectorAt(angleOf(p), sectorCount) !== sector) continue;
            best = { c: { r, a, p }, size, extent };
            bestD = d;
          }
        }
        // The first size (the widest that shows the whole label) wins where it fits at all.
        if (best) break;
      }
      if (best) break;
    }
    return best;
  };

  // Cells known to overflow get their badge first, in their middle, so their cards and their
  // neighbours' fill round it instead of being pushed out for it afterwards.
  const reserved = new Map<string, CardStack>();
  for (const key of reserve) {
    const [ring, sector] = key.split(':').map(Number) as [number, number];
    const mid = fromPolar((edges[ring]! + edges[ring + 1]!) / 2, (TAU / sectorCount) * (sector + 0.5));
    const spot = freeSpot(ring, sector, [STACK_BOX], mid);
    if (!spot) continue;
    const stack: CardStack = { x: round(spot.c.p.x), y: round(spot.c.p.y), ...STACK_BOX, rotate: turnAt(spot.c.a), ring, sector, ids: [] };
    reserved.set(key, stack);
    reservedExtent.set(stack, spot.extent);
    taken.push(spot.extent);
  }

  for (const card of cards) {
    const cell = locate(card, sectorCount);
    const settings = settingsOf.get(card.id)!;
    const want = toDisplay(card, edges);
    if (cell.kind !== 'ring') {
      out.loose[card.id] = { id: card.id, x: want.x, y: want.y, rotate: 0, ring: -1, sector: -1, ...strip(settings[1]!) };
      continue;
    }
    const key = `${cell.ring}:${cell.sector}`;
    cellOf.set(card.id, { ring: cell.ring, sector: cell.sector });
    byCell.set(key, [...(byCell.get(key) ?? []), card.id]);
    // A shape that shows the whole label wins over one that cuts it short. Once a cell
    // overflows, its later cards join the stack, so the stack keeps their order.
    const whole = settings.filter((s) => !s.cut);
    const badge = reserved.get(key);
    const spot = overflow.has(key) || (badge && badge.ids.length > 0)
      ? null
      : ((whole.length > 0 ? freeSpot(cell.ring, cell.sector, whole, want) : null) ?? freeSpot(cell.ring, cell.sector, settings, want));
    if (spot) {
      out.cards[card.id] = {
        id: card.id,
        x: round(spot.c.p.x),
        y: round(spot.c.p.y),
        rotate: turnAt(spot.c.a),
        ring: cell.ring,
        sector: cell.sector,
        ...strip(spot.size),
      };
      extentOf.set(card.id, spot.extent);
      taken.push(spot.extent);
    } else if (badge) badge.ids.push(card.id);
    else overflow.set(key, [...(overflow.get(key) ?? []), card.id]);
  }
  for (const [key, stack] of reserved) {
    if (stack.ids.length > 0) out.stacks.push(stack);
    else {
      // Everything fitted after all: the badge's room goes back.
      taken.splice(taken.indexOf(reservedExtent.get(stack)!), 1);
      reserved.delete(key);
    }
  }

  const evict = (id: string) => {
    const extent = extentOf.get(id)!;
    taken.splice(taken.indexOf(extent), 1);
    delete out.cards[id];
    const { ring, sector } = cellOf.get(id)!;
    const key = `${ring}:${sector}`;
    const stack = out.stacks.find((s) => s.ring === ring && s.sector === sector);
    if (stack) {
      if (!stack.ids.includes(id)) stack.ids.push(id);
    } else {
      const list = overflow.get(key) ?? [];
      if (!list.includes(id)) list.push(id);
      overflow.set(key, list);
      if (!queue.includes(key)) queue.push(key);
    }
  };
  const queue = [...overflow.keys()];
  while (queue.length > 0) {
    const key = queue.shift()!;
    const ids = overflow.get(key)!;
    const { ring, sector } = cellOf.get(ids[0]!)!;
    const placedStack = out.stacks.find((st) => st.ring === ring && st.sector === sector);
    if (placedStack) {
      for (const id of ids) if (!placedStack.ids.includes(id)) placedStack.ids.push(id);
      continue;
    }
    const mid = fromPolar((edges[ring]! + edges[ring + 1]!) / 2, (TAU / sectorCount) * (sector + 0.5));
    let spot = freeSpot(ring, sector, [STACK_BOX], mid);
    // No room even for the badge: the cell's latest drawn card joins the stack and frees its place.
    const drawn = (byCell.get(key) ?? []).filter((id) => out.cards[id]);
    while (!spot && drawn.length > 0) {
      const id = drawn.pop()!;
      taken.splice(taken.indexOf(extentOf.get(id)!), 1);
      delete out.cards[id];
      ids.push(id);
      spot = freeSpot(ring, sector, [STACK_BOX], mid);
    }
    if (!spot) {
      // Neighbours' cards lean over this whole cell: those covering its middle make way for the
      // badge and join their own cells' stacks. Every round draws fewer cards, so this ends;
      // badges sit in their cells' middles, which lie far enough apart for two badges.
      const r = rowRadii(edges[ring]!, edges[ring + 1]!, STACK_BOX)[0];
      if (r === undefined) continue; // a ring too thin for a badge holds no cards: rings with cards keep a row
      const a = (TAU / sectorCount) * (sector + 0.5);
      const want = extentAt(r, a, STACK_BOX.w, STACK_BOX.h);
      let moved = false;
      for (const [id, extent] of extentOf) {
        if (!out.cards[id] || !extentsOverlap(want, extent, CARD_GAP)) continue;
        evict(id);
        moved = true;
      }
      if (!moved) {
        // Still no room: everything leaning into this cell makes way.
        const whole: Extent = { r0: edges[ring]!, r1: edges[ring + 1]!, a0: (TAU / sectorCount) * sector, a1: (TAU / sectorCount) * (sector + 1) };
        for (const [id, extent] of extentOf) {
          if (!out.cards[id] || !extentsOverlap(whole, extent)) continue;
          evict(id);
          moved = true;
        }
      }
      if (moved) queue.push(key);
      continue;
    }
    const order = byCell.get(key)!;
    ids.sort((a, b) => order.indexOf(a) - order.indexOf(b));
    const stack: CardStack = { x: round(spot.c.p.x), y: round(spot.c.p.y), ...STACK_BOX, rotate: turnAt(spot.c.a), ring, sector, ids };
    out.stacks.push(stack);
    taken.push(spot.extent);
  }
  return out;
}

function strip({ lines, font, lineHeight, w, h }: LabelSetting & { w: number; h: number }) {
  return { lines, font, lineHeight, w, h };
}

/** The nearest point to a token's own where its box covers no card: rings of candidates round it. */
function tokenSpot(token: Point, placed: readonly Box[], centre: number): Point {
  const clear = (p: Point) => !placed.some((o) => boxesOverlap({ x: p.x, y: p.y, ...TOKEN_BOX }, o));
  const own = { x: token.x, y: token.y };
  // The persona in the middle stands on her own disc, where no card lies.
  if (Math.hypot(own.x, own.y) < centre || clear(own)) return own;
  const limit = MAT_HALF - TOKEN_BOX.w / 2;
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

/** The band ring `ring` spans in a layout's drawing, innermost ring 0. */
export function ringBand(layout: Pick<BoardLayout, 'rings'>, ring: number): { inner: number; outer: number; supportType: (typeof SUPPORT_TYPES)[number] } {
  return { inner: layout.rings[ring]!, outer: layout.rings[ring + 1]!, supportType: SUPPORT_TYPES[ring]! };
}
