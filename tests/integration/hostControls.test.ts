import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { playerView, type ActionAck, type ActionPayloads, type ActionType, type DragBatch, type Presence, type SeatClaimAck, type SessionState } from '@samenspel/game-core';
import { createSessionOver, startServer, type TestServer } from '../helpers/server';
import { actionRequest, attachHost, joinAsPlayer, nextEvent, request, type TestSocket } from '../helpers/socket';

let server: TestServer;
const sockets: TestSocket[] = [];

beforeEach(async () => {
  server = await startServer({ limits: { actionsPerSecond: 1000, eventsPerSecond: 1000 } });
});
afterEach(async () => {
  for (const s of sockets.splice(0)) s.disconnect();
  await server.stop();
  server.cleanup();
});

/** Two tables: the mentor plays at t1, the mother at t2, and the facilitator steers both. */
async function workshop() {
  const session = await createSessionOver(server.url, 'mini', 2);
  const host = await attachHost(server.url, session.sessionId, session.hostToken);
  const seat = async (tableId: string, roleId: string, name: string) => {
    const p = await joinAsPlayer(server.url, session.code);
    const ack = await request<SeatClaimAck>(p.socket, 'seat:claim', actionRequest<'seat:claim'>({ tableId, roleId, name }, p.replica.version));
    if (!ack.ok) throw new Error(ack.message);
    await p.replica.waitForVersion(ack.version);
    return { ...p, seat: ack.seat };
  };
  const mentor = await seat('t1', 'mentor', 'Anouk');
  const moeder = await seat('t2', 'moeder', 'Ria');
  sockets.push(host.socket, mentor.socket, moeder.socket);
  await host.replica.waitForVersion(2);
  return { session, host, mentor, moeder };
}

type Row = { [K in ActionType]: [K, ActionPayloads[K], (s: SessionState) => unknown, unknown] }[ActionType];

/**
 * Every facilitator control, in an order a workshop could use them, with what it should
 * change. Per-table forms name one table and the check looks at both.
 */
const CONTROLS: Row[] = [
  ['step:set', { step: 'situatie', tableIds: ['t1'] }, (s) => [s.tables.t1?.step, s.tables.t2?.step], ['situatie', 'kennismaken']],
  ['step:summon', { tableIds: ['t1'] }, (s) => [s.tables.t1?.summons, s.tables.t2?.summons], [1, 0]],
  ['situation:reveal', { all: false, tableIds: ['t1'] }, (s) => [s.tables.t1?.cards.mbo?.staged, s.tables.t1?.cards.fasehuis?.staged, s.tables.t2?.cards.mbo?.staged], [false, true, true]],
  ['situation:reveal', { all: true }, (s) => Object.values(s.tables).flatMap((t) => Object.values(t.cards).filter((c) => c.staged)).length, 0],
  ['interview:reveal', { count: 1, tableIds: ['t2'] }, (s) => [s.tables.t1?.interviewRevealed, s.tables.t2?.interviewRevealed], [0, 1]],
  ['prompt:show', { prompt: { kind: 'reflection', index: 0 }, tableIds: ['t1'] }, (s) => [s.tables.t1?.prompt, s.tables.t2?.prompt], [{ kind: 'reflection', index: 0 }, null]],
  ['privacy:set', { private: true, tableIds: ['t1'] }, (s) => [s.tables.t1?.private, s.tables.t2?.private], [true, false]],
  ['cards:reveal', { tableIds: ['t1'] }, (s) => Object.values(s.tables.t1!.cards).some((c) => c.hidden), false],
  ['timer:start', { durationMs: 300_000, tableIds: ['t2'] }, (s) => [s.tables.t1?.timer.startedAt, s.tables.t2?.timer.durationMs], [null, 300_000]],
  ['timer:pause', { tableIds: ['t2'] }, (s) => s.tables.t2?.timer.startedAt, null],
  ['timer:extend', { ms: 60_000, tableIds: ['t2'] }, (s) => s.tables.t2?.timer.durationMs, 360_000],
  ['timer:reset', { tableIds: ['t2'] }, (s) => s.tables.t2?.timer.elapsedMs, 0],
  ['board:lock', { locked: true, tableIds: ['t2'] }, (s) => [s.tables.t1?.locked, s.tables.t2?.locked], [false, true]],
  ['board:lock', { locked: false }, (s) => s.tables.t2?.locked, false],
  ['poll:open', { pollId: 'werkveld' }, (s) => [s.activePoll, s.polls.werkveld?.status], ['werkveld', 'open']],
  ['poll:reveal', { pollId: 'werkveld', revealed: true }, (s) => s.polls.werkveld?.revealed, true],
  ['poll:close', { pollId: 'werkveld' }, (s) => s.polls.werkveld?.status, 'closed'],
  ['poll:dismiss', {}, (s) => s.activePoll, null],
  ['step:set', { step: 'reflectie', force: true }, (s) => [s.tables.t1?.step, s.tables.t2?.step], ['reflectie', 'reflectie']],
  ['insight:set', { insightId: 'INSIGHT', hidden: true }, (s) => s.insights[0]?.hidden, true],
  ['insight:set', { insightId: 'INSIGHT', hidden: false }, (s) => s.insights[0]?.hidden, false],
  ['insights:reveal', { tableIds: ['t1'] }, (s) => s.insights[0]?.revealed, true],
  ['insight:remove', { insightId: 'INSIGHT' }, (s) => s.insights.length, 0],
  ['screen:show', { tableIds: ['t2', 't1'] }, (s) => s.screenTables, ['t2', 't1']],
  ['event:fire', { eventId: 'achttien', tableIds: ['t2'] }, (s) => [Boolean(s.tables.t1?.cards.fasehuis), Boolean(s.tables.t2?.cards.fasehuis)], [true, false]],
  ['seat:reassign', { seatId: 'MENTOR', tableId: 't2', roleId: 'klantmanager' }, (s) => Object.values(s.seats).find((x) => x.name === 'Anouk'), { tableId: 't2', roleId: 'klantmanager' }],
];

describe('facilitator controls', () => {
  it('refuses each control to a player without changing anything, and carries it out for the facilitator', async () => {
    const { host, mentor, moeder } = await workshop();
    let version = 2;
    let insightId = '';
    const fill = (payload: unknown) => JSON.parse(JSON.stringify(payload).replaceAll('INSIGHT', insightId).replaceAll('MENTOR', mentor.seat.id)) as never;
    for (const [type, rawPayload, look, expected] of CONTROLS) {
      // Before the insight controls, a player writes one to moderate.
      if (type === 'insight:set' && !insightId) {
        const ack = await request<ActionAck>(mentor.socket, 'insight:add', actionRequest<'insight:add'>({ text: 'Samen is beter' }, version));
        expect(ack.ok).toBe(true);
        version++;
        insightId = `i${version}`;
      }
      // Private mode hides a card the mentor places; cards:reveal then has something to show.
      if (type === 'cards:reveal') {
        const ack = await request<ActionAck>(mentor.socket, 'card:place', actionRequest<'card:place'>({ tableId: 't1', defId: 'bijstand', x: 0, y: -0.7 }, version));
        expect(ack.ok).toBe(true);
        version++;
        await host.replica.waitForVersion(version);
        expect(host.replica.state?.tables.t1?.cards.bijstand?.hidden).toBe(true);
      }
      const payload = fill(rawPayload);
      for (const player of [mentor, moeder]) {
        const refused = await request<ActionAck>(player.socket, type, actionRequest(payload, version));
        expect(refused, `${type} from ${player.seat.roleId}`).toMatchObject({ ok: false, code: 'FORBIDDEN' });
      }
      const ack = await request<ActionAck>(host.socket, type, actionRequest(payload, version));
      // The refusals left the version as it was: the facilitator's action is the very next one.
      expect(ack, type).toEqual({ ok: true, version: version + 1 });
      version++;
      await host.replica.waitForVersion(version);
      await moeder.replica.waitForVersion(version);
      const seen = look(host.replica.state!);
      if (typeof expected === 'object' && expected !== null && !Array.isArray(expected)) expect(seen, type).toMatchObject(expected);
      else expect(seen, type).toEqual(expected);
      // The mother at the other table holds exactly her own view of the facilitator's state.
      expect(sortedDecks(moeder.replica.state!)).toEqual(sortedDecks(playerView(host.replica.state!, { kind: 'seat', seatId: moeder.seat.id })));
    }
  });

  it('moves a reassigned player to the drags of the new table', async () => {
    const { host, mentor, moeder } = await workshop();
    const presence = nextEvent<Presence>(host.socket, 'presence:changed');
    const ack = await request<ActionAck>(host.socket, 'seat:reassign', actionRequest<'seat:reassign'>({ seatId: mentor.seat.id, tableId: 't2', roleId: 'klantmanager' }, 2));
    expect(ack).toEqual({ ok: true, version: 3 });
    expect((await presence).seats).toContain(mentor.seat.id);

    // The mother drags at t2; the mentor, now at t2, hears it.
    const heard = nextEvent<DragBatch>(mentor.socket, 'pieces:dragged');
    moeder.socket.emit('piece:drag', { tableId: 't2', kind: 'token', id: 'moeder', x: 0.4, y: 1.1 });
    expect((await heard).frames[0]).toMatchObject({ tableId: 't2', id: 'moeder' });

    // Drags at t1 no longer reach the mentor.
    let fromT1 = 0;
    mentor.socket.on('pieces:dragged', (b: DragBatch) => (fromT1 += b.frames.filter((f) => f.tableId === 't1').length));
    host.socket.emit('piece:drag', { tableId: 't1', kind: 'token', id: 'sam', x: 0, y: 1.2 });
    await new Promise((r) => setTimeout(r, 150));
    expect(fromT1).toBe(0);

    // And the mentor may now drag the new role's token at the new table.
    const refusals: string[] = [];
    mentor.socket.on('error:reported', (e: { code: string }) => refusals.push(e.code));
    const seenByMother = nextEvent<DragBatch>(moeder.socket, 'pieces:dragged');
    mentor.socket.emit('piece:drag', { tableId: 't2', kind: 'token', id: 'klantmanager', x: 0.9, y: 0.9 });
    expect((await seenByMother).frames[0]).toMatchObject({ id: 'klantmanager' });
    expect(refusals).toEqual([]);
  });

  it('refuses a drag of a start card that is not on the wheel yet, and of another player’s private card', async () => {
    const { host, mentor } = await workshop();
    const second = await joinAsPlayer(server.url, host.replica.state!.code);
    sockets.push(second.socket);
    const claim = await request<SeatClaimAck>(second.socket, 'seat:claim', actionRequest<'seat:claim'>({ tableId: 't1', roleId: 'klantmanager', name: 'Kees' }, 2));
    expect(claim.ok).toBe(true);

    const refusals: string[] = [];
    mentor.socket.on('error:reported', (e: { code: string }) => refusals.push(e.code));
    mentor.socket.emit('piece:drag', { tableId: 't1', kind: 'card', id: 'mbo', x: 0.1, y: 0.3 });
    await until(() => refusals.length === 1);
    expect(refusals).toEqual(['NOT_FOUND']);

    // Private mode: Kees places a card only he (and the facilitator) can see.
    await request<ActionAck>(host.socket, 'situation:reveal', actionRequest<'situation:reveal'>({ all: true }, 3));
    await request<ActionAck>(host.socket, 'privacy:set', actionRequest<'privacy:set'>({ private: true }, 4));
    const placed = await request<ActionAck>(second.socket, 'card:place', actionRequest<'card:place'>({ tableId: 't1', defId: 'bijstand', x: 0, y: -0.7 }, 5));
    expect(placed).toEqual({ ok: true, version: 6 });

    // The refusal is told at most once a second; wait that out so the next one is heard.
    await new Promise((r) => setTimeout(r, 1050));
    mentor.socket.emit('piece:drag', { tableId: 't1', kind: 'card', id: 'bijstand', x: 0.1, y: -0.7 });
    await until(() => refusals.length === 2);
    expect(refusals).toEqual(['NOT_FOUND', 'NOT_FOUND']);

    // Its placer may drag it, but the drag is not relayed: where a private card lies is private too.
    const batches: DragBatch[] = [];
    mentor.socket.on('pieces:dragged', (b: DragBatch) => batches.push(b));
    const ownRefusals: string[] = [];
    second.socket.on('error:reported', (e: { code: string }) => ownRefusals.push(e.code));
    second.socket.emit('piece:drag', { tableId: 't1', kind: 'card', id: 'bijstand', x: 0.1, y: -0.7 });
    second.socket.emit('piece:drag', { tableId: 't1', kind: 'token', id: 'klantmanager', x: 0.2, y: 1.1 });
    await until(() => batches.some((b) => b.frames.some((f) => f.id === 'klantmanager')));
    expect(batches.flatMap((b) => b.frames.map((f) => f.id))).not.toContain('bijstand');
    expect(ownRefusals).toEqual([]);
    const moved = await request<ActionAck>(second.socket, 'card:move', actionRequest<'card:move'>({ tableId: 't1', cardId: 'bijstand', x: 0.1, y: -0.7, rev: 0 }, 6));
    expect(moved).toEqual({ ok: true, version: 7 });
  });
});

/** A withheld private card's place in a deck is not meaningful; compare decks as sets. */
function sortedDecks(state: SessionState): SessionState {
  return { ...state, tables: Object.fromEntries(Object.entries(state.tables).map(([id, t]) => [id, { ...t, deck: [...t.deck].sort() }])) };
}

async function until(check: () => boolean, timeoutMs = 3000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}
