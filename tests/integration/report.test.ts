import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { replay, type ActionAck, type ActionPayloads, type ActionType, type CommittedAction, type SeatClaimAck, type SessionReport, type Snapshot } from '@samenspel/game-core';
import PDFDocument from 'pdfkit';
import { MISSING, registerFonts, runsOf } from '../../server/src/report/fonts';
import { BOTTOM, Flow, PAGE } from '../../server/src/report/layout';
import { setText } from '../../server/src/report/text';
import { createSessionOver, startServer, type TestServer } from '../helpers/server';
import { actionRequest, attachHost, joinAsPlayer, request, type TestSocket } from '../helpers/socket';

let server: TestServer;
const sockets: TestSocket[] = [];

beforeEach(async () => {
  server = await startServer({ limits: { actionsPerSecond: 10_000, eventsPerSecond: 10_000 } });
});
afterEach(async () => {
  for (const s of sockets.splice(0)) s.disconnect();
  await server.stop();
  server.cleanup();
});

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** A short workshop at one table: a vote, the situation, a card, a link, the event, an insight. */
async function playedSession() {
  const session = await createSessionOver(server.url, 'mini');
  const host = await attachHost(server.url, session.sessionId, session.hostToken);
  const player = await joinAsPlayer(server.url, session.code);
  const other = await joinAsPlayer(server.url, session.code);
  sockets.push(host.socket, player.socket, other.socket);
  let version = 0;
  const send = async <K extends ActionType>(socket: TestSocket, type: K, payload: ActionPayloads[K]) => {
    const ack = await request<ActionAck>(socket, type, actionRequest<K>(payload, version));
    if (!ack.ok) throw new Error(`${type}: ${ack.code} ${ack.message}`);
    version = ack.version;
  };
  for (const [p, roleId, name] of [[player, 'mentor', 'Anouk'], [other, 'moeder', 'Ria']] as const) {
    const claim = await request<SeatClaimAck>(p.socket, 'seat:claim', actionRequest<'seat:claim'>({ tableId: 't1', roleId, name }, version));
    if (!claim.ok) throw new Error(claim.message);
    version = claim.version;
  }
  await send(host.socket, 'poll:open', { pollId: 'werkveld' });
  await send(player.socket, 'poll:answer', { pollId: 'werkveld', option: 1 });
  await send(other.socket, 'poll:answer', { pollId: 'werkveld', option: 1 });
  await send(host.socket, 'poll:close', { pollId: 'werkveld' });
  await send(host.socket, 'situation:reveal', { all: true });
  await send(host.socket, 'step:set', { step: 'spelen', force: true });
  await send(player.socket, 'card:place', { tableId: 't1', defId: 'bijstand', x: 0, y: -0.7 });
  await send(player.socket, 'card:note', { tableId: 't1', cardId: 'bijstand', note: 'Pas vanaf 18' });
  await send(other.socket, 'link:add', { tableId: 't1', from: 'mbo', to: 'bijstand' });
  await send(host.socket, 'event:fire', { eventId: 'achttien' });
  await send(host.socket, 'step:set', { step: 'reflectie', force: true });
  await send(host.socket, 'prompt:show', { prompt: { kind: 'reflection', index: 0 } });
  await send(player.socket, 'insight:add', { text: 'Niemand wist wie na 18 helpt.' });
  await host.replica.waitForVersion(version);
  return { session, host, version };
}

describe('session report and log', () => {
  it('reports cards with support type and domain, a link, the vote, an insight, and the board around the event', async () => {
    const { session } = await playedSession();
    const res = await fetch(`${server.url}/api/sessions/${session.sessionId}/report.json`, { headers: bearer(session.hostToken) });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(new RegExp(`^attachment; filename="?samenspel-${session.code}-\\d{4}-\\d{2}-\\d{2}\\.json"?$`));
    const report = (await res.json()) as SessionReport;

    expect(report.session.code).toBe(session.code);
    expect(report.scenario).toMatchObject({ id: 'mini', title: 'Mini', persona: { name: 'Sam', age: 17 } });
    const table = report.tables[0]!;
    expect(table.cards.find((c) => c.id === 'bijstand')).toMatchObject({
      supportType: 'gemeente',
      sectorLabel: 'Wonen',
      note: 'Pas vanaf 18',
      law: 'Participatiewet',
      roleName: 'Klantmanager',
      origin: 'player',
    });
    expect(table.links).toEqual([expect.objectContaining({ fromLabel: 'MBO-opleiding', toLabel: 'Bijstand' })]);
    expect(report.polls).toEqual([{ pollId: 'werkveld', kind: 'choice', question: 'Waar werkt u?', options: ['Beleid', 'Uitvoering'], counts: [0, 2], total: 2 }]);
    expect(table.polls).toEqual([{ pollId: 'werkveld', counts: [0, 2], total: 2 }]);
    expect(table.insights).toEqual([expect.objectContaining({ text: 'Niemand wist wie na 18 helpt.', roleName: 'Mentor fasehuis', promptText: 'Wat viel op?' })]);
    expect(JSON.stringify(table.insights)).not.toContain('Anouk');
    expect(table.ended).toEqual([expect.objectContaining({ id: 'fasehuis', eventTitle: 'Sam wordt 18', reason: 'Jeugdhulp stopt.' })]);

    const kinds = table.boards.map((b) => b.kind);
    expect(kinds).toEqual(['start', 'before', 'after', 'end']);
    const before = table.boards[1]!.table;
    const after = table.boards[2]!.table;
    expect(Object.keys(before.cards)).toContain('fasehuis');
    expect(Object.keys(after.cards)).not.toContain('fasehuis');
    expect(table.boards[2]!.changes?.removed.map((c) => c.id)).toEqual(['fasehuis']);
  });

  it('renders the report as a PDF of more than one page', async () => {
    const { session } = await playedSession();
    const res = await fetch(`${server.url}/api/sessions/${session.sessionId}/report.pdf`, { headers: bearer(session.hostToken) });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toContain(`samenspel-${session.code}-`);
    const pdf = Buffer.from(await res.arrayBuffer());
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page\b(?!s)/g) ?? [];
    expect(pages.length).toBeGreaterThan(1);
  });

  it('sets text in DejaVu, emoji in Noto Emoji and Arabic upright, and marks a character no font has', () => {
    expect(runsOf('Café → “één”', 'regular')).toEqual([{ font: 'regular', text: 'Café → “één”' }]);
    const runs = runsOf('Samen 🤝 klaar', 'italic');
    expect(runs.map((r) => r.text)).toEqual(['Samen ', '🤝', ' klaar']);
    expect(runs[1]!.font).toMatch(/^emoji-/);
    // DejaVu's oblique face has no Arabic letters; they print upright rather than vanish.
    expect(runsOf('zegt شكرا', 'italic')).toEqual([
      { font: 'italic', text: 'zegt ' },
      { font: 'regular', text: 'شكرا' },
    ]);
    expect(runsOf('a\u{10FFFD}b', 'regular')).toEqual([{ font: 'regular', text: `a${MISSING}b` }]);
  });

  it('breaks a long Dutch word at a syllable with a hyphen, and a word without syllables with a hyphen too', () => {
    const doc = new PDFDocument({ size: 'A4' });
    registerFonts(doc);
    const style = { face: 'regular' as const, size: 10 };
    const lines = setText(doc, 'Gesprekken met de studieloopbaanbegeleider', style, 90, 'nl').map((l) => l.runs.map((r) => r.text).join(''));
    expect(lines).toEqual(['Gesprekken met', 'de studieloop-', 'baanbegeleider']);
    const nonsense = setText(doc, 'x'.repeat(80), style, 60, 'nl').map((l) => l.runs.map((r) => r.text).join(''));
    expect(nonsense.length).toBeGreaterThan(1);
    for (const line of nonsense.slice(0, -1)) expect(line).toMatch(/^x+-$/);
    expect(nonsense.join('').replace(/-/g, '')).toBe('x'.repeat(80));
  });

  it('moves a heading to the next page when what must follow it does not fit under it', () => {
    const doc = new PDFDocument({ size: 'A4', bufferPages: true, margins: { top: 0, bottom: 0, left: 0, right: 0 } });
    registerFonts(doc);
    const flow = new Flow(doc, 'nl');
    flow.y = BOTTOM - 40;
    // The heading itself fits; heading and the first 60 points of its chart do not.
    flow.heading('Stemmen met de voeten', 13, 60);
    expect(doc.bufferedPageRange().count).toBe(2);
    expect(flow.y).toBeLessThan(PAGE.margin + 30);
    flow.y = BOTTOM - 80;
    flow.heading('Inzichten', 13, 40);
    expect(doc.bufferedPageRange().count).toBe(2);
    doc.end();
  });

  it('hands out the log from version 0, and replaying it gives the live state', async () => {
    const { session, host, version } = await playedSession();
    const res = await fetch(`${server.url}/api/sessions/${session.sessionId}/log`, { headers: bearer(session.hostToken) });
    expect(res.status).toBe(200);
    const log = (await res.json()) as { initial: Snapshot; actions: CommittedAction[] };
    expect(log.initial.version).toBe(0);
    expect(log.actions.map((a) => a.version)).toEqual(Array.from({ length: version }, (_, i) => i + 1));
    expect(replay(log.initial.state, log.actions)).toEqual(host.replica.state);
  });

  it('keeps the initial state in the log after the periodic snapshots', async () => {
    const session = await createSessionOver(server.url, 'mini');
    const player = await joinAsPlayer(server.url, session.code);
    sockets.push(player.socket);
    const claim = await request<SeatClaimAck>(player.socket, 'seat:claim', actionRequest<'seat:claim'>({ tableId: 't1', roleId: 'mentor', name: 'Anouk' }, 0));
    if (!claim.ok) throw new Error(claim.message);
    // More than one snapshot interval (200 actions).
    for (let i = 0; i < 205; i++) {
      const ack = await request<ActionAck>(player.socket, 'token:move', actionRequest<'token:move'>({ tableId: 't1', roleId: 'mentor', x: 1.1, y: (i % 10) / 10, rev: i }, i + 1));
      if (!ack.ok) throw new Error(ack.message);
    }
    const log = (await (await fetch(`${server.url}/api/sessions/${session.sessionId}/log`, { headers: bearer(session.hostToken) })).json()) as { initial: Snapshot; actions: CommittedAction[] };
    expect(log.initial.version).toBe(0);
    expect(log.actions).toHaveLength(206);
    const host = await attachHost(server.url, session.sessionId, session.hostToken);
    sockets.push(host.socket);
    expect(replay(log.initial.state, log.actions)).toEqual(host.replica.state);
  });

  it('refuses the facilitator endpoints without a token, with a wrong one, or with another session’s', async () => {
    const a = await createSessionOver(server.url, 'mini');
    const b = await createSessionOver(server.url, 'mini');
    for (const path of ['log', 'report.json', 'report.pdf']) {
      const url = `${server.url}/api/sessions/${a.sessionId}/${path}`;
      const none = await fetch(url);
      expect(none.status, path).toBe(401);
      expect(await none.json()).toMatchObject({ code: 'BAD_HOST_TOKEN' });
      const wrong = await fetch(url, { headers: bearer('not-the-token') });
      expect(wrong.status, path).toBe(403);
      expect(await wrong.json()).toMatchObject({ code: 'BAD_HOST_TOKEN', message: expect.any(String) });
      expect((await fetch(url, { headers: bearer(b.hostToken) })).status, path).toBe(403);
      expect((await fetch(url, { headers: { authorization: a.hostToken } })).status, path).toBe(401);
    }
    const unknown = await fetch(`${server.url}/api/sessions/nope/log`, { headers: bearer(a.hostToken) });
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ code: 'SESSION_NOT_FOUND' });
    expect((await fetch(`${server.url}/api/sessions/${b.sessionId}`, { method: 'DELETE', headers: bearer(a.hostToken) })).status).toBe(403);
    expect((await fetch(`${server.url}/api/sessions/${b.sessionId}/cohost`, { method: 'POST', headers: bearer(a.hostToken) })).status).toBe(403);
  });

  it('stops answering an address that keeps sending wrong tokens', async () => {
    const a = await createSessionOver(server.url, 'mini');
    const url = `${server.url}/api/sessions/${a.sessionId}/log`;
    const statuses: number[] = [];
    for (let i = 0; i < 22; i++) statuses.push((await fetch(url, { headers: bearer(`guess-${i}`) })).status);
    expect(statuses.slice(0, 20).every((s) => s === 403)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
  });
});
