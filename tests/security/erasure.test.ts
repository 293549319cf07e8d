import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/server';
import { hostOf, listen, newSession, PROTOCOL, tabletOf, type Listener } from './viewWire';

/*
 * Hole 4: removed means gone. After the facilitator removes an insight or erases a card's
 * words (and after deleting a session), the words are in no message, no download and no byte
 * under DATA_DIR: not in the log, not in a snapshot, not in SQLite's WAL or free pages.
 */

const INSIGHT = 'Cliënt Hendrika Wolfskamp belde';
const LABEL = 'Oom Barend Zijlstra helpt';
const NOTE = 'Kerkstraat 12 in Oudewater';
const KEPT = 'Samen is beter dan alleen';

let server: TestServer;
const open: Listener[] = [];
afterEach(async () => {
  for (const l of open.splice(0)) l.close();
  await server.stop();
  server.cleanup();
});

/** Every byte of every file under the data dir. */
function dataBytes(dir: string): Buffer {
  const parts: Buffer[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    parts.push(statSync(path).isDirectory() ? dataBytes(path) : readFileSync(path));
  }
  return Buffer.concat(parts);
}

/** Whether the words are anywhere in the bytes, as UTF-8 or any part of eight characters or more. */
function traces(bytes: Buffer, words: string): string[] {
  const found: string[] = [];
  for (let i = 0; i + 8 <= words.length; i += 4) {
    const piece = words.slice(i, i + 8);
    if (bytes.includes(Buffer.from(piece, 'utf8'))) found.push(piece);
  }
  return found;
}

async function ok(l: Listener, type: string, payload: unknown): Promise<number> {
  const ack = await l.act<{ ok: boolean; version: number }>(type, payload);
  expect(ack, type).toMatchObject({ ok: true });
  return ack.version;
}

async function played() {
  // A snapshot is written every 200 actions: play past one so the words are in a snapshot too.
  server = await startServer({ limits: { actionsPerSecond: 100_000, eventsPerSecond: 100_000 } });
  const session = await newSession(server.url, 1);
  const host = await hostOf(server.url, session);
  const player = await tabletOf(server.url, session.code, { tableId: 't1', roleId: 'mentor', name: 'Gert' });
  open.push(host, player.tablet);
  await ok(host, 'situation:reveal', { all: true });
  await ok(host, 'step:set', { step: 'reflectie', force: true });
  const card = `blank-${await ok(player.tablet, 'card:place', { tableId: 't1', label: LABEL, x: 0.2, y: -0.6 })}`;
  await ok(player.tablet, 'card:note', { tableId: 't1', cardId: card, note: NOTE });
  await ok(player.tablet, 'card:note', { tableId: 't1', cardId: card, note: `${NOTE}, achterom` });
  const insight = `i${await ok(player.tablet, 'insight:add', { text: INSIGHT })}`;
  await ok(player.tablet, 'insight:add', { text: KEPT });
  await ok(host, 'insight:set', { insightId: insight, revealed: true });
  for (let rev = 0; rev < 200; rev++) await ok(player.tablet, 'token:move', { tableId: 't1', roleId: 'mentor', x: 0.1 + (rev % 2) * 0.1, y: 1.2, rev });
  return { session, host, player, card, insight };
}

async function download(path: string, hostToken: string): Promise<string> {
  const res = await fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${hostToken}` } });
  expect(res.status, path).toBe(200);
  return res.text();
}

describe('removed means gone', () => {
  it('leaves no trace of a removed insight or an erased card in any file, download or message', async () => {
    const w = await played();
    // The words are on disk before (the check finds what it looks for).
    const before = dataBytes(server.dataDir);
    for (const words of [INSIGHT, LABEL, NOTE]) expect(traces(before, words).length, words).toBeGreaterThan(0);

    await ok(w.host, 'insight:remove', { insightId: w.insight });
    await ok(w.host, 'card:redact', { tableId: 't1', cardId: w.card });

    const after = dataBytes(server.dataDir);
    for (const words of [INSIGHT, LABEL, NOTE]) expect(traces(after, words), words).toEqual([]);
    expect(traces(after, KEPT).length).toBeGreaterThan(0);

    const log = await download(`/api/sessions/${w.session.sessionId}/log`, w.session.hostToken);
    const report = await download(`/api/sessions/${w.session.sessionId}/report.json`, w.session.hostToken);
    for (const text of [log, report]) for (const words of [INSIGHT, LABEL, NOTE]) expect(text).not.toContain(words);
    expect(report).toContain(KEPT);

    // A late guest that asks for everything, and a facilitator who attaches afresh.
    const late = await listen(server.url);
    open.push(late);
    await late.ask('session:join', { protocolVersion: PROTOCOL, code: w.session.code });
    await late.ask('session:sync', { sinceVersion: 0 });
    const again = await hostOf(server.url, w.session);
    open.push(again);
    await again.ask('session:sync', { sinceVersion: 0 });
    for (const l of [late, again]) for (const words of [INSIGHT, LABEL, NOTE]) expect(l.heard.join('\n')).not.toContain(words);
  });

  it('keeps the erased card in its place and the session playable after a restart', async () => {
    const w = await played();
    await ok(w.host, 'card:redact', { tableId: 't1', cardId: w.card });
    await ok(w.host, 'insight:remove', { insightId: w.insight });
    server = await server.restart();
    const host = await hostOf(server.url, w.session);
    open.push(host);
    const attach = host.heard.find((l) => l.startsWith('ack:host:attach'))!;
    const state = JSON.parse(attach.slice('ack:host:attach '.length)) as {
      snapshot: { state: { tables: Record<string, { cards: Record<string, { label: string; note: string; x: number }> }>; insights: { text: string }[] } };
    };
    expect(state.snapshot.state.tables.t1!.cards[w.card]).toMatchObject({ label: '—', note: '', x: 0.2 });
    expect(state.snapshot.state.insights.map((i) => i.text)).toEqual([KEPT]);
    await ok(host, 'card:move', { tableId: 't1', cardId: w.card, x: 0.25, y: -0.6, rev: 0 });
  });

  it('refuses a player who tries to erase a card, and changes nothing', async () => {
    const w = await played();
    const refused = await w.player.tablet.act<{ ok: boolean; code: string }>('card:redact', { tableId: 't1', cardId: w.card });
    expect(refused).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(traces(dataBytes(server.dataDir), LABEL).length).toBeGreaterThan(0);
  });

  it('leaves no trace of a deleted session in any file', async () => {
    const w = await played();
    const res = await fetch(`${server.url}/api/sessions/${w.session.sessionId}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${w.session.hostToken}` },
    });
    expect(res.status).toBeLessThan(300);
    const after = dataBytes(server.dataDir);
    for (const words of [INSIGHT, LABEL, NOTE, KEPT]) expect(traces(after, words), words).toEqual([]);
  });
});
