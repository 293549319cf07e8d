import type { ReportCard, SessionReport } from '@samenspel/game-core';
import { BOTTOM, C, LEFT, RIGHT, WIDTH, type Block, type Flow } from './layout';
import { RING_FILL, RING_INK } from './wheel';
import type { Words } from './words';

/*
 * The report's tables and bar charts. Each row is set before it is drawn, so a row never
 * splits over two pages, and a table's header comes along when a row starts a new page.
 */

/** The height of a table's header and its first row, to keep a heading with it. */
export function cardTableStart(flow: Flow, cards: ReportCard[], w: Words): number {
  const first = cards[0];
  return 16 + (first ? cardRow(flow, first, w).height : 14);
}

const CARD_COLS = [160, 115, 85, WIDTH - 360];

interface Row {
  height: number;
  cells: { block: Block; x: number; y: number; width: number; colour: string }[];
  card: ReportCard;
}

function cardRow(flow: Flow, card: ReportCard, w: Words): Row {
  const details = [card.law, card.roleName, `${w.origin[card.origin]}${card.hidden ? ` (${w.hidden})` : ''}`].filter(Boolean).join(' · ');
  const [c0, c1, c2, c3] = CARD_COLS as [number, number, number, number];
  const label = flow.block(card.label, 'bold', 9, c0 - 10);
  const detail = flow.block(details, 'regular', 7.5, c0 - 10);
  const support = flow.block(card.supportTypeLabel, 'regular', 8.5, c1 - 22);
  const sector = flow.block(card.sectorLabel, 'regular', 8.5, c2 - 10);
  const note = flow.block(card.note, 'italic', 8.5, c3 - 10);
  const cells = [
    { block: label, x: 5, y: 4, width: c0 - 10, colour: C.ink },
    { block: detail, x: 5, y: 5 + label.height, width: c0 - 10, colour: C.muted },
    { block: support, x: c0 + 17, y: 4, width: c1 - 22, colour: C.ink },
    { block: sector, x: c0 + c1 + 5, y: 4, width: c2 - 10, colour: C.ink },
    { block: note, x: c0 + c1 + c2 + 5, y: 4, width: c3 - 10, colour: C.ink },
  ];
  const height = Math.max(label.height + detail.height + 1, support.height, sector.height, note.height) + 8;
  return { height, cells, card };
}

/** Every card at the end: label with law, role and origin; support type; domain; note. */
export function cardTable(flow: Flow, cards: ReportCard[], w: Words): void {
  const { doc } = flow;
  const titles = [w.card, w.supportType, w.domain, w.note];
  const header = () => {
    doc.rect(LEFT, flow.y, WIDTH, 16).fill(C.primaryTint);
    let x = LEFT;
    titles.forEach((title, i) => {
      const width = CARD_COLS[i]! - 10;
      flow.draw(flow.block(title, 'bold', 8.5, width, { maxLines: 1 }), x + 5, flow.y + 3, width, C.ink);
      x += CARD_COLS[i]!;
    });
    flow.y += 16;
  };
  header();
  cards.forEach((card, i) => {
    const row = cardRow(flow, card, w);
    if (flow.y + row.height > BOTTOM) {
      flow.newPage();
      header();
    }
    if (i % 2 === 1) doc.rect(LEFT, flow.y, WIDTH, row.height).fill(C.zebra);
    if (card.supportType) doc.roundedRect(LEFT + CARD_COLS[0]! + 5, flow.y + 5, 8, 8, 1.5).fillAndStroke(RING_FILL[card.supportType], RING_INK[card.supportType]);
    for (const cell of row.cells) flow.draw(cell.block, LEFT + cell.x, flow.y + cell.y, cell.width, cell.colour);
    flow.y += row.height;
  });
  doc.moveTo(LEFT, flow.y).lineTo(RIGHT, flow.y).lineWidth(0.5).strokeColor(C.line).stroke();
  flow.y += 4;
}

/** One line per table with its counts. */
export function summaryTable(flow: Flow, report: SessionReport, w: Words): void {
  const { doc } = flow;
  const cols = [w.tables, w.roles, w.cards, w.ended, w.links, w.insights];
  const first = 130;
  const rest = (WIDTH - first) / (cols.length - 1);
  const xOf = (i: number) => LEFT + (i === 0 ? 0 : first + (i - 1) * rest);
  const cell = (text: string, i: number, bold: boolean) => {
    const width = (i === 0 ? first : rest) - 10;
    flow.draw(flow.block(text, bold ? 'bold' : 'regular', bold ? 8 : 9, width, { align: i === 0 ? 'left' : 'right', maxLines: 1 }), xOf(i) + 5, flow.y + 3, width, C.ink);
  };
  doc.rect(LEFT, flow.y, WIDTH, 16).fill(C.primaryTint);
  cols.forEach((title, i) => cell(title, i, true));
  flow.y += 16;
  report.tables.forEach((t, row) => {
    flow.ensure(16);
    if (row % 2 === 1) doc.rect(LEFT, flow.y, WIDTH, 16).fill(C.zebra);
    [t.name, t.seats.length, t.cards.length, t.ended.length, t.links.length, t.insights.length].forEach((v, i) => cell(String(v), i, false));
    flow.y += 16;
  });
  doc.moveTo(LEFT, flow.y).lineTo(RIGHT, flow.y).lineWidth(0.5).strokeColor(C.line).stroke();
  flow.y += 4;
}

const BAR = { rowH: 15, label: 160 } as const;

function pollParts(flow: Flow, question: string, options: string[]) {
  const q = flow.block(question, 'bold', 10, WIDTH - 100);
  const labels = options.map((o) => flow.block(o, 'regular', 8.5, BAR.label - 8));
  const rows = labels.map((l) => Math.max(BAR.rowH, l.height + 4));
  return { q, labels, rows, height: q.height + 5 + rows.reduce((a, b) => a + b, 0) + 8 };
}

/** The height of a poll's chart, to keep its heading with it. */
export function pollHeight(flow: Flow, question: string, options: string[]): number {
  return pollParts(flow, question, options).height;
}

/** A poll as horizontal bars with counts and shares, never split over a page. */
export function pollBars(flow: Flow, question: string, options: string[], counts: number[], total: number, w: Words): void {
  const { doc } = flow;
  const parts = pollParts(flow, question, options);
  flow.ensure(parts.height);
  flow.draw(parts.q, LEFT, flow.y, WIDTH - 100, C.ink);
  flow.draw(flow.block(total === 1 ? w.answer : w.answers.replace('{n}', String(total)), 'regular', 8.5, 90, { align: 'right' }), RIGHT - 90, flow.y + 1, 90, C.muted);
  flow.y += parts.q.height + 5;
  const max = Math.max(1, ...counts);
  const barW = WIDTH - BAR.label - 70;
  options.forEach((_, i) => {
    const n = counts[i] ?? 0;
    const rowH = parts.rows[i]!;
    flow.draw(parts.labels[i]!, LEFT, flow.y + 2, BAR.label - 8, C.ink);
    doc.rect(LEFT + BAR.label, flow.y + 2, barW, BAR.rowH - 5).fill(C.zebra);
    if (n > 0) doc.rect(LEFT + BAR.label, flow.y + 2, (barW * n) / max, BAR.rowH - 5).fill(C.primary);
    const pct = total > 0 ? Math.round((n / total) * 100) : 0;
    flow.draw(flow.block(String(n), 'bold', 8.5, 22), LEFT + BAR.label + barW + 6, flow.y + 1.5, 22, C.ink);
    flow.draw(flow.block(`${pct}%`, 'regular', 8.5, 36, { align: 'right' }), LEFT + BAR.label + barW + 28, flow.y + 1.5, 36, C.muted);
    flow.y += rowH;
  });
  flow.y += 8;
}
