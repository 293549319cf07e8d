import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSessionOver, startServer, type TestServer } from '../helpers/server';
import { act, hostAs, hostView, joinAs, type Json, type Peer } from './hostileClient';

/*
 * The caps part of hole 7: one player wrote 6,527 blank cards in 40 s, and every join then
 * downloaded 1.4 MB. Blank cards and links have per-table caps (docs/protocol.md), and a note
 * is one short remark per card; beyond a cap the answer is LIMIT_REACHED and nothing changes.
 */

const BLANK_CARDS = 60;
const LINKS = 80;

let server: TestServer;
let session: { sessionId: string; code: string; hostToken: string };
const peers: Peer[] = [];
const track = (p: Peer) => (peers.push(p), p);

beforeEach(async () => {
  // The flood limits are another test's subject; here one player may write as fast as it likes.
  server = await startServer({ limits: { actionsPerSecond: 10_000, eventsPerSecond: 10_000 } });
  session = await createSessionOver(server.url, 'mini', 2);
});

afterEach(async () => {
  for (const p of peers.splice(0)) p.close();
  await server.stop();
  server.cleanup();
});

async function seated(tableId: string, roleId: string) {
  const p = track(await joinAs(server.url, session.code));
  const claim = await act(p.socket, 'seat:claim', { tableId, roleId, name: roleId });
  expect(claim.ok, claim.message).toBe(true);
  return p;
}

/** A spot in ring `ring` (0 = eigen kracht … 3 = landelijk), spread around the wheel. */
const spot = (i: number, ring = i % 4) => {
  const r = [0.3, 0.5, 0.7, 0.88][ring]!;
  const a = (i * 2.399) % (Math.PI * 2);
  return { x: Math.sin(a) * r, y: -Math.cos(a) * r };
};

describe('per-table caps', () => {
  it(`refuses the blank card after the ${BLANK_CARDS}th at a table with LIMIT_REACHED, and the table stays as it was`, async () => {
    const player = await seated('t1', 'mentor');
    for (let i = 0; i < BLANK_CARDS; i++) {
      const ack = await act(player.socket, 'card:place', { tableId: 't1', label: `Steun ${i} `.padEnd(80, 'x'), ...spot(i) });
      expect(ack.ok, ack.message).toBe(true);
    }
    const before = await hostView(server.url, session.sessionId, session.hostToken);
    const refused = await act(player.socket, 'card:place', { tableId: 't1', label: 'nog één', ...spot(99) });
    expect(refused).toMatchObject({ ok: false, code: 'LIMIT_REACHED' });
    expect(refused.message).toContain(String(BLANK_CARDS));
    // Cards from the deck are no blank cards: the deck stays playable.
    expect((await act(player.socket, 'card:place', { tableId: 't1', defId: 'bijstand', ...spot(3, 2) })).ok).toBe(true);
    const after = await hostView(server.url, session.sessionId, session.hostToken);
    const blanks = (state: Json) => Object.values(state.tables.t1.cards as Record<string, Json>).filter((c) => c.defId === null).length;
    expect(blanks(after.state)).toBe(BLANK_CARDS);
    expect(after.version).toBe(before.version + 1);

    // The cap is per table: the next table plays on.
    const neighbour = await seated('t2', 'moeder');
    expect((await act(neighbour.socket, 'card:place', { tableId: 't2', label: 'Buurvrouw', ...spot(1) })).ok).toBe(true);
    // Taking a blank card off makes room for one more.
    const oneId = Object.values(after.state.tables.t1.cards as Record<string, Json>).find((c) => c.defId === null).id;
    expect((await act(player.socket, 'card:remove', { tableId: 't1', cardId: oneId })).ok).toBe(true);
    expect((await act(player.socket, 'card:place', { tableId: 't1', label: 'nu wel', ...spot(7) })).ok).toBe(true);

    // What a late joiner downloads at the cap, with the longest labels: the figure the issue asked for.
    const late = track(await joinAs(server.url, session.code));
    const bytes = Buffer.byteLength(JSON.stringify(late.attach));
    console.log(`join snapshot with ${BLANK_CARDS} blank cards of 80 characters at one table: ${(bytes / 1024).toFixed(1)} KiB`);
    expect(bytes).toBeLessThan(200 * 1024);
  });

  it(`refuses the link after the ${LINKS}th at a table with LIMIT_REACHED, and the table stays as it was`, async () => {
    const player = await seated('t1', 'mentor');
    const ids: string[] = [];
    for (let i = 0; i < 20; i++) {
      const ack = await act(player.socket, 'card:place', { tableId: 't1', label: `Kaart ${i}`, ...spot(i) });
      ids.push(`blank-${ack.version}`);
    }
    let drawn = 0;
    for (let a = 0; a < ids.length && drawn < LINKS; a++) {
      for (let b = a + 1; b < ids.length && drawn < LINKS; b++) {
        const ack = await act(player.socket, 'link:add', { tableId: 't1', from: ids[a], to: ids[b] });
        expect(ack.ok, ack.message).toBe(true);
        drawn++;
      }
    }
    const before = await hostView(server.url, session.sessionId, session.hostToken);
    const refused = await act(player.socket, 'link:add', { tableId: 't1', from: ids[18], to: ids[19] });
    expect(refused).toMatchObject({ ok: false, code: 'LIMIT_REACHED' });
    expect(await hostView(server.url, session.sessionId, session.hostToken)).toEqual(before);
    expect(before.state.tables.t1.links).toHaveLength(LINKS);
  });

  it('keeps a note to one short remark per card: a longer one is refused and the card keeps its note', async () => {
    const player = await seated('t1', 'mentor');
    const host = track(await hostAs(server.url, session.sessionId, session.hostToken));
    await act(host.socket, 'situation:reveal', { all: true });
    expect((await act(player.socket, 'card:note', { tableId: 't1', cardId: 'mbo', note: 'alleen op dinsdag' })).ok).toBe(true);
    const before = await hostView(server.url, session.sessionId, session.hostToken);
    expect(await act(player.socket, 'card:note', { tableId: 't1', cardId: 'mbo', note: 'n'.repeat(141) })).toMatchObject({ ok: false, code: 'BAD_REQUEST' });
    expect(await hostView(server.url, session.sessionId, session.hostToken)).toEqual(before);
  });

  it('refuses a player’s insight after their tenth with LIMIT_REACHED', async () => {
    const player = await seated('t1', 'mentor');
    for (let i = 0; i < 10; i++) expect((await act(player.socket, 'insight:add', { text: `Inzicht ${i}` })).ok).toBe(true);
    const before = await hostView(server.url, session.sessionId, session.hostToken);
    expect(await act(player.socket, 'insight:add', { text: 'nog eentje' })).toMatchObject({ ok: false, code: 'LIMIT_REACHED' });
    expect(await hostView(server.url, session.sessionId, session.hostToken)).toEqual(before);
  });
});
