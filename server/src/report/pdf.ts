import PDFDocument from 'pdfkit';
import {
  RING_EDGES,
  SUPPORT_TYPES,
  locate,
  type CardOnBoard,
  type ReportBoard,
  type ReportCard,
  type ReportLanguage,
  type ReportTable,
  type SessionReport,
  type SupportType,
} from '@samenspel/game-core';

/*
 * The printed session report. Everything is drawn with pdfkit's built-in Helvetica (WinAnsi),
 * so the file needs no font files and opens anywhere; text outside WinAnsi is replaced.
 * Layout is manual (A4, fixed slots), so nothing flows off a page by accident.
 */

type Doc = PDFKit.PDFDocument;

// The same tints as the client's board (client/src/board/view.ts), so paper and screen match.
const RING_FILL: Record<SupportType, string> = { eigen: '#f9dda4', informeel: '#b7e1d1', gemeente: '#c6e3f6', landelijk: '#ecd2e2' };
const RING_INK: Record<SupportType, string> = { eigen: '#8a5a00', informeel: '#00664a', gemeente: '#005a8c', landelijk: '#8c3d6e' };
const C = {
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

const PAGE = { width: 595.28, height: 841.89, margin: 50, footer: 28 } as const;
const LEFT = PAGE.margin;
const RIGHT = PAGE.width - PAGE.margin;
const WIDTH = RIGHT - LEFT;
const BOTTOM = PAGE.height - PAGE.margin - PAGE.footer;

const WORDS = {
  nl: {
    kicker: 'Participatiewiel Samenspel XXL',
    title: 'Verslag van de sessie',
    date: 'Datum',
    code: 'Sessiecode',
    tables: 'Tafels',
    events: 'Gebeurtenissen',
    none: 'Geen',
    generated: 'Gemaakt op',
    overview: 'Overzicht per tafel',
    roles: 'Rollen',
    cards: 'Kaarten',
    ended: 'Gestopt',
    links: 'Verbindingen',
    insights: 'Inzichten',
    legend: 'Zo lees je het wiel',
    legendText:
      'Elke ring is een soort steun: van eigen kracht in het midden naar landelijke regelingen aan de rand. De vakken zijn de leefgebieden. Een lijn tussen twee kaarten betekent: deze steun werkt samen.',
    privacy:
      'Dit verslag is anoniem: stemmen staan er alleen als aantallen in en inzichten staan bij de rol, niet bij de naam van wie ze schreef. De persona is fictief.',
    polls: 'Stemmen met de voeten',
    answers: '{n} antwoorden',
    answer: '1 antwoord',
    atTable: 'Rollen aan tafel',
    nobody: 'Niemand aan tafel',
    boards: 'Het wiel door de sessie heen',
    since: 'Sinds het vorige bord',
    noChange: 'Niets veranderd.',
    newCard: 'Nieuw',
    movedCard: 'Verplaatst',
    stoppedCard: 'Gestopt',
    newLink: 'Nieuwe verbinding',
    goneLink: 'Verbinding weg',
    linkMark: 'Werken samen',
    at: 'om {time}',
    allCards: 'Alle kaarten aan het eind',
    card: 'Kaart',
    supportType: 'Soort steun',
    domain: 'Leefgebied',
    note: 'Notitie',
    noCards: 'Er lagen geen kaarten op het wiel.',
    endedCards: 'Gestopte kaarten',
    endedBy: 'gestopt door: {event}',
    noEnded: 'Geen kaarten gestopt.',
    connections: 'Verbindingen',
    noLinks: 'Geen verbindingen gelegd.',
    noInsights: 'Geen inzichten opgeschreven.',
    withoutPrompt: 'Zonder vraag',
    tablePolls: 'Stemmen aan deze tafel',
    origin: { start: 'Startsituatie', event: 'Door gebeurtenis', player: 'Door speler', facilitator: 'Door begeleider' },
    hidden: 'nog verborgen',
    page: 'pagina {n} van {m}',
    locale: 'nl-NL',
  },
  en: {
    kicker: 'Participation wheel Samenspel XXL',
    title: 'Session report',
    date: 'Date',
    code: 'Session code',
    tables: 'Tables',
    events: 'Events',
    none: 'None',
    generated: 'Made on',
    overview: 'Overview per table',
    roles: 'Roles',
    cards: 'Cards',
    ended: 'Ended',
    links: 'Connections',
    insights: 'Insights',
    legend: 'How to read the wheel',
    legendText:
      'Each ring is a kind of support: from own strength in the middle to national schemes at the edge. The sectors are the areas of life. A line between two cards means: these supports work together.',
    privacy:
      'This report is anonymous: votes appear only as counts, and insights are shown with the role, not the name of whoever wrote them. The persona is fictional.',
    polls: 'Warm-up votes',
    answers: '{n} answers',
    answer: '1 answer',
    atTable: 'Roles at the table',
    nobody: 'Nobody at the table',
    boards: 'The wheel through the session',
    since: 'Since the previous board',
    noChange: 'Nothing changed.',
    newCard: 'New',
    movedCard: 'Moved',
    stoppedCard: 'Ended',
    newLink: 'New connection',
    goneLink: 'Connection gone',
    linkMark: 'Work together',
    at: 'at {time}',
    allCards: 'Every card at the end',
    card: 'Card',
    supportType: 'Kind of support',
    domain: 'Area of life',
    note: 'Note',
    noCards: 'There were no cards on the wheel.',
    endedCards: 'Ended cards',
    endedBy: 'ended by: {event}',
    noEnded: 'No cards ended.',
    connections: 'Connections',
    noLinks: 'No connections made.',
    noInsights: 'No insights written down.',
    withoutPrompt: 'Without a question',
    tablePolls: 'Votes at this table',
    origin: { start: 'Starting situation', event: 'From an event', player: 'By a player', facilitator: 'By the facilitator' },
    hidden: 'still hidden',
    page: 'page {n} of {m}',
    locale: 'en-GB',
  },
} as const;
type Words = (typeof WORDS)[ReportLanguage];

/** Renders the report as an A4 PDF. */
export function renderReportPdf(report: SessionReport): Promise<Buffer> {
  const w = WORDS[report.language];
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin, right: PAGE.margin },
    bufferPages: true,
    info: {
      Title: clean(`${w.title}: ${report.scenario.title}`),
      Author: 'Samenspel',
      Subject: clean(`${report.scenario.persona.name} · ${report.session.code}`),
      CreationDate: new Date(report.generatedAt),
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const pdf = new ReportPdf(doc, report, w);
  pdf.titlePage();
  for (const table of report.tables) pdf.tablePages(table);
  pdf.footers();
  doc.end();
  return done;
}

class ReportPdf {
  private y: number = PAGE.margin;
  private readonly cardLabels = new Map<string, string>();

  constructor(
    private readonly doc: Doc,
    private readonly report: SessionReport,
    private readonly w: Words,
  ) {}

  titlePage(): void {
    const { doc, report, w } = this;
    doc.rect(0, 0, PAGE.width, 150).fill(C.primary);
    doc.fillColor('#ffffff').font('Helvetica').fontSize(10).text(clean(w.kicker).toUpperCase(), LEFT, 52, { characterSpacing: 1.5, lineBreak: false });
    doc.font('Helvetica-Bold').fontSize(28).text(clean(w.title), LEFT, 72, { width: WIDTH, lineBreak: false });
    doc.font('Helvetica').fontSize(12).text(clean(report.scenario.title), LEFT, 110, { width: WIDTH, height: 18, ellipsis: true });

    this.y = 180;
    const persona = report.scenario.persona;
    doc.fillColor(C.ink).font('Helvetica-Bold').fontSize(16).text(clean(`${persona.name}, ${persona.age}`), LEFT, this.y, { width: WIDTH });
    this.y = doc.y + 2;
    doc.font('Helvetica').fontSize(11).fillColor(C.muted).text(clean(persona.situation), LEFT, this.y, { width: WIDTH });
    this.y = doc.y + 16;

    const tableNames = report.tables.map((t) => t.name).join(', ');
    const events = report.events.map((e) => `${e.title} (${e.tableIds.map((id) => this.tableName(id)).join(', ')})`).join('; ');
    this.facts([
      [w.date, this.date(report.session.createdAt)],
      [w.code, report.session.code],
      [w.tables, tableNames],
      [w.events, events || w.none],
      [w.generated, `${this.date(report.generatedAt)}, ${this.time(report.generatedAt)}`],
    ]);

    this.y += 14;
    this.heading(w.overview, 13);
    this.summaryTable();

    this.y += 18;
    this.ensure(120);
    this.heading(w.legend, 13);
    this.legend();
    doc.font('Helvetica').fontSize(9.5).fillColor(C.muted).text(clean(w.legendText), LEFT, this.y, { width: WIDTH });
    this.y = doc.y + 14;

    const h = doc.font('Helvetica').fontSize(9).heightOfString(clean(w.privacy), { width: WIDTH - 20 }) + 14;
    this.ensure(h);
    doc.roundedRect(LEFT, this.y, WIDTH, h, 6).fill(C.primaryTint);
    doc.fillColor(C.ink).text(clean(w.privacy), LEFT + 10, this.y + 7, { width: WIDTH - 20 });
    this.y += h + 18;

    if (report.polls.length > 0) {
      this.ensure(90);
      this.heading(w.polls, 13);
      for (const poll of report.polls) this.pollBars(poll.question, poll.options, poll.counts, poll.total);
    }

  }

  tablePages(table: ReportTable): void {
    const { doc, w } = this;
    this.cardLabels.clear();
    for (const b of table.boards) for (const c of Object.values(b.table.cards)) this.cardLabels.set(c.id, c.label);
    for (const e of table.ended) this.cardLabels.set(e.id, e.label);

    this.newPage();
    doc.rect(LEFT, this.y, WIDTH, 34).fill(C.primary);
    doc.fillColor('#ffffff').font('Helvetica-Bold').fontSize(16).text(clean(table.name), LEFT + 12, this.y + 9, { width: WIDTH - 24, lineBreak: false });
    this.y += 42;
    const roles = table.seats.map((s) => s.roleName).join(', ');
    doc.fillColor(C.muted).font('Helvetica').fontSize(9.5).text(clean(`${w.atTable}: ${roles || w.nobody}`), LEFT, this.y, { width: WIDTH });
    this.y = doc.y + 8;

    this.boardLegend();
    const boards = shownBoards(table.boards);
    // Two boards to a page: the slot is half of what the page has left under its legend.
    let slot = (BOTTOM - this.y) / 2;
    boards.forEach((board, i) => {
      if (i > 0 && this.y + slot > BOTTOM + 1) {
        this.newPage();
        this.boardLegend();
        slot = (BOTTOM - this.y) / 2;
      }
      this.boardSlot(board, this.y, slot);
    });

    this.newPage();
    this.heading(w.allCards, 13);
    this.cardTable(table.cards);

    this.y += 12;
    this.ensure(50);
    this.heading(w.endedCards, 13);
    if (table.ended.length === 0) this.muted(w.noEnded);
    for (const e of table.ended) {
      const reason = e.reason ? ` ${e.reason}` : '';
      this.bullet(RING_INK[e.supportType ?? 'landelijk'], `${e.label}`, `${e.supportTypeLabel} · ${e.sectorLabel} · ${w.endedBy.replace('{event}', e.eventTitle)}.${reason}`);
    }

    this.y += 12;
    this.ensure(50);
    this.heading(w.connections, 13);
    if (table.links.length === 0) this.muted(w.noLinks);
    for (const l of table.links) this.bullet(C.ink, `${l.fromLabel}  —  ${l.toLabel}`, null);

    this.y += 12;
    this.ensure(50);
    this.heading(w.insights, 13);
    this.insights(table);

    if (table.polls.some((p) => p.total > 0)) {
      this.y += 12;
      this.ensure(90);
      this.heading(w.tablePolls, 13);
      for (const tally of table.polls) {
        const poll = this.report.polls.find((p) => p.pollId === tally.pollId);
        if (poll && tally.total > 0) this.pollBars(poll.question, poll.options, tally.counts, tally.total);
      }
    }
  }

  /** Page numbers and a short identification on every page, written once all pages exist. */
  footers(): void {
    const { doc, report, w } = this;
    const range = doc.bufferedPageRange();
    for (let i = 0; i < range.count; i++) {
      doc.switchToPage(range.start + i);
      // Writing inside the bottom margin would otherwise make pdfkit start a new page.
      const margin = doc.page.margins.bottom;
      doc.page.margins.bottom = 0;
      const y = PAGE.height - PAGE.margin + 4;
      doc.moveTo(LEFT, y - 6).lineTo(RIGHT, y - 6).lineWidth(0.5).strokeColor(C.line).stroke();
      doc.font('Helvetica').fontSize(8).fillColor(C.muted);
      doc.text(clean(`Samenspel · ${report.scenario.title} · ${report.session.code} · ${this.date(report.session.createdAt)}`), LEFT, y, { width: WIDTH - 90, height: 10, ellipsis: true, lineBreak: false });
      doc.text(clean(w.page.replace('{n}', String(i + 1)).replace('{m}', String(range.count))), RIGHT - 90, y, { width: 90, align: 'right', lineBreak: false });
      doc.page.margins.bottom = margin;
    }
  }

  private boardSlot(board: ReportBoard, top: number, height: number): void {
    const { doc, w } = this;
    const radius = Math.min(116, (height - 56) / 2);
    const cx = LEFT + 166;
    const cy = top + 22 + radius + 4;
    this.wheel(board, cx, cy, radius);

    const x = LEFT + 352;
    const width = RIGHT - x;
    let y = top + 10;
    doc.fillColor(C.ink).font('Helvetica-Bold').fontSize(12).text(clean(board.label), x, y, { width });
    y = doc.y + 1;
    doc.fillColor(C.muted).font('Helvetica').fontSize(8.5).text(clean(`${this.date(board.at)}, ${w.at.replace('{time}', this.time(board.at))}`), x, y, { width });
    y = doc.y + 6;
    const event = board.kind === 'after' ? this.report.events.find((e) => e.eventId === board.eventId) : undefined;
    if (event?.narrative) {
      doc.fillColor(C.ink).font('Helvetica-Oblique').fontSize(8.5).text(clean(event.narrative), x, y, { width, height: 60, ellipsis: true });
      y = doc.y + 8;
    }
    if (board.changes) {
      doc.fillColor(C.ink).font('Helvetica-Bold').fontSize(9).text(clean(w.since), x, y, { width });
      y = doc.y + 3;
      const lines: [string, string][] = [
        ...board.changes.added.map((id): [string, string] => [C.added, `+ ${w.newCard}: ${this.label(id)}`]),
        ...board.changes.removed.map((c): [string, string] => [C.removed, `– ${w.stoppedCard}: ${c.label}`]),
        ...board.changes.moved.map((id): [string, string] => [C.moved, `» ${w.movedCard}: ${this.label(id)}`]),
        ...board.changes.linksAdded.map((id): [string, string] => [C.added, `+ ${w.newLink}: ${this.linkLabel(board, id)}`]),
        ...board.changes.linksRemoved.map((): [string, string] => [C.removed, `– ${w.goneLink}`]),
      ];
      if (lines.length === 0) lines.push([C.muted, w.noChange]);
      const limit = top + height - 14;
      for (const [i, [colour, text]] of lines.entries()) {
        const h = doc.font('Helvetica').fontSize(8.5).heightOfString(clean(text), { width });
        if (y + h > limit) {
          doc.fillColor(C.muted).text(`… +${lines.length - i}`, x, y, { width, lineBreak: false });
          break;
        }
        doc.fillColor(colour).text(clean(text), x, y, { width });
        y = doc.y + 1.5;
      }
    }
    doc.moveTo(LEFT, top + height - 4).lineTo(RIGHT, top + height - 4).lineWidth(0.5).strokeColor(C.line).stroke();
    this.y = top + height;
  }

  /** The wheel as vector graphics: rings, sectors, the persona, links and cards. */
  private wheel(board: ReportBoard, cx: number, cy: number, r: number): void {
    const { doc, report } = this;
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

    doc.font('Helvetica-Bold').fontSize(7).fillColor(C.ink);
    sectors.forEach((sector, i) => {
      const a = (i + 0.5) * width;
      const label = clean(sector.label);
      const lw = 62;
      const h = doc.heightOfString(label, { width: lw, align: 'center' });
      // The box's edge nearest the wheel touches a circle just outside the rim, so side labels
      // stand beside the wheel and top and bottom ones above and below it.
      const px = cx + Math.sin(a) * (r + 4 + lw / 2);
      const py = cy - Math.cos(a) * (r + 4 + h / 2);
      doc.text(label, px - lw / 2, py - h / 2, { width: lw, align: 'center' });
    });

    doc.circle(cx, cy, RING_EDGES[0] * r).lineWidth(1.2).fillAndStroke('#ffffff', C.persona);
    const persona = report.scenario.persona;
    doc.fillColor(C.ink).font('Helvetica-Bold').fontSize(7.5).text(clean(persona.name), cx - 22, cy - 7, { width: 44, align: 'center', height: 9, ellipsis: true });
    doc.fillColor(C.muted).font('Helvetica').fontSize(6).text(String(board.table.personaAge), cx - 22, cy + 2, { width: 44, align: 'center', lineBreak: false });

    const cards = Object.values(board.table.cards);
    const at = (c: { x: number; y: number }) => ({ x: cx + c.x * r, y: cy + c.y * r });
    doc.lineWidth(0.9).strokeColor(C.ink).strokeOpacity(0.75);
    for (const link of board.table.links) {
      const a = board.table.cards[link.from];
      const b = board.table.cards[link.to];
      if (!a || !b) continue;
      const p = at(a);
      const q = at(b);
      doc.moveTo(p.x, p.y).lineTo(q.x, q.y).stroke();
    }
    doc.strokeOpacity(1);
    const added = new Set(board.changes?.added ?? []);
    const moved = new Set(board.changes?.moved ?? []);
    for (const card of board.changes?.removed ?? []) this.card(card, at(card), 'removed');
    for (const card of cards) this.card(card, at(card), added.has(card.id) ? 'added' : moved.has(card.id) ? 'moved' : null);
  }

  private card(card: CardOnBoard, p: { x: number; y: number }, mark: 'added' | 'moved' | 'removed' | null): void {
    const { doc } = this;
    const cell = locate(card, this.report.sectors.length);
    const ink = cell.kind === 'ring' ? RING_INK[cell.supportType] : C.rim;
    const w = 54;
    const h = 15;
    const x = p.x - w / 2;
    const y = p.y - h / 2;
    if (mark === 'removed') {
      doc.roundedRect(x, y, w, h, 2).dash(2, { space: 1.5 }).lineWidth(0.8).fillOpacity(0.7).fillAndStroke('#ffffff', C.removed);
      doc.undash().fillOpacity(1);
    } else {
      const stroke = mark === 'added' ? C.added : mark === 'moved' ? C.moved : ink;
      doc.roundedRect(x, y, w, h, 2).lineWidth(mark ? 1.4 : 0.7).fillAndStroke('#ffffff', stroke);
    }
    doc.fillColor(mark === 'removed' ? C.removed : C.ink).font('Helvetica').fontSize(5.2);
    doc.text(clean(card.label), x + 2, y + 1.6, { width: w - 4, height: h - 2, align: 'center', lineGap: -0.6, ellipsis: true });
  }

  private cardTable(cards: ReportCard[]): void {
    const { doc, w } = this;
    if (cards.length === 0) return this.muted(w.noCards);
    const cols = [
      { title: w.card, width: 160 },
      { title: w.supportType, width: 115 },
      { title: w.domain, width: 85 },
      { title: w.note, width: WIDTH - 360 },
    ];
    const header = () => {
      doc.rect(LEFT, this.y, WIDTH, 16).fill(C.primaryTint);
      let x = LEFT;
      doc.fillColor(C.ink).font('Helvetica-Bold').fontSize(8.5);
      for (const col of cols) {
        doc.text(clean(col.title), x + 5, this.y + 4, { width: col.width - 10, lineBreak: false });
        x += col.width;
      }
      this.y += 16;
    };
    header();
    cards.forEach((card, i) => {
      const details = [card.law, card.roleName, `${w.origin[card.origin]}${card.hidden ? ` (${w.hidden})` : ''}`].filter(Boolean).join(' · ');
      doc.font('Helvetica-Bold').fontSize(9);
      const h1 = doc.heightOfString(clean(card.label), { width: cols[0]!.width - 10 });
      doc.font('Helvetica').fontSize(7.5);
      const h2 = doc.heightOfString(clean(details), { width: cols[0]!.width - 10 });
      doc.fontSize(8.5);
      const h3 = doc.heightOfString(clean(card.supportTypeLabel), { width: cols[1]!.width - 20 });
      const h4 = doc.heightOfString(clean(card.sectorLabel), { width: cols[2]!.width - 10 });
      const h5 = card.note ? doc.heightOfString(clean(card.note), { width: cols[3]!.width - 10 }) : 0;
      const h = Math.max(h1 + h2 + 2, h3, h4, h5) + 8;
      if (this.y + h > BOTTOM) {
        this.newPage();
        header();
      }
      if (i % 2 === 1) doc.rect(LEFT, this.y, WIDTH, h).fill(C.zebra);
      let x = LEFT;
      doc.fillColor(C.ink).font('Helvetica-Bold').fontSize(9).text(clean(card.label), x + 5, this.y + 4, { width: cols[0]!.width - 10 });
      doc.fillColor(C.muted).font('Helvetica').fontSize(7.5).text(clean(details), x + 5, doc.y + 1, { width: cols[0]!.width - 10 });
      x += cols[0]!.width;
      if (card.supportType) doc.roundedRect(x + 5, this.y + 5, 8, 8, 1.5).fillAndStroke(RING_FILL[card.supportType], RING_INK[card.supportType]);
      doc.fillColor(C.ink).font('Helvetica').fontSize(8.5).text(clean(card.supportTypeLabel), x + 17, this.y + 4, { width: cols[1]!.width - 20 });
      x += cols[1]!.width;
      doc.text(clean(card.sectorLabel), x + 5, this.y + 4, { width: cols[2]!.width - 10 });
      x += cols[2]!.width;
      if (card.note) doc.font('Helvetica-Oblique').text(clean(card.note), x + 5, this.y + 4, { width: cols[3]!.width - 10 });
      this.y += h;
    });
    doc.moveTo(LEFT, this.y).lineTo(RIGHT, this.y).lineWidth(0.5).strokeColor(C.line).stroke();
    this.y += 4;
  }

  private insights(table: ReportTable): void {
    const { doc, w } = this;
    if (table.insights.length === 0) return this.muted(w.noInsights);
    const groups = new Map<string, { title: string; items: ReportTable['insights'] }>();
    for (const insight of table.insights) {
      const key = insight.prompt ? JSON.stringify(insight.prompt) : '';
      const group = groups.get(key) ?? { title: insight.promptText ?? w.withoutPrompt, items: [] };
      group.items.push(insight);
      groups.set(key, group);
    }
    for (const { title, items } of groups.values()) {
      this.ensure(40);
      doc.fillColor(C.primary).font('Helvetica-Bold').fontSize(10).text(clean(title), LEFT, this.y, { width: WIDTH });
      this.y = doc.y + 4;
      for (const insight of items) {
        const text = `“${insight.text}”`;
        const who = insight.roleName ? `— ${insight.roleName}` : '';
        const h = doc.font('Helvetica-Oblique').fontSize(9.5).heightOfString(clean(text), { width: WIDTH - 24 }) + (who ? 11 : 0) + 8;
        this.ensure(h);
        doc.rect(LEFT + 4, this.y, 2.5, h - 6).fill(C.line);
        doc.fillColor(C.ink).font('Helvetica-Oblique').fontSize(9.5).text(clean(text), LEFT + 14, this.y, { width: WIDTH - 24 });
        if (who) doc.fillColor(C.muted).font('Helvetica').fontSize(8).text(clean(who), LEFT + 14, doc.y + 1, { width: WIDTH - 24 });
        this.y += h;
      }
      this.y += 4;
    }
  }

  private pollBars(question: string, options: string[], counts: number[], total: number): void {
    const { doc, w } = this;
    const rowH = 15;
    const questionH = doc.font('Helvetica-Bold').fontSize(10).heightOfString(clean(question), { width: WIDTH - 100 });
    this.ensure(questionH + 12 + options.length * rowH);
    doc.fillColor(C.ink).text(clean(question), LEFT, this.y, { width: WIDTH - 100 });
    doc.fillColor(C.muted).font('Helvetica').fontSize(8.5).text(total === 1 ? w.answer : w.answers.replace('{n}', String(total)), RIGHT - 90, this.y + 1, { width: 90, align: 'right', lineBreak: false });
    this.y += questionH + 5;
    const max = Math.max(1, ...counts);
    const labelW = 160;
    const barW = WIDTH - labelW - 70;
    options.forEach((option, i) => {
      const n = counts[i] ?? 0;
      doc.fillColor(C.ink).font('Helvetica').fontSize(8.5).text(clean(option), LEFT, this.y + 2, { width: labelW - 8, height: rowH - 2, ellipsis: true });
      doc.rect(LEFT + labelW, this.y + 2, barW, rowH - 5).fill(C.zebra);
      if (n > 0) doc.rect(LEFT + labelW, this.y + 2, (barW * n) / max, rowH - 5).fill(C.primary);
      const pct = total > 0 ? Math.round((n / total) * 100) : 0;
      doc.fillColor(C.ink).font('Helvetica-Bold').fontSize(8.5).text(`${n}`, LEFT + labelW + barW + 6, this.y + 2, { width: 22, lineBreak: false });
      doc.fillColor(C.muted).font('Helvetica').text(`${pct}%`, LEFT + labelW + barW + 28, this.y + 2, { width: 36, align: 'right', lineBreak: false });
      this.y += rowH;
    });
    this.y += 8;
  }

  private facts(rows: [string, string][]): void {
    const { doc } = this;
    for (const [key, value] of rows) {
      doc.font('Helvetica').fontSize(10);
      const h = doc.heightOfString(clean(value), { width: WIDTH - 110 });
      doc.fillColor(C.muted).text(clean(key), LEFT, this.y, { width: 105, lineBreak: false });
      doc.fillColor(C.ink).font('Helvetica-Bold').text(clean(value), LEFT + 110, this.y, { width: WIDTH - 110 });
      this.y += Math.max(h, 12) + 5;
    }
  }

  private summaryTable(): void {
    const { doc, report, w } = this;
    const cols = [w.tables, w.roles, w.cards, w.ended, w.links, w.insights];
    const first = 175;
    const rest = (WIDTH - first) / (cols.length - 1);
    const xOf = (i: number) => LEFT + (i === 0 ? 0 : first + (i - 1) * rest);
    doc.rect(LEFT, this.y, WIDTH, 16).fill(C.primaryTint);
    doc.fillColor(C.ink).font('Helvetica-Bold').fontSize(8.5);
    cols.forEach((title, i) => doc.text(clean(title), xOf(i) + 5, this.y + 4, { width: (i === 0 ? first : rest) - 10, align: i === 0 ? 'left' : 'right', lineBreak: false }));
    this.y += 16;
    report.tables.forEach((t, row) => {
      this.ensure(16);
      if (row % 2 === 1) doc.rect(LEFT, this.y, WIDTH, 16).fill(C.zebra);
      const values = [t.name, t.seats.length, t.cards.length, t.ended.length, t.links.length, t.insights.length].map(String);
      doc.fillColor(C.ink).font('Helvetica').fontSize(9);
      values.forEach((v, i) => doc.text(clean(v), xOf(i) + 5, this.y + 4, { width: (i === 0 ? first : rest) - 10, align: i === 0 ? 'left' : 'right', lineBreak: false }));
      this.y += 16;
    });
    doc.moveTo(LEFT, this.y).lineTo(RIGHT, this.y).lineWidth(0.5).strokeColor(C.line).stroke();
    this.y += 4;
  }

  private legend(): void {
    const { doc, report } = this;
    const colW = WIDTH / 2;
    report.supportTypes.forEach((type, i) => {
      const x = LEFT + (i % 2) * colW;
      const y = this.y + Math.floor(i / 2) * 18;
      doc.roundedRect(x, y, 12, 12, 2).fillAndStroke(RING_FILL[type.id], RING_INK[type.id]);
      doc.fillColor(C.ink).font('Helvetica').fontSize(9.5).text(clean(`${i + 1}. ${type.label}`), x + 18, y + 1.5, { width: colW - 24, lineBreak: false });
    });
    this.y += Math.ceil(report.supportTypes.length / 2) * 18 + 4;
  }

  /** What the colours and marks on a drawn wheel mean, above every page of boards. */
  private boardLegend(): void {
    const { doc, report, w } = this;
    const colW = WIDTH / report.supportTypes.length;
    doc.font('Helvetica').fontSize(7);
    report.supportTypes.forEach((type, i) => {
      const x = LEFT + i * colW;
      doc.roundedRect(x, this.y, 8, 8, 1.5).fillAndStroke(RING_FILL[type.id], RING_INK[type.id]);
      doc.fillColor(C.ink).text(clean(type.label), x + 11, this.y + 1, { width: colW - 14, height: 9, ellipsis: true, lineBreak: false });
    });
    this.y += 12;
    const marks: [string, string, boolean][] = [
      [C.added, w.newCard, false],
      [C.moved, w.movedCard, false],
      [C.removed, w.stoppedCard, true],
    ];
    marks.forEach(([colour, label, dashed], i) => {
      const x = LEFT + i * colW;
      if (dashed) doc.dash(1.5, { space: 1 });
      doc.roundedRect(x, this.y, 14, 8, 1.5).lineWidth(1.1).fillAndStroke('#ffffff', colour);
      doc.undash();
      doc.fillColor(C.ink).text(clean(label), x + 18, this.y + 1, { width: colW - 20, lineBreak: false });
    });
    const x = LEFT + 3 * colW;
    doc.moveTo(x, this.y + 4).lineTo(x + 14, this.y + 4).lineWidth(0.9).strokeColor(C.ink).stroke();
    doc.fillColor(C.ink).text(clean(w.linkMark), x + 18, this.y + 1, { width: colW - 20, lineBreak: false });
    this.y += 16;
  }

  private heading(text: string, size: number): void {
    this.doc.fillColor(C.primary).font('Helvetica-Bold').fontSize(size).text(clean(text), LEFT, this.y, { width: WIDTH });
    this.y = this.doc.y + 6;
  }

  private muted(text: string): void {
    this.doc.fillColor(C.muted).font('Helvetica-Oblique').fontSize(9.5).text(clean(text), LEFT, this.y, { width: WIDTH });
    this.y = this.doc.y + 4;
  }

  private bullet(colour: string, title: string, detail: string | null): void {
    const { doc } = this;
    const h = doc.font('Helvetica-Bold').fontSize(9.5).heightOfString(clean(title), { width: WIDTH - 16 }) + (detail ? doc.font('Helvetica').fontSize(8.5).heightOfString(clean(detail), { width: WIDTH - 16 }) + 1 : 0) + 5;
    this.ensure(h);
    doc.circle(LEFT + 4, this.y + 5, 2.5).fill(colour);
    doc.fillColor(C.ink).font('Helvetica-Bold').fontSize(9.5).text(clean(title), LEFT + 14, this.y, { width: WIDTH - 16 });
    if (detail) doc.fillColor(C.muted).font('Helvetica').fontSize(8.5).text(clean(detail), LEFT + 14, doc.y + 1, { width: WIDTH - 16 });
    this.y += h;
  }

  private ensure(height: number): void {
    if (this.y + height > BOTTOM) this.newPage();
  }

  private newPage(): void {
    this.doc.addPage();
    this.y = PAGE.margin;
  }

  private label(cardId: string): string {
    return this.cardLabels.get(cardId) ?? cardId;
  }

  private linkLabel(board: ReportBoard, linkId: string): string {
    const link = board.table.links.find((l) => l.id === linkId);
    return link ? `${this.label(link.from)} — ${this.label(link.to)}` : linkId;
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

/** A "before" board identical to the one shown just before it adds nothing; leave it out. */
function shownBoards(boards: ReportBoard[]): ReportBoard[] {
  return boards.filter((b, i) => {
    const c = b.changes;
    const unchanged = c && c.added.length + c.removed.length + c.moved.length + c.linksAdded.length + c.linksRemoved.length === 0;
    return !(i > 0 && b.kind === 'before' && unchanged);
  });
}

// Characters WinAnsi has above Latin-1's range (curly quotes, dashes, €, …).
const WIN_ANSI_EXTRA = new Set([
  402, 8211, 8212, 8216, 8217, 8218, 8220, 8221, 8222, 8224, 8225, 8226, 8230, 8364, 8240, 8249, 8250, 710, 8482, 338, 339, 732, 352, 353, 376, 381, 382,
]);
const REPLACEMENTS: Record<string, string> = { '→': '->', '←': '<-', '≥': '>=', '≤': '<=', '‐': '-', '‑': '-', '−': '-', '\u00ad': '' };

/** Text the built-in fonts can draw: composed accents kept, the rest replaced or dropped. */
export function clean(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFC')) {
    const code = ch.codePointAt(0)!;
    if (ch === '\n' || (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRA.has(code)) out += ch;
    else if (ch in REPLACEMENTS) out += REPLACEMENTS[ch];
    else if (ch === '\t') out += ' ';
    else {
      // Letters with accents WinAnsi lacks (ł, ő) lose the accent; emoji and symbols go.
      const base = ch.normalize('NFD').replace(/\p{M}/gu, '');
      if (base !== ch && [...base].every((b) => b.codePointAt(0)! < 0x7f)) out += base;
      else if (/\p{L}|\p{N}/u.test(ch)) out += '?';
    }
  }
  return out;
}
