import {
  CARD_PAD_EM,
  SUPPORT_TYPES,
  layoutBoard,
  locate,
  own,
  type BoardLayout,
  type CardOnBoard,
  type PlacedCard,
  type ReportBoard,
  type SessionReport,
  type SupportType,
} from '@samenspel/game-core';
import { C, type Flow } from './layout';
import { hyphenateWord, type Language } from './text';

/*
 * The wheel as vector graphics: rings, sectors, the persona, links and cards. Where each card
 * lies, how big it is and how its label is set all come from game-core's layoutBoard, the
 * same as on every screen; this file only draws what it says.
 */

// The same tints as the client's board (client/src/board/view.ts), so paper and screen match.
export const RING_FILL: Record<SupportType, string> = { eigen: '#f9dda4', informeel: '#b7e1d1', gemeente: '#c6e3f6', landelijk: '#ecd2e2' };
export const RING_INK: Record<SupportType, string> = { eigen: '#8a5a00', informeel: '#00664a', gemeente: '#005a8c', landelijk: '#8c3d6e' };

export type Mark = 'added' | 'moved' | 'removed' | null;

/** A board as it is drawn: the shared layout, plus how each card is marked since the board before. */
export interface WheelDrawing {
  layout: BoardLayout;
  cards: Map<string, CardOnBoard>;
  marks: Map<string, Mark>;
}

/**
 * Lays out a board with the cards an event ended still on it, so they show beside the cards
 * that replaced them. Cards go in the order they came onto the board: those of the board
 * before (ended ones included) first, new ones after, so a new card never pushes an older one.
 */
export function wheelDrawing(
  board: ReportBoard,
  previous: ReportBoard | undefined,
  sectorCount: number,
  language: Language,
  wheelLabels: Readonly<Record<string, string>> = {},
): WheelDrawing {
  const removed = board.changes?.removed ?? [];
  const cards = new Map<string, CardOnBoard>();
  for (const id of Object.keys(previous?.table.cards ?? {})) {
    const card = own(board.table.cards, id) ?? removed.find((c) => c.id === id);
    if (card) cards.set(id, card);
  }
  for (const card of [...Object.values(board.table.cards), ...removed]) if (!cards.has(card.id)) cards.set(card.id, card);
  const marks = new Map<string, Mark>();
  for (const id of board.changes?.added ?? []) marks.set(id, 'added');
  for (const id of board.changes?.moved ?? []) marks.set(id, 'moved');
  for (const card of removed) marks.set(card.id, 'removed');
  // The words every screen shows on the wheel: the scenario's short label where it has one.
  const wheelLabel = (c: CardOnBoard) => (c.defId ? own(wheelLabels, c.defId) : undefined) ?? c.label;
  const layout = layoutBoard(
    [...cards.values()].map((c) => ({ id: c.id, x: c.x, y: c.y, label: wheelLabel(c) })),
    [],
    // Paper is read, not tapped: every card shows, as small as it must (see docs/architecture.md).
    { sectorCount, hyphenate: hyphenateWord(language), minFont: 0.021 },
  );
  return { layout, cards, marks };
}

/** Cards the layout put in a stack badge, by label: listed beside the wheel so none is lost. */
export function stackedLabels(drawing: WheelDrawing): string[] {
  return drawing.layout.stacks.flatMap((s) => s.ids.map((id) => drawing.cards.get(id)?.label ?? id));
}

/** Draws a board's wheel with its centre at (cx, cy) and rim radius r, in points. */
export function drawWheel(flow: Flow, report: SessionReport, board: ReportBoard, drawing: WheelDrawing, cx: number, cy: number, r: number): void {
  const { doc } = flow;
  const { layout, marks } = drawing;
  const sectors = report.sectors;
  const width = (Math.PI * 2) / sectors.length;
  const at = (radius: number, a: number) => `${(cx + Math.sin(a) * radius * r).toFixed(2)} ${(cy - Math.cos(a) * radius * r).toFixed(2)}`;
  // Each sector's rings as the layout drew them: a crowded ring is wider in its own sector only.
  sectors.forEach((_, s) => {
    const edges = layout.rings[s]!;
    const [a0, a1] = [s * width, (s + 1) * width];
    const large = a1 - a0 > Math.PI ? 1 : 0;
    SUPPORT_TYPES.forEach((type, ring) => {
      const [r0, r1] = [edges[ring]! * r, edges[ring + 1]! * r];
      doc.path(`M ${at(edges[ring + 1]!, a0)} A ${r1} ${r1} 0 ${large} 1 ${at(edges[ring + 1]!, a1)} L ${at(edges[ring]!, a1)} A ${r0} ${r0} 0 ${large} 0 ${at(edges[ring]!, a0)} Z`).fill(RING_FILL[type]);
    });
  });
  doc.lineWidth(1).strokeColor('#ffffff');
  sectors.forEach((_, s) => {
    for (const edge of layout.rings[s]!.slice(1, 4)) doc.path(`M ${at(edge, s * width)} A ${edge * r} ${edge * r} 0 0 1 ${at(edge, (s + 1) * width)}`).stroke();
  });
  doc.lineWidth(1.4);
  sectors.forEach((_, i) => {
    const a = i * width;
    doc.moveTo(cx + Math.sin(a) * layout.hub * r, cy - Math.cos(a) * layout.hub * r).lineTo(cx + Math.sin(a) * r, cy - Math.cos(a) * r).stroke();
  });
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

  const centre = layout.hub * r;
  doc.circle(cx, cy, centre).lineWidth(1.2).fillAndStroke('#ffffff', C.persona);
  const inner = centre * 1.6;
  const name = flow.block(report.scenario.persona.name, 'bold', Math.min(7, centre / 2.4), inner, { align: 'center', maxLines: 1 });
  flow.draw(name, cx - inner / 2, cy - name.height + 1, inner, C.ink);
  flow.draw(flow.block(String(board.table.personaAge), 'regular', Math.min(6, centre / 2.8), inner, { align: 'center' }), cx - inner / 2, cy + 1, inner, C.muted);

  const placed: Record<string, PlacedCard> = { ...layout.loose, ...layout.cards };
  const centreOf = (id: string) => {
    const at = placed[id] ?? layout.stacks.find((s) => s.ids.includes(id));
    return at ? { x: cx + at.x * r, y: cy + at.y * r } : null;
  };
  doc.lineWidth(0.9).strokeColor(C.ink).strokeOpacity(0.75);
  for (const link of board.table.links) {
    const p = centreOf(link.from);
    const q = centreOf(link.to);
    if (p && q) doc.moveTo(p.x, p.y).lineTo(q.x, q.y).stroke();
  }
  doc.strokeOpacity(1);
  for (const card of Object.values(placed)) drawCard(flow, card, marks.get(card.id) ?? null, sectors.length, cx, cy, r);
  for (const stack of layout.stacks) {
    doc.save().translate(cx + stack.x * r, cy + stack.y * r).rotate(stack.rotate);
    doc.roundedRect((-stack.w * r) / 2, (-stack.h * r) / 2, stack.w * r, stack.h * r, 2).lineWidth(0.8).fillAndStroke(C.ink, C.ink);
    const text = flow.block(`+${stack.ids.length}`, 'bold', stack.h * r * 0.55, stack.w * r, { align: 'center' });
    flow.draw(text, (-stack.w * r) / 2, -text.height / 2, stack.w * r, '#ffffff');
    doc.restore();
  }
}

function drawCard(flow: Flow, card: PlacedCard, mark: Mark, sectorCount: number, cx: number, cy: number, r: number): void {
  const { doc } = flow;
  const cell = locate(card, sectorCount);
  const ink = cell.kind === 'ring' ? RING_INK[cell.supportType] : C.rim;
  const w = card.w * r;
  const h = card.h * r;
  doc.save().translate(cx + card.x * r, cy + card.y * r).rotate(card.rotate);
  if (mark === 'removed') {
    doc.roundedRect(-w / 2, -h / 2, w, h, 2).dash(2, { space: 1.5 }).lineWidth(0.8).fillAndStroke('#ffffff', C.removed);
    doc.undash();
  } else {
    const stroke = mark === 'added' ? C.added : mark === 'moved' ? C.moved : ink;
    doc.roundedRect(-w / 2, -h / 2, w, h, 2).lineWidth(mark ? 1.4 : 0.7).fillAndStroke('#ffffff', stroke);
  }
  // The lines the layout set (the same as on screen, in the same font), each shrunk should a
  // letter the card font lacks run wider in DejaVu than the layout guessed.
  const size = card.font * r;
  const step = card.lineHeight * r;
  const room = w - CARD_PAD_EM.x * 2 * size;
  let y = (-card.lines.length * step) / 2;
  for (const text of card.lines) {
    let line = flow.block(text, 'card', size, Number.POSITIVE_INFINITY, { align: 'center' });
    const wide = line.lines[0]?.width ?? 0;
    if (wide > room) line = flow.block(text, 'card', (size * room) / wide, Number.POSITIVE_INFINITY, { align: 'center' });
    flow.draw(line, -room / 2, y + (step - line.height) / 2, room, mark === 'removed' ? C.removed : C.ink);
    y += step;
  }
  doc.restore();
}
