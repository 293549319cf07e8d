/**
 * Wheel geometry. Positions are in "mat units": the wheel's outer edge has radius 1 and the
 * centre of the wheel is (0, 0). Screen orientation: x grows to the right, y grows downwards,
 * so sector 0 starts at twelve o'clock and sectors run clockwise, as people read a clock.
 */

/** The four support types, innermost ring first. The order is the ring order on the board. */
export const SUPPORT_TYPES = ['eigen', 'informeel', 'gemeente', 'landelijk'] as const;
export type SupportType = (typeof SUPPORT_TYPES)[number];

/** Radius of the persona disc in the middle; cards cannot lie there. */
export const CENTRE_RADIUS = 0.2;
/** The mat around the wheel: tokens (people) may stand anywhere within this square. */
export const MAT_HALF = 1.3;

/** Ring edges from the centre disc to the outer edge; ring i spans [edges[i], edges[i+1]). */
export const RING_EDGES = [CENTRE_RADIUS, 0.4, 0.6, 0.8, 1.0] as const;

export interface Point {
  x: number;
  y: number;
}

export type Cell =
  | { kind: 'centre' }
  | { kind: 'ring'; ring: number; supportType: SupportType; sector: number }
  | { kind: 'outside' };

const TAU = Math.PI * 2;

export function radiusOf(p: Point): number {
  return Math.hypot(p.x, p.y);
}

/** Angle in radians from twelve o'clock, clockwise, in [0, 2π). */
export function angleOf(p: Point): number {
  const a = Math.atan2(p.x, -p.y);
  return a < 0 ? a + TAU : a;
}

/** Ring index (0 = eigen kracht … 3 = landelijk) for a radius, or null outside the rings. */
export function ringAt(radius: number): number | null {
  if (!(radius >= CENTRE_RADIUS)) return null;
  // The outer edge itself still belongs to the outer ring, so a card dropped on the rim counts.
  if (radius > RING_EDGES[4]) return null;
  for (let i = 0; i < 4; i++) {
    if (radius < RING_EDGES[i + 1]!) return i;
  }
  return 3;
}

/** Sector index for an angle, with `count` equal sectors starting at twelve o'clock. */
export function sectorAt(angle: number, count: number): number {
  if (count < 1) throw new RangeError('a wheel needs at least one sector');
  const norm = ((angle % TAU) + TAU) % TAU;
  const pos = (norm / TAU) * count;
  // A point on a sector edge belongs to the sector starting there, but atan2 and the division
  // can land a hair short of the edge (e.g. (0.5, 0.5) with 8 sectors); snap onto it. An angle
  // a hair under 2π snaps to `count`, which folds back to sector 0.
  const edge = Math.round(pos);
  const sector = Math.abs(pos - edge) < 1e-12 ? edge : Math.floor(pos);
  return sector % count;
}

/** Where a point lies on a wheel with `sectorCount` sectors. */
export function locate(p: Point, sectorCount: number): Cell {
  const r = radiusOf(p);
  if (r < CENTRE_RADIUS) return { kind: 'centre' };
  const ring = ringAt(r);
  if (ring === null) return { kind: 'outside' };
  return { kind: 'ring', ring, supportType: SUPPORT_TYPES[ring]!, sector: sectorAt(angleOf(p), sectorCount) };
}

export function fromPolar(radius: number, angle: number): Point {
  return { x: round(Math.sin(angle) * radius), y: round(-Math.cos(angle) * radius) };
}

/**
 * A spot inside a cell. `slot` of `slots` spreads several cards in the same cell over a small
 * grid so that starting cards do not lie on top of each other.
 */
export function cellPoint(ring: number, sector: number, sectorCount: number, slot = 0, slots = 1): Point {
  const inner = RING_EDGES[ring]!;
  const outer = RING_EDGES[ring + 1]!;
  const width = TAU / sectorCount;
  const cols = Math.min(Math.max(slots, 1), 3);
  const rows = Math.ceil(Math.max(slots, 1) / cols);
  const col = slot % cols;
  const row = Math.floor(slot / cols) % rows;
  const angle = width * sector + (width * (col + 0.5)) / cols;
  const radius = inner + ((outer - inner) * (row + 0.5)) / rows;
  return fromPolar(radius, angle);
}

/** A position that keeps its angle (sector) but moves into the middle of another ring. */
export function moveToRing(p: Point, ring: number, sectorCount: number, sector?: number): Point {
  const inner = RING_EDGES[ring]!;
  const outer = RING_EDGES[ring + 1]!;
  const width = TAU / sectorCount;
  const radius = (inner + outer) / 2;
  const angle = angleOf(p);
  const target = sector ?? sectorAt(angle, sectorCount);
  if (sectorAt(angle, sectorCount) === target) {
    const kept = fromPolar(radius, angle);
    // Rounding to four decimals can tip a point lying on a sector edge into the neighbour.
    if (sectorAt(angleOf(kept), sectorCount) === target) return kept;
  }
  return fromPolar(radius, width * (target + 0.5));
}

/*
 * Where tokens start, clockwise from the top: round the mat's edge, outside the sector names
 * on the rim, far enough apart for their name labels. There are none beside the middle of the
 * left and right sides, where the mat is too narrow beside the wheel for a name label to clear
 * the sector names, nor in the top-left corner, which the big screen keeps free for its
 * full-screen button.
 */
const TOKEN_SLOTS: readonly Point[] = [
  { x: -0.4, y: -1.17 },
  { x: 0.08, y: -1.17 },
  { x: 0.56, y: -1.17 },
  { x: 1.06, y: -1.17 },
  { x: 1.2, y: -0.92 },
  { x: 1.2, y: -0.66 },
  { x: 1.2, y: 0.66 },
  { x: 1.2, y: 0.92 },
  { x: 1.06, y: 1.17 },
  { x: 0.53, y: 1.17 },
  { x: 0, y: 1.17 },
  { x: -0.53, y: 1.17 },
  { x: -1.06, y: 1.17 },
  { x: -1.2, y: 0.92 },
  { x: -1.2, y: 0.66 },
  { x: -1.2, y: -0.66 },
  { x: -1.2, y: -0.92 },
];

/** Start positions for tokens: spread evenly over the slots round the wheel, or round a circle when there are more tokens than slots. */
export function tokenStartPoint(index: number, count: number): Point {
  if (count <= TOKEN_SLOTS.length) return TOKEN_SLOTS[Math.floor(((index + 0.5) * TOKEN_SLOTS.length) / Math.max(count, 1))]!;
  return fromPolar(1.15, (TAU * (index + 0.5)) / count);
}

export function isOnMat(p: Point): boolean {
  return Number.isFinite(p.x) && Number.isFinite(p.y) && Math.abs(p.x) <= MAT_HALF && Math.abs(p.y) <= MAT_HALF;
}

/** Positions travel over the wire; four decimals is far finer than any screen. */
export function round(n: number): number {
  return Math.round(n * 10000) / 10000;
}
