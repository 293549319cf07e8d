import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSessionOver, startServer, type TestServer } from '../helpers/server';
import { act, hostAs, hostView, joinAs, next, type Json, type Peer } from './hostileClient';

/*
 * Hole 11 of the trust issue: text that breaks screens. A right-to-left override in a name turns
 * the timeline's sentence around, zero-width characters make two names look the same, and a
 * stack of combining marks spills over the lines around it. The server stores clean text.
 */

const RLO = '\u202E';
const ZWSP = '\u200B';
const ZALGO = 'o' + '\u0336\u0337\u0338\u0300\u0301\u0302'.repeat(6);
/** Every character the server must take out (bidi controls, zero-width characters). */
const INVISIBLE = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C\u200B-\u200D\u2060\uFEFF]/u;
const maxMarkRun = (s: string) => {
  let run = 0;
  let max = 0;
  for (const ch of s) {
    run = /\p{M}/u.test(ch) ? run + 1 : 0;
    max = Math.max(max, run);
  }
  return max;
};

let server: TestServer;
let session: { sessionId: string; code: string; hostToken: string };
const peers: Peer[] = [];
const track = (p: Peer) => (peers.push(p), p);

beforeEach(async () => {
  server = await startServer();
  session = await createSessionOver(server.url, 'mini', 1);
});

afterEach(async () => {
  for (const p of peers.splice(0)) p.close();
  await server.stop();
  server.cleanup();
});

describe('text that breaks screens', () => {
  it('stores and broadcasts a name without its right-to-left override, zero-width characters or stacked marks', async () => {
    // The facilitator hears names; a guest's copy of the broadcast leaves the name out.
    const watcher = track(await hostAs(server.url, session.sessionId, session.hostToken));
    const player = track(await joinAs(server.url, session.code));
    const heard = next(watcher, 'seat:claimed');
    const claim = await act(player.socket, 'seat:claim', { tableId: 't1', roleId: 'mentor', name: `Anouk${RLO}${ZWSP} ${ZALGO}` });
    expect(claim.ok, claim.message).toBe(true);
    const broadcast = await heard;
    const view = await hostView(server.url, session.sessionId, session.hostToken);
    for (const name of [claim.seat.name, broadcast.payload.name, view.state.seats[claim.seat.id].name] as string[]) {
      expect(INVISIBLE.test(name)).toBe(false);
      expect(maxMarkRun(name)).toBeLessThanOrEqual(2);
      expect(name.startsWith('Anouk ')).toBe(true);
    }
  });

  it('makes two names that differ only by invisible characters the same name', async () => {
    const a = track(await joinAs(server.url, session.code));
    const b = track(await joinAs(server.url, session.code));
    const first = await act(a.socket, 'seat:claim', { tableId: 't1', roleId: 'mentor', name: 'Anna' });
    const second = await act(b.socket, 'seat:claim', { tableId: 't1', roleId: 'moeder', name: `An${ZWSP}na\u200D` });
    expect(second.seat.name).toBe(first.seat.name);
  });

  it('refuses a name, a label, a note, an insight and a table name with nothing visible left, as INVALID_TEXT, and nothing changes', async () => {
    const player = track(await joinAs(server.url, session.code));
    const host = track(await hostAs(server.url, session.sessionId, session.hostToken));
    const guest = track(await joinAs(server.url, session.code));
    expect((await act(player.socket, 'seat:claim', { tableId: 't1', roleId: 'mentor', name: 'Anouk' })).ok).toBe(true);
    await act(host.socket, 'situation:reveal', { all: true });
    const before = await hostView(server.url, session.sessionId, session.hostToken);
    const empty = `${RLO}${ZWSP}\u2066\u2069\uFEFF `;
    const tries: [Peer, string, Json][] = [
      [guest, 'seat:claim', { tableId: 't1', roleId: 'moeder', name: empty }],
      [player, 'card:place', { tableId: 't1', label: empty, x: 0, y: -0.5 }],
      [player, 'card:note', { tableId: 't1', cardId: 'mbo', note: empty }],
      [player, 'insight:add', { text: `${empty}\n\n${ZWSP}` }],
      [host, 'table:add', { name: empty }],
    ];
    for (const [p, type, payload] of tries) {
      const ack = await act(p.socket, type, payload);
      expect(ack, type).toMatchObject({ ok: false, code: 'INVALID_TEXT' });
      expect(typeof ack.message).toBe('string');
    }
    expect(await hostView(server.url, session.sessionId, session.hostToken)).toEqual(before);
  });

  it('cleans labels, notes and insights the same way before they are stored', async () => {
    const player = track(await joinAs(server.url, session.code));
    const host = track(await hostAs(server.url, session.sessionId, session.hostToken));
    expect((await act(player.socket, 'seat:claim', { tableId: 't1', roleId: 'mentor', name: 'Anouk' })).ok).toBe(true);
    await act(host.socket, 'situation:reveal', { all: true });
    expect((await act(player.socket, 'card:place', { tableId: 't1', label: `Buur${RLO}vrouw ${ZALGO}`, x: 0, y: -0.5 })).ok).toBe(true);
    expect((await act(player.socket, 'card:note', { tableId: 't1', cardId: 'mbo', note: `alleen${ZWSP} op\u2067 dinsdag` })).ok).toBe(true);
    expect((await act(player.socket, 'insight:add', { text: `Vraag${RLO} het Sam\n\n\n\nzelf` })).ok).toBe(true);
    expect((await act(host.socket, 'table:add', { name: `Tafel${ZWSP} 2` })).ok).toBe(true);
    const { state } = await hostView(server.url, session.sessionId, session.hostToken);
    const blank = Object.values(state.tables.t1.cards as Record<string, Json>).find((c) => c.defId === null);
    expect(blank.label.startsWith('Buurvrouw ')).toBe(true);
    expect(maxMarkRun(blank.label)).toBeLessThanOrEqual(2);
    expect(state.tables.t1.cards.mbo.note).toBe('alleen op dinsdag');
    expect(state.insights[0].text).toBe('Vraag het Sam\n\nzelf');
    expect(state.tables.t2.name).toBe('Tafel 2');
  });
});
