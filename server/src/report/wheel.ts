import { RING_EDGES, SUPPORT_TYPES, cardLayout, locate, type CardOnBoard, type ReportBoard, type SessionReport, type SupportType } from '@samenspel/game-core';
import { C, type Flow } from './layout';

/*
 * The wheel as vector graphics: rings, sectors, the persona, links and cards. Card boxes and
 * their type size come from game-core's cardLayout, the same as on every screen; where each
 * card sits comes from placeCards alone.
 */

// The same tints as the client's board (client/src/board/view.ts), so paper and screen match.
export const RING_FILL: Record<SupportType, string> = { eigen: '#f9dda4', informeel: '#b7e1d1', gemeente: '#c6e3f6', landelijk: '#ecd2e2' };
export const RING_INK: Record<SupportType, string> = { eigen: '#8a5a00', informeel: '#00664a', gemeente: '#005a8c', landelijk: '#8c3d6e' };

export type Mark = 'added' | 'moved' | 'removed' | null;

export interface WheelCard {
  card: CardOnBoard;
  mark: Mark;
}

/** A card where it is drawn, in wheel units (the rim has radius 1). */
export interface PlacedCard extends WheelCard {
  x: number;
  y: number;
  w: number;
  h: number;
  font: number;
  /** The label's lines, as every screen sets them. */
  lines: string[];
}

// The horizontal padding inside a card, as in game-core's cardLayout.
const CARD_PAD_X = 0.04;

/**
 * Where each card of a board is drawn. Cards are laid down one by one, those that stay first
 * and ended ones last; a card that would cover one already down goes to the nearest free
 * spot on the wheel, so a card an event ended stays readable beside the ones that replaced it.
 */
export function placeCards(cards: readonly WheelCard[], sectorCount: number): PlacedCard[] {
  const rank = (c: WheelCard) => (c.mark === 'removed' ? 2 : c.mark ? 1 : 0);
  const order = cards.map((c, i) => ({ c, i })).sort((a, b) => rank(a.c) - rank(b.c) || a.i - b.i);
  const placed: PlacedCard[] = [];
  const free = (p: PlacedCard, x: number, y: number) =>
    Math.hypot(Math.abs(x) + p.w / 2, Math.abs(y) + p.h / 2) <= 1 &&
    [PERSONA, ...placed].every((q) => Math.abs(q.x - x) >= (q.w + p.w) / 2 + GAP || Math.abs(q.y - y) >= (q.h + p.h) / 2 + GAP);
  const result = new Array<PlacedCard>(cards.length);
  for (const { c, i } of order) {
    const cell = locate(c.card, sectorCount);
    const layout = cardLayout(c.card.label, cell.kind === 'ring' ? cell.ring : null);
    const p: PlacedCard = { ...c, x: c.card.x, y: c.card.y, w: layout.w, h: layout.h, font: layout.font, lines: layout.lines };
    if (!free(p, p.x, p.y)) {
      const spot = nearestFree(p, free);
      if (spot) Object.assign(p, spot);
    }
    placed.push(p);
    result[i] = p;
  }
  return result;
}

// Room left between two cards, in wheel units.
const GAP = 0.008;
// The persona in the centre, which no card covers.
const PERSONA = { x: 0, y: 0, w: RING_EDGES[0] * 1.6, h: RING_EDGES[0] * 1.6 };

/** The free spot closest to a card's own, searched on widening circles; null when the wheel is full. */
function nearestFree(p: PlacedCard, free: (p: PlacedCard, x: number, y: number) => boolean): { x: number; y: number } | null {
  for (let d = 0.02; d <= 2; d += 0.02) {
    const steps = Math.max(12, Math.ceil((2 * Math.PI * d) / 0.02));
    for (let k = 0; k < steps; k++) {
      const a = (k / steps) * 2 * Math.PI;
      const x = p.card.x + Math.cos(a) * d;
      const y = p.card.y + Math.sin(a) * d;
      if (free(p, x, y)) return { x, y };
    }
  }
  return null;
}

/** Draws a board's wheel with its centre at (cx, cy) and rim radius r, in points. */
export function drawWheel(flow: Flow, report: SessionReport, board: ReportBoard, cx: number, cy: number, r: number): void {
  const { doc } = flow;
  const sectors = report.sectors;
  for (let ring = SUPPORT_TYPES.length - 1; ring >= 0; ring--) {
    doc.circle(cx, cy, RING_EDGES[ring + 1]! * r).fill(RING_FILL[SUPPORT_TYPES[ring]!]);
  }
  const width = (Math.PI * 2) / sectors.length;
  doc.lineWidth(1.4).strokeColor('#ffffff');
  sectors.forEach((_, i) => {
    const a = i * width;
    doc.moveTo(cx + Math.sin(a) * RING_EDGES[0] * r, cy - Math.cos(a) * RING_EDGES[0] * r).lineTo(cx + Math.sin(a) * r, cy - Math.cos(a) * r).stroke();
  });
  doc.lineWidth(1);
  for (const edge of RING_EDGES.slice(1, 4)) doc.circle(cx, cy, edge * r).stroke();
  doc.circle(cx, cy, r).lineWidth(0.8).strokeColor(C.rim).stroke();

  sectors.forEach((sector, i) => {
    const a = (i + 0.5) * width;
    const lw = 62;
    const label = flow.block(sector.label, 'bold', 6.5, lw, { align: 'center', maxLines: 3 });
    // The box's edge nearest the wheel touches a circle just outside the rim, so side labels
    // stand beside the wheel and top and bottom ones above and below it.
    const px = cx + Math.sin(a) * (r + 4 + lw / 2);
    const py = cy - Math.cos(a) * (r + 4 + label.height / 2);
    flow.draw(label, px - lw / 2, py - label.height / 2, lw, C.ink);
  });

  doc.circle(cx, cy, RING_EDGES[0] * r).lineWidth(1.2).fillAndStroke('#ffffff', C.persona);
  const inner = RING_EDGES[0] * r * 1.6;
  const name = flow.block(report.scenario.persona.name, 'bold', 7, inner, { align: 'center', maxLines: 1 });
  flow.draw(name, cx - inner / 2, cy - name.height + 1, inner, C.ink);
  flow.draw(flow.block(String(board.table.personaAge), 'regular', 6, inner, { align: 'center' }), cx - inner / 2, cy + 1, inner, C.muted);

  const added = new Set(board.changes?.added ?? []);
  const moved = new Set(board.changes?.moved ?? []);
  const cards: WheelCard[] = [
    ...Object.values(board.table.cards).map((card): WheelCard => ({ card, mark: added.has(card.id) ? 'added' : moved.has(card.id) ? 'moved' : null })),
    ...(board.changes?.removed ?? []).map((card): WheelCard => ({ card, mark: 'removed' })),
  ];
  const placed = placeCards(cards, sectors.length);
  const at = new Map(placed.filter((p) => p.mark !== 'removed').map((p) => [p.card.id, { x: cx + p.x * r, y: cy + p.y * r }]));
  doc.lineWidth(0.9).strokeColor(C.ink).strokeOpacity(0.75);
  for (const link of board.table.links) {
    const p = at.get(link.from);
    const q = at.get(link.to);
    if (p && q) doc.moveTo(p.x, p.y).lineTo(q.x, q.y).stroke();
  }
  doc.strokeOpacity(1);
  // Ended cards last: whatever the placement, they are never under another card.
  for (const p of [...placed.filter((c) => c.mark !== 'removed'), ...placed.filter((c) => c.mark === 'removed')]) drawCard(flow, p, sectors.length, cx, cy, r);
}

function drawCard(flow: Flow, p: PlacedCard, sectorCount: number, cx: number, cy: number, r: number): void {
  const { doc } = flow;
  const cell = locate(p.card, sectorCount);
  const ink = cell.kind === 'ring' ? RING_INK[cell.supportType] : C.rim;
  const w = p.w * r;
  const h = p.h * r;
  const x = cx + p.x * r - w / 2;
  const y = cy + p.y * r - h / 2;
  if (p.mark === 'removed') {
    doc.roundedRect(x, y, w, h, 2).dash(2, { space: 1.5 }).lineWidth(0.8).fillAndStroke('#ffffff', C.removed);
    doc.undash();
  } else {
    const stroke = p.mark === 'added' ? C.added : p.mark === 'moved' ? C.moved : ink;
    doc.roundedRect(x, y, w, h, 2).lineWidth(p.mark ? 1.4 : 0.7).fillAndStroke('#ffffff', stroke);
  }
  // The lines game-core set for this box (the same as on screen), each shrunk if DejaVu runs wider.
  const inner = w - CARD_PAD_X * r;
  const size = p.font * r;
  const step = size * 1.12;
  let ly = y + (h - p.lines.length * step) / 2;
  for (const text of p.lines) {
    let line = flow.block(text, 'bold', size, Number.POSITIVE_INFINITY, { align: 'center' });
    const wide = line.lines[0]?.width ?? 0;
    if (wide > inner) line = flow.block(text, 'bold', (size * inner) / wide, Number.POSITIVE_INFINITY, { align: 'center' });
    flow.draw(line, x + (w - inner) / 2, ly + (step - line.height) / 2, inner, p.mark === 'removed' ? C.removed : C.ink);
    ly += step;
  }
}
