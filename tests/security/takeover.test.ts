import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSessionOver, startServer, type TestServer } from '../helpers/server';
import { act, hostAs, hostView, joinAs, next, screenAs, type Json, type Peer } from './hostileClient';

/*
 * Hole 1 of the trust issue: nobody can act in someone else's name. Every broadcast carries the
 * action's actionId, so an actionId is public; it must never be a key to someone else's answer.
 */

let server: TestServer;
let session: { sessionId: string; code: string; hostToken: string };
const peers: Peer[] = [];
const track = (p: Peer) => (peers.push(p), p);

beforeEach(async () => {
  server = await startServer();
  session = await createSessionOver(server.url, 'mini', 2);
});

afterEach(async () => {
  for (const p of peers.splice(0)) p.close();
  await server.stop();
  server.cleanup();
});

async function seated(roleId: string, name: string, tableId = 't1') {
  const p = track(await joinAs(server.url, session.code));
  const actionId = randomUUID();
  const claim = await act(p.socket, 'seat:claim', { tableId, roleId, name }, actionId);
  expect(claim.ok, claim.message).toBe(true);
  return { peer: p, claim, actionId };
}

const sees = (p: Peer, secret: string) => p.heard.some(([, body]) => JSON.stringify(body ?? null).includes(secret));

describe('seat takeover', () => {
  it('gives no seat token to another connection that replays a claim’s actionId, and it cannot play as that seat', async () => {
    const victim = await seated('mentor', 'Anouk');
    const attacker = track(await joinAs(server.url, session.code));
    const before = await hostView(server.url, session.sessionId, session.hostToken);

    // The actionId is in the seat:claimed broadcast every connection receives.
    for (const payload of [
      { tableId: 't1', roleId: 'mentor', name: 'Anouk' },
      { tableId: 't2', roleId: 'moeder', name: 'Mallory' },
    ]) {
      const replay = await act(attacker.socket, 'seat:claim', payload, victim.actionId);
      expect(replay).toMatchObject({ ok: false, code: 'CONFLICT' });
      expect(replay.seatToken).toBeUndefined();
      expect(replay.seat).toBeUndefined();
    }
    const move = await act(attacker.socket, 'token:move', { tableId: 't1', roleId: 'mentor', x: 0.1, y: 0.1, rev: 0 });
    expect(move).toMatchObject({ ok: false, code: 'NOT_SEATED' });
    const insight = await act(attacker.socket, 'insight:add', { text: 'namens Anouk' });
    expect(insight).toMatchObject({ ok: false, code: 'NOT_SEATED' });

    expect(await hostView(server.url, session.sessionId, session.hostToken)).toEqual(before);
    expect(sees(attacker, victim.claim.seatToken)).toBe(false);
  });

  it('gives a seated player who replays someone else’s claim nothing, not even their own seat twice', async () => {
    const victim = await seated('mentor', 'Anouk');
    const other = await seated('moeder', 'Mallory');
    const before = await hostView(server.url, session.sessionId, session.hostToken);
    const replay = await act(other.peer.socket, 'seat:claim', { tableId: 't1', roleId: 'mentor', name: 'Anouk' }, victim.actionId);
    expect(replay).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(replay.seatToken).toBeUndefined();
    // Still Mallory: a move of Anouk's token is not hers to make.
    const move = await act(other.peer.socket, 'token:move', { tableId: 't1', roleId: 'mentor', x: 0.1, y: 0.1, rev: 0 });
    expect(move).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await hostView(server.url, session.sessionId, session.hostToken)).toEqual(before);
  });

  it('still answers a real retry from the connection that claimed, with its own seat and a token that works', async () => {
    const victim = await seated('mentor', 'Anouk');
    const retry = await act(victim.peer.socket, 'seat:claim', { tableId: 't1', roleId: 'mentor', name: 'Anouk' }, victim.actionId);
    expect(retry).toMatchObject({ ok: true, duplicate: true, version: victim.claim.version, seat: { id: victim.claim.seat.id } });
    const back = track(await joinAs(server.url, session.code, retry.seatToken));
    expect(back.attach).toMatchObject({ ok: true, viewer: { kind: 'seat', seatId: victim.claim.seat.id } });
  });

  it('scopes a repeated actionId to its sender: another seat gets a refusal, not the first answer', async () => {
    const anouk = await seated('mentor', 'Anouk');
    const mallory = await seated('moeder', 'Mallory');
    const host = track(await hostAs(server.url, session.sessionId, session.hostToken));
    await act(host.socket, 'situation:reveal', { all: true, tableIds: ['t1'] });
    const moveId = randomUUID();
    const first = await act(anouk.peer.socket, 'card:move', { tableId: 't1', cardId: 'mbo', x: 0.2, y: -0.45, rev: 0 }, moveId);
    expect(first.ok, first.message).toBe(true);
    const before = await hostView(server.url, session.sessionId, session.hostToken);
    const copy = await act(mallory.peer.socket, 'card:move', { tableId: 't1', cardId: 'mbo', x: -0.2, y: -0.45, rev: 1 }, moveId);
    expect(copy).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(copy.duplicate).toBeUndefined();
    // The facilitator reusing a player's id is refused the same way.
    expect(await act(host.socket, 'card:move', { tableId: 't1', cardId: 'mbo', x: -0.2, y: -0.45, rev: 1 }, moveId)).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(await hostView(server.url, session.sessionId, session.hostToken)).toEqual(before);
    // The sender's own retry is still recognised.
    expect(await act(anouk.peer.socket, 'card:move', { tableId: 't1', cardId: 'mbo', x: 0.2, y: -0.45, rev: 0 }, moveId)).toMatchObject({ ok: true, duplicate: true });
  });

  it('does not let one connection learn another’s remembered refusal', async () => {
    const anouk = await seated('mentor', 'Anouk');
    const mallory = await seated('moeder', 'Mallory', 't2');
    const id = randomUUID();
    expect(await act(anouk.peer.socket, 'card:place', { tableId: 't1', defId: 'nope', x: 0, y: -0.5 }, id)).toMatchObject({ code: 'NOT_FOUND' });
    // Mallory's own request under that id is judged on its own: another table is not hers.
    expect(await act(mallory.peer.socket, 'card:place', { tableId: 't1', defId: 'bijstand', x: 0, y: -0.5 }, id)).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('refuses a player who frees or moves another player’s seat, and the big screen acting at all', async () => {
    const anouk = await seated('mentor', 'Anouk');
    const mallory = await seated('moeder', 'Mallory');
    const screen = track(await screenAs(server.url, session.code));
    const before = await hostView(server.url, session.sessionId, session.hostToken);
    expect(await act(mallory.peer.socket, 'seat:release', { seatId: anouk.claim.seat.id })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await act(mallory.peer.socket, 'seat:reassign', { seatId: anouk.claim.seat.id, tableId: 't2', roleId: 'mentor' })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
    expect(await act(screen.socket, 'seat:claim', { tableId: 't1', roleId: 'klantmanager', name: 'Scherm' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await act(screen.socket, 'token:move', { tableId: 't1', roleId: 'mentor', x: 0.1, y: 0.1, rev: 0 })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await hostView(server.url, session.sessionId, session.hostToken)).toEqual(before);
  });

  it('keeps a seat token to its own session, and a freed seat’s token to nobody', async () => {
    const anouk = await seated('mentor', 'Anouk');
    const elsewhere = await createSessionOver(server.url, 'mini');
    const wrong = track(await joinAs(server.url, elsewhere.code, anouk.claim.seatToken));
    expect(wrong.attach).toMatchObject({ ok: false, code: 'BAD_SEAT_TOKEN' });
    const host = track(await hostAs(server.url, session.sessionId, session.hostToken));
    expect((await act(host.socket, 'seat:release', { seatId: anouk.claim.seat.id })).ok).toBe(true);
    const freed = track(await joinAs(server.url, session.code, anouk.claim.seatToken));
    expect(freed.attach).toMatchObject({ ok: false, code: 'BAD_SEAT_TOKEN' });
    // A new claim of the same role makes a new seat; the old token does not lead to it.
    const next_ = await seated('mentor', 'Bo');
    expect(next_.claim.seat.id).not.toBe(anouk.claim.seat.id);
    const again = track(await joinAs(server.url, session.code, anouk.claim.seatToken));
    expect(again.attach).toMatchObject({ ok: false, code: 'BAD_SEAT_TOKEN' });
  });

  it('sends no seat token or host token in any message to other players, the screen or a late guest', async () => {
    const screen = track(await screenAs(server.url, session.code));
    const watcher = track(await joinAs(server.url, session.code));
    const anouk = await seated('mentor', 'Anouk');
    const mallory = await seated('moeder', 'Mallory', 't2');
    const host = track(await hostAs(server.url, session.sessionId, session.hostToken));
    const claimed = next(watcher, 'seat:claimed');
    const bo = await seated('klantmanager', 'Bo');
    await claimed;
    await act(host.socket, 'situation:reveal', { all: true });
    await act(anouk.peer.socket, 'card:note', { tableId: 't1', cardId: 'mbo', note: 'alleen op dinsdag' });
    const late = track(await joinAs(server.url, session.code));
    const secrets = [anouk.claim.seatToken, mallory.claim.seatToken, bo.claim.seatToken, session.hostToken] as string[];
    for (const p of [screen, watcher, late, mallory.peer, bo.peer]) {
      const all: [string, Json][] = [...p.heard, ['attach', p.attach]];
      for (const secret of secrets) {
        if (p === mallory.peer && secret === mallory.claim.seatToken) continue;
        if (p === bo.peer && secret === bo.claim.seatToken) continue;
        expect(all.some(([, body]) => JSON.stringify(body ?? null).includes(secret))).toBe(false);
      }
    }
  });
});
