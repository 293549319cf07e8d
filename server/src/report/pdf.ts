import PDFDocument from 'pdfkit';
import { own, shownBoards, type ReportBoard, type ReportTable, type SessionReport } from '@samenspel/game-core';
import { registerFonts } from './fonts';
import { BOTTOM, C, Flow, LEFT, PAGE, RIGHT, WIDTH, type Block } from './layout';
import { cardTable, cardTableStart, pollBars, pollHeight, summaryTable } from './tables';
import { RING_FILL, RING_INK, drawWheel, stackedLabels, wheelDrawing } from './wheel';
import { WORDS, type Words } from './words';

/*
 * The printed session report: a title page with the overview, then per table its boards
 * through the session, its cards, what ended, its connections per board, its insights and
 * its votes. The parts: fonts.ts (shipped Unicode fonts), text.ts (lines, hyphens), layout.ts
 * (the page and headings kept with their content), wheel.ts (the drawn board), tables.ts.
 */

/** Renders the report as an A4 PDF. */
export function renderReportPdf(report: SessionReport): Promise<Buffer> {
  const w = WORDS[report.language];
  const doc = new PDFDocument({
    size: 'A4',
    // The layout places everything itself; zero margins keep pdfkit from adding pages on its own.
    margins: { top: 0, bottom: 0, left: 0, right: 0 },
    bufferPages: true,
    info: {
      Title: `${w.title}: ${report.scenario.title}`,
      Author: 'Samenspel',
      Subject: `${report.scenario.persona.name} · ${report.session.code}`,
      CreationDate: new Date(report.generatedAt),
    },
  });
  registerFonts(doc);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const pdf = new ReportPdf(new Flow(doc, report.language), report, w);
  pdf.titlePage();
  for (const table of report.tables) pdf.tablePages(table);
  pdf.footers();
  doc.end();
  return done;
}

/** The connections on a board, as the report lists them. */
export function boardLinks(board: ReportBoard, w: Words): string[] {
  const label = (id: string) => own(board.table.cards, id)?.label ?? id;
  return board.table.links.map((l) => w.linkBetween.replace('{from}', label(l.from)).replace('{to}', label(l.to)));
}

// The wheel as large as the page allows with the sector names beside it (62 pt each side).
const WHEEL = { radius: 170, above: 30, below: 30 } as const;

class ReportPdf {
  private readonly doc: PDFKit.PDFDocument;

  constructor(
    private readonly flow: Flow,
    private readonly report: SessionReport,
    private readonly w: Words,
  ) {
    this.doc = flow.doc;
  }

  titlePage(): void {
    const { doc, flow, report, w } = this;
    doc.rect(0, 0, PAGE.width, 150).fill(C.primary);
    doc.save();
    flow.draw(flow.block(w.kicker.toUpperCase(), 'regular', 10, WIDTH), LEFT, 48, WIDTH, '#ffffff');
    flow.draw(flow.block(w.title, 'bold', 26, WIDTH, { maxLines: 1 }), LEFT, 66, WIDTH, '#ffffff');
    flow.draw(flow.block(report.scenario.title, 'regular', 12, WIDTH, { maxLines: 2 }), LEFT, 106, WIDTH, '#ffffff');
    doc.restore();

    flow.y = 180;
    const persona = report.scenario.persona;
    flow.write(`${persona.name}, ${persona.age}`, 'bold', 16, C.ink, { after: 2 });
    flow.write(persona.situation, 'regular', 11, C.muted, { after: 16 });

    const tableNames = report.tables.map((t) => t.name).join(', ');
    const events = report.events.map((e) => `${e.title} (${e.tableIds.map((id) => this.tableName(id)).join(', ')})`).join('; ');
    this.facts([
      [w.date, this.date(report.session.createdAt)],
      [w.code, report.session.code],
      [w.tables, tableNames],
      [w.events, events || w.none],
      [w.generated, `${this.date(report.generatedAt)}, ${this.time(report.generatedAt)}`],
    ]);

    flow.y += 14;
    flow.heading(w.overview, 13, 16 + 16 * Math.min(2, report.tables.length));
    summaryTable(flow, report, w);

    flow.y += 18;
    const legendText = flow.block(w.legendText, 'regular', 9.5, WIDTH);
    const legendH = Math.ceil(report.supportTypes.length / 2) * 18 + 4;
    flow.heading(w.legend, 13, legendH + legendText.height);
    this.legend();
    flow.y = flow.draw(legendText, LEFT, flow.y, WIDTH, C.muted) + 14;

    const privacy = flow.block(w.privacy, 'regular', 9, WIDTH - 20);
    const h = privacy.height + 14;
    flow.ensure(h);
    doc.roundedRect(LEFT, flow.y, WIDTH, h, 6).fill(C.primaryTint);
    flow.draw(privacy, LEFT + 10, flow.y + 7, WIDTH - 20, C.ink);
    flow.y += h + 18;

    const first = report.polls[0];
    if (first) {
      flow.heading(w.polls, 13, pollHeight(flow, first.question, first.options));
      for (const poll of report.polls) pollBars(flow, poll.question, poll.options, poll.counts, poll.total, w);
    }
  }

  tablePages(table: ReportTable): void {
    const { doc, flow, w } = this;
    flow.newPage();
    doc.rect(LEFT, flow.y, WIDTH, 34).fill(C.primary);
    flow.draw(flow.block(table.name, 'bold', 16, WIDTH - 24, { maxLines: 1 }), LEFT + 12, flow.y + 7, WIDTH - 24, '#ffffff');
    flow.y += 42;
    const roles = table.seats.map((s) => s.roleName).join(', ');
    flow.write(`${w.atTable}: ${roles || w.nobody}`, 'regular', 9.5, C.muted, { after: 8 });

    this.boardLegend();
    flow.onNewPage = () => this.boardLegend();
    for (const board of shownBoards(table.boards)) this.boardSlot(table, board);
    flow.onNewPage = null;

    flow.newPage();
    flow.heading(w.allCards, 13, cardTableStart(flow, table.cards, w));
    if (table.cards.length === 0) this.muted(w.noCards);
    else cardTable(flow, table.cards, w);

    flow.y += 12;
    const ended = table.ended.map((e) => this.bulletBlocks(e.label, `${e.supportTypeLabel} · ${e.sectorLabel} · ${w.endedBy.replace('{event}', e.eventTitle)}.${e.reason ? ` ${e.reason}` : ''}`));
    flow.heading(w.endedCards, 13, ended[0]?.height ?? 14);
    if (ended.length === 0) this.muted(w.noEnded);
    table.ended.forEach((e, i) => this.bullet(RING_INK[e.supportType ?? 'landelijk'], ended[i]!));

    flow.y += 12;
    this.connections(table);

    flow.y += 12;
    this.insights(table);

    const tallies = table.polls.filter((p) => p.total > 0);
    if (tallies.length > 0) {
      flow.y += 12;
      const poll = (id: string) => this.report.polls.find((p) => p.pollId === id);
      const first = poll(tallies[0]!.pollId);
      flow.heading(w.tablePolls, 13, first ? pollHeight(flow, first.question, first.options) : 0);
      for (const tally of tallies) {
        const def = poll(tally.pollId);
        if (def) pollBars(flow, def.question, def.options, tally.counts, tally.total, w);
      }
    }
  }

  /** Page numbers and a short identification on every page, written once all pages exist. */
  footers(): void {
    const { doc, flow, report, w } = this;
    const range = doc.bufferedPageRange();
    for (let i = 0; i < range.count; i++) {
      doc.switchToPage(range.start + i);
      const y = PAGE.height - PAGE.margin + 4;
      doc.moveTo(LEFT, y - 6).lineTo(RIGHT, y - 6).lineWidth(0.5).strokeColor(C.line).stroke();
      const id = `Samenspel · ${report.scenario.title} · ${report.session.code} · ${this.date(report.session.createdAt)}`;
      flow.draw(flow.block(id, 'regular', 8, WIDTH - 100, { maxLines: 1 }), LEFT, y, WIDTH - 100, C.muted);
      const page = w.page.replace('{n}', String(i + 1)).replace('{m}', String(range.count));
      flow.draw(flow.block(page, 'regular', 8, 90, { align: 'right' }), RIGHT - 90, y, 90, C.muted);
    }
  }

  /**
   * One board, a page wide so cards print at a readable size: what it is, the wheel, then,
   * after an event, the event's whole text and every change. Text that does not fit under
   * the wheel runs on to the next page rather than being cut.
   */
  private boardSlot(table: ReportTable, board: ReportBoard): void {
    const { flow, w } = this;
    const title = flow.block(board.label, 'bold', 12, WIDTH);
    const when = flow.block(`${this.date(board.at)}, ${w.at.replace('{time}', this.time(board.at))}`, 'regular', 8.5, WIDTH);
    const blocks: { block: Block; colour: string; before: number }[] = [];
    const add = (block: Block, colour: string, before = 0) => blocks.push({ block, colour, before });
    const event = board.kind === 'after' ? this.report.events.find((e) => e.eventId === board.eventId) : undefined;
    if (event?.narrative) add(flow.block(event.narrative, 'italic', 9, WIDTH), C.ink, 4);
    const previous = table.boards[table.boards.indexOf(board) - 1];
    if (board.changes) {
      add(flow.block(w.since, 'bold', 9.5, WIDTH), C.ink, 8);
      for (const [colour, text] of this.changeLines(board, previous)) add(flow.block(text, 'regular', 9, WIDTH), colour, 1.5);
    }
    const drawing = wheelDrawing(board, previous, this.report.sectors.length, this.report.language, this.report.scenario.wheelLabels);
    const stacked = stackedLabels(drawing);
    if (stacked.length > 0) add(flow.block(w.stacked.replace('{cards}', stacked.join('; ')), 'regular', 9, WIDTH), C.muted, 8);

    const head = title.height + 1 + when.height;
    const wheelH = WHEEL.above + 2 * WHEEL.radius + WHEEL.below;
    flow.ensure(head + wheelH + (blocks[0] ? blocks[0].before + blocks[0].block.height : 0));
    flow.y = flow.draw(title, LEFT, flow.y, WIDTH, C.ink) + 1;
    flow.y = flow.draw(when, LEFT, flow.y, WIDTH, C.muted);
    drawWheel(flow, this.report, board, drawing, LEFT + WIDTH / 2, flow.y + WHEEL.above + WHEEL.radius, WHEEL.radius);
    flow.y += wheelH;
    for (const { block, colour, before } of blocks) {
      flow.y += before;
      flow.ensure(block.height);
      flow.y = flow.draw(block, LEFT, flow.y, WIDTH, colour);
    }
    flow.y += 6;
    this.doc.moveTo(LEFT, flow.y).lineTo(RIGHT, flow.y).lineWidth(0.5).strokeColor(C.line).stroke();
    flow.y += 10;
  }

  /** What changed since the board before, every item. */
  private changeLines(board: ReportBoard, previous: ReportBoard | undefined): [string, string][] {
    const { w } = this;
    const changes = board.changes;
    if (!changes) return [];
    const label = (id: string) => own(board.table.cards, id)?.label ?? (previous ? own(previous.table.cards, id) : undefined)?.label ?? id;
    const roleName = (id: string) => this.report.roles.find((r) => r.id === id)?.name ?? id;
    const link = (b: ReportBoard | undefined, id: string) => {
      const l = b?.table.links.find((x) => x.id === id);
      const name = (cardId: string) => (b ? own(b.table.cards, cardId) : undefined)?.label ?? label(cardId);
      return l ? `${name(l.from)} — ${name(l.to)}` : id;
    };
    const lines: [string, string][] = [
      ...changes.added.map((id): [string, string] => [C.added, `+ ${w.newCard}: ${label(id)}`]),
      ...changes.removed.map((c): [string, string] => [C.removed, `– ${w.stoppedCard}: ${c.label}`]),
      ...changes.moved.map((id): [string, string] => [C.moved, `» ${w.movedCard}: ${label(id)}`]),
      ...changes.paused.map((id): [string, string] => [C.moved, `‖ ${w.pausedCard}: ${label(id)}`]),
      ...changes.resumed.map((id): [string, string] => [C.added, `» ${w.resumedCard}: ${label(id)}`]),
      ...changes.roles.map((r): [string, string] => [C.moved, `» ${w.roleChanged}: ${roleName(r.roleId)}: ${Object.values(r.after).join('; ')}`]),
      ...changes.linksAdded.map((id): [string, string] => [C.added, `+ ${w.newLink}: ${link(board, id)}`]),
      ...changes.linksRemoved.map((id): [string, string] => [C.removed, `– ${w.goneLink}: ${link(previous, id)}`]),
    ];
    if (lines.length === 0) lines.push([C.muted, w.noChange]);
    return lines;
  }

  /** Connections per board that has them, so a line an event later cut still shows. */
  private connections(table: ReportTable): void {
    const { flow, w } = this;
    const groups = shownBoards(table.boards)
      .filter((b) => b.table.links.length > 0)
      .map((b) => ({ title: flow.block(b.label, 'bold', 10, WIDTH), links: boardLinks(b, w).map((text) => this.bulletBlocks(text, null)) }));
    const first = groups[0];
    flow.heading(w.connections, 13, first ? first.title.height + 4 + first.links[0]!.height : 14);
    if (!first) return this.muted(w.noLinks);
    for (const group of groups) {
      flow.ensure(group.title.height + 4 + group.links[0]!.height);
      flow.y = flow.draw(group.title, LEFT, flow.y, WIDTH, C.primary) + 4;
      for (const link of group.links) this.bullet(C.ink, link);
      flow.y += 4;
    }
  }

  private insights(table: ReportTable): void {
    const { doc, flow, w } = this;
    const groups = new Map<string, { title: string; items: ReportTable['insights'] }>();
    for (const insight of table.insights) {
      const key = insight.prompt ? JSON.stringify(insight.prompt) : '';
      const group = groups.get(key) ?? { title: insight.promptText ?? w.withoutPrompt, items: [] };
      group.items.push(insight);
      groups.set(key, group);
    }
    const quote = (insight: ReportTable['insights'][number]) => {
      const text = flow.block(`“${insight.text}”`, 'italic', 9.5, WIDTH - 24);
      const who = insight.roleName ? flow.block(`— ${insight.roleName}`, 'regular', 8, WIDTH - 24) : null;
      return { text, who, height: text.height + (who ? who.height + 1 : 0) + 8 };
    };
    const sets = [...groups.values()].map((g) => ({ title: flow.block(g.title, 'bold', 10, WIDTH), quotes: g.items.map(quote) }));
    const first = sets[0];
    flow.heading(w.insights, 13, first ? first.title.height + 4 + first.quotes[0]!.height : 14);
    if (!first) return this.muted(w.noInsights);
    for (const set of sets) {
      flow.ensure(set.title.height + 4 + set.quotes[0]!.height);
      flow.y = flow.draw(set.title, LEFT, flow.y, WIDTH, C.primary) + 4;
      for (const q of set.quotes) {
        flow.ensure(q.height);
        doc.rect(LEFT + 4, flow.y, 2.5, q.height - 6).fill(C.line);
        const y = flow.draw(q.text, LEFT + 14, flow.y, WIDTH - 24, C.ink);
        if (q.who) flow.draw(q.who, LEFT + 14, y + 1, WIDTH - 24, C.muted);
        flow.y += q.height;
      }
      flow.y += 4;
    }
  }

  private facts(rows: [string, string][]): void {
    const { flow } = this;
    for (const [key, value] of rows) {
      const v = flow.block(value, 'bold', 10, WIDTH - 110);
      flow.ensure(v.height);
      flow.draw(flow.block(key, 'regular', 10, 105), LEFT, flow.y, 105, C.muted);
      flow.draw(v, LEFT + 110, flow.y, WIDTH - 110, C.ink);
      flow.y += Math.max(v.height, 12) + 5;
    }
  }

  private legend(): void {
    const { doc, flow, report } = this;
    const colW = WIDTH / 2;
    report.supportTypes.forEach((type, i) => {
      const x = LEFT + (i % 2) * colW;
      const y = flow.y + Math.floor(i / 2) * 18;
      doc.roundedRect(x, y, 12, 12, 2).fillAndStroke(RING_FILL[type.id], RING_INK[type.id]);
      flow.draw(flow.block(`${i + 1}. ${type.label}`, 'regular', 9.5, colW - 24, { maxLines: 1 }), x + 18, y, colW - 24, C.ink);
    });
    flow.y += Math.ceil(report.supportTypes.length / 2) * 18 + 4;
  }

  /** What the colours and marks on a drawn wheel mean, above every page of boards. */
  private boardLegend(): void {
    const { doc, flow, report, w } = this;
    const colW = WIDTH / report.supportTypes.length;
    const labels = report.supportTypes.map((type) => flow.block(type.label, 'regular', 7, colW - 16));
    report.supportTypes.forEach((type, i) => {
      const x = LEFT + i * colW;
      doc.roundedRect(x, flow.y, 8, 8, 1.5).fillAndStroke(RING_FILL[type.id], RING_INK[type.id]);
      flow.draw(labels[i]!, x + 11, flow.y, colW - 16, C.ink);
    });
    flow.y += Math.max(8, ...labels.map((l) => l.height)) + 4;
    const marks: [string, string, boolean][] = [
      [C.added, w.newCard, false],
      [C.moved, w.movedCard, false],
      [C.removed, w.stoppedCard, true],
    ];
    marks.forEach(([colour, label, dashed], i) => {
      const x = LEFT + i * colW;
      if (dashed) doc.dash(1.5, { space: 1 });
      doc.roundedRect(x, flow.y, 14, 8, 1.5).lineWidth(1.1).fillAndStroke('#ffffff', colour);
      doc.undash();
      flow.draw(flow.block(label, 'regular', 7, colW - 20, { maxLines: 1 }), x + 18, flow.y, colW - 20, C.ink);
    });
    const x = LEFT + 3 * colW;
    doc.moveTo(x, flow.y + 4).lineTo(x + 14, flow.y + 4).lineWidth(0.9).strokeColor(C.ink).stroke();
    flow.draw(flow.block(w.linkMark, 'regular', 7, colW - 20, { maxLines: 1 }), x + 18, flow.y, colW - 20, C.ink);
    flow.y += 16;
  }

  private muted(text: string): void {
    this.flow.write(text, 'italic', 9.5, C.muted, { after: 4 });
  }

  private bulletBlocks(title: string, detail: string | null): { title: Block; detail: Block | null; height: number } {
    const t = this.flow.block(title, 'bold', 9.5, WIDTH - 16);
    const d = detail ? this.flow.block(detail, 'regular', 8.5, WIDTH - 16) : null;
    return { title: t, detail: d, height: t.height + (d ? d.height + 1 : 0) + 5 };
  }

  private bullet(colour: string, b: { title: Block; detail: Block | null; height: number }): void {
    const { doc, flow } = this;
    flow.ensure(b.height);
    doc.circle(LEFT + 4, flow.y + 6, 2.5).fill(colour);
    const y = flow.draw(b.title, LEFT + 14, flow.y, WIDTH - 16, C.ink);
    if (b.detail) flow.draw(b.detail, LEFT + 14, y + 1, WIDTH - 16, C.muted);
    flow.y += b.height;
  }

  private tableName(id: string): string {
    return this.report.tables.find((t) => t.id === id)?.name ?? id;
  }

  private date(ms: number): string {
    return new Date(ms).toLocaleDateString(this.w.locale, { day: 'numeric', month: 'long', year: 'numeric' });
  }

  private time(ms: number): string {
    return new Date(ms).toLocaleTimeString(this.w.locale, { hour: '2-digit', minute: '2-digit' });
  }
}
