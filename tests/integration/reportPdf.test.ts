import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cellPoint, shownBoards, type ActionAck, type ActionPayloads, type ActionType, type SeatClaimAck, type SessionReport } from '@samenspel/game-core';
import { boardLinks } from '../../server/src/report/pdf';
import { stackedLabels, wheelDrawing } from '../../server/src/report/wheel';
import { WORDS } from '../../server/src/report/words';
import { REAL_SCENARIOS, createSessionOver, startServer, type TestServer } from '../helpers/server';
import { actionRequest, attachHost, joinAsPlayer, request, type TestSocket } from '../helpers/socket';

/*
 * The printed report read back as text with poppler's pdftotext, from a five-table Tess
 * session with emoji, Arabic and arrows in its insights and card labels.
 */

let server: TestServer;
const sockets: TestSocket[] = [];
let dir: string;
let printed: Awaited<ReturnType<typeof fetchReport>>;

// One session for every test here: they all read the same report.
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'samenspel-pdf-'));
  server = await startServer({ scenariosDir: REAL_SCENARIOS, limits: { actionsPerSecond: 10_000, eventsPerSecond: 10_000 } });
  printed = await fetchReport(await tessSession());
});
afterAll(async () => {
  for (const s of sockets.splice(0)) s.disconnect();
  await server.stop();
  server.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const SECTORS = ['wonen', 'leren', 'werk', 'financien', 'gezondheid', 'sociale-relaties', 'vrije-tijd', 'veiligheid'];
const at = (ring: number, sector: string, slot = 0) => cellPoint(ring, SECTORS.indexOf(sector), SECTORS.length, slot, 3);

const EMOJI = '🤝';
const ARABIC = ['مرشد', 'العائلة'];
const ARROW = '→';
const LONG_WORD = 'studieloopbaanbegeleidersovereenkomstverlengingsaanvraagformulier';

/** Tess at five tables: cards placed, lines drawn before the event (one to a card it ends), the event, insights. */
async function tessSession() {
  const session = await createSessionOver(server.url, 'tess-wordt-18', 5);
  const host = await attachHost(server.url, session.sessionId, session.hostToken);
  sockets.push(host.socket);
  let version = host.replica.version;
  const send = async <K extends ActionType>(socket: TestSocket, type: K, payload: ActionPayloads[K]) => {
    const ack = await request<ActionAck>(socket, type, actionRequest<K>(payload, version));
    if (!ack.ok) throw new Error(`${type}: ${ack.code} ${ack.message}`);
    version = ack.version;
  };
  const players: TestSocket[] = [];
  for (let t = 1; t <= 5; t++) {
    const p = await joinAsPlayer(server.url, session.code);
    sockets.push(p.socket);
    players.push(p.socket);
    const claim = await request<SeatClaimAck>(p.socket, 'seat:claim', actionRequest<'seat:claim'>({ tableId: `t${t}`, roleId: 'mentor', name: `Speler ${t}` }, version));
    if (!claim.ok) throw new Error(claim.message);
    version = claim.version;
  }
  await send(host.socket, 'situation:reveal', { all: true });
  await send(host.socket, 'step:set', { step: 'spelen', force: true });
  for (const [i, socket] of players.entries()) {
    const tableId = `t${i + 1}`;
    // Drawn before the event, to a card the event ends: only the first boards show it.
    await send(socket, 'link:add', { tableId, from: 'fasehuis', to: 'mentorgesprek' });
    await send(socket, 'link:add', { tableId, from: 'mbo-opleiding', to: 'slb-begeleiding' });
    await send(socket, 'card:place', { tableId, defId: 'perspectiefplan', ...at(2, 'wonen', 1) });
    await send(socket, 'card:place', { tableId, defId: 'budgetcoach', ...at(1, 'financien', 1) });
    await send(socket, 'card:place', { tableId, label: `${EMOJI} Buddy ${ARROW} ${ARABIC[0]}`, ...at(1, 'sociale-relaties', 2) });
    if (i === 0) await send(socket, 'card:place', { tableId, label: LONG_WORD, ...at(3, 'leren', 2) });
  }
  await send(host.socket, 'event:fire', { eventId: 'tess-wordt-18' });
  for (const [i, socket] of players.entries()) {
    const tableId = `t${i + 1}`;
    await send(socket, 'card:place', { tableId, defId: 'zorgverzekering-zorgtoeslag', ...at(3, 'gezondheid', 2) });
    await send(socket, 'link:add', { tableId, from: 'jeugdloon-18', to: 'bankrekening-volwassen' });
  }
  await send(host.socket, 'step:set', { step: 'reflectie', force: true });
  await send(host.socket, 'prompt:show', { prompt: { kind: 'reflection', index: 0 } });
  for (const socket of players) await send(socket, 'insight:add', { text: `Samen ${EMOJI} met ${ARABIC[1]} ${ARROW} eerst de woning regelen.` });
  await host.replica.waitForVersion(version);
  return session;
}

async function fetchReport(session: { sessionId: string; hostToken: string }) {
  const headers = bearer(session.hostToken);
  const json = (await (await fetch(`${server.url}/api/sessions/${session.sessionId}/report.json`, { headers })).json()) as SessionReport;
  const res = await fetch(`${server.url}/api/sessions/${session.sessionId}/report.pdf`, { headers });
  expect(res.status).toBe(200);
  const file = join(dir, `${session.sessionId}.pdf`);
  writeFileSync(file, Buffer.from(await res.arrayBuffer()));
  // REPORT_PDF_OUT=/some/file.pdf keeps a copy to look at (pdftoppm -r 60 -png).
  if (process.env.REPORT_PDF_OUT) copyFileSync(file, process.env.REPORT_PDF_OUT);
  // -raw keeps the order things were drawn in, so a text beside a wheel reads on.
  const text = execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' });
  // One string per page: pdftotext ends every page with a form feed.
  const pages = text.split('\f').slice(0, -1);
  return { json, text, pages };
}

describe('printed report', () => {
  it('prints emoji, Arabic and arrows from insights and card labels', () => {
    const { text } = printed;
    expect(text).toContain(EMOJI);
    expect(text).toContain(ARROW);
    for (const word of ARABIC) expect(text).toContain(word);
    // The card label and the insight, each once per table.
    expect(text.split(EMOJI).length - 1).toBeGreaterThanOrEqual(10);
    expect(text).not.toContain('->');
  });

  it('lists the connections of every board that has them, the same number as the JSON', () => {
    const { json, text } = printed;
    const w = WORDS.nl;
    let expected = 0;
    for (const table of json.tables) {
      for (const board of shownBoards(table.boards)) expected += boardLinks(board, w).length;
    }
    // Two lines before the event and one after, on every table's boards.
    expect(expected).toBeGreaterThanOrEqual(5 * 4);
    const listed = text.split('\n').filter((line) => line.includes('↔')).length;
    expect(listed).toBe(expected);
    expect(text).toContain('Bijna elk weekend');
    // The line to the fasehuis ended with the event, yet the first boards still list it.
    expect(text.match(/Verblijf in een fasehuis ↔ Wekelijks mentorgesprek|fasehuis.*↔/g)?.length ?? 0).toBeGreaterThanOrEqual(5);
    expect(text).not.toContain(w.noLinks);
  });

  it('prints the event’s whole text and every change, without "…" or "+N"', () => {
    const { json, text } = printed;
    const flat = text.replace(/\s+/g, ' ');
    const narrative = json.events[0]!.narrative.replace(/\s+/g, ' ');
    // pdftotext joins a word broken with a hyphen at a line end; compare without them.
    const joined = flat.replace(/(\p{L})- (\p{L})/gu, '$1$2');
    expect(joined).toContain(narrative.slice(-80));
    expect(joined).toContain('stopt tenzij de gemeente verlengde jeugdhulp toekent');
    expect(text).not.toMatch(/… \+\d+/);
    const after = json.tables[0]!.boards.find((b) => b.kind === 'after')!;
    for (const card of after.changes!.removed) expect(joined).toContain(`Gestopt: ${card.label}`);
  });

  it('draws every card, ended ones too, on the shared layout or names it beside the wheel when the layout stacks it', () => {
    const { json, text } = printed;
    const flat = text.replace(/\s+/g, ' ').replace(/(\p{L})- (\p{L})/gu, '$1$2');
    let ended = 0;
    let withStacks = 0;
    for (const table of json.tables) {
      for (const [i, board] of table.boards.entries()) {
        const drawing = wheelDrawing(board, table.boards[i - 1], json.sectors.length, 'nl', json.scenario.wheelLabels);
        const drawn = { ...drawing.layout.loose, ...drawing.layout.cards };
        const stacked = new Set(drawing.layout.stacks.flatMap((s) => s.ids));
        for (const id of drawing.cards.keys()) expect(drawn[id] !== undefined || stacked.has(id), `${board.label}: ${id}`).toBe(true);
        // The cards an event ended are on the board after it, beside the ones that replaced them.
        for (const card of board.changes?.removed ?? []) {
          expect(drawing.cards.get(card.id), `${board.label}: ${card.label}`).toBeDefined();
          ended++;
        }
        if (stacked.size > 0 && shownBoards(table.boards).includes(board)) {
          withStacks++;
          // Arabic comes out of pdftotext with direction marks; the other labels read as written.
          for (const label of stackedLabels(drawing)) if (!/[\u0600-\u06ff]/u.test(label)) expect(flat).toContain(label);
        }
      }
    }
    expect(ended).toBeGreaterThanOrEqual(5 * 7);
    expect(flat.split('Op een stapel op het wiel:').length - 1).toBe(withStacks);
  });

  it('never leaves a heading as the last line of a page', () => {
    const { pages } = printed;
    expect(pages.length).toBeGreaterThan(5);
    const w = WORDS.nl;
    const headings = [w.overview, w.legend, w.polls, w.allCards, w.endedCards, w.connections, w.insights, w.tablePolls, w.since];
    for (const [i, page] of pages.entries()) {
      const lines = page.split('\n').map((l) => l.trim()).filter(Boolean);
      // The footer is written last; the line drawn before it is the page's last content.
      const footer = lines.findIndex((l) => /pagina \d+ van \d+$/.test(l));
      expect(footer, `page ${i + 1}`).toBeGreaterThan(0);
      const last = lines[footer - 1]!;
      for (const heading of headings) expect(last, `page ${i + 1}`).not.toBe(heading);
    }
  });

  it('breaks an unbroken 65-letter word over lines with hyphens, never mid-word without one', () => {
    const { text } = printed;
    const raw = text.split('\n').map((l) => l.trim());
    const pieces = raw.filter((l) => l.length > 0 && LONG_WORD.includes(l.replace(/-$/, '')) && l !== LONG_WORD);
    expect(pieces.length).toBeGreaterThan(1);
    const broken = raw.filter((l) => /^studieloopbaanbeg/.test(l));
    for (const line of broken) expect(line).toMatch(/-$/);
  });
});
