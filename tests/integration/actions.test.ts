import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  HOST_ONLY,
  locate,
  playerView,
  PROTOCOL_VERSION,
  type ActionAck,
  type AttachAck,
  type CommittedAction,
  type DragBatch,
  type DragRefused,
  type SeatClaimAck,
  type SyncAck,
} from '@samenspel/game-core';
import { io } from 'socket.io-client';
import { createSessionOver, startServer, type TestServer } from '../helpers/server';
import { actionRequest, attachHost, connect, joinAsPlayer, nextEvent, Replica, request, type TestSocket } from '../helpers/socket';

let server: TestServer;
const sockets: TestSocket[] = [];

beforeEach(async () => {
  server = await startServer();
});
afterEach(async () => {
  for (const s of sockets.splice(0)) s.disconnect();
  await server.stop();
  server.cleanup();
});

/** A session with a host and two seated players (mentor, moeder) on table t1. */
async function table() {
  const session = await createSessionOver(server.url, 'mini');
  const host = await attachHost(server.url, session.sessionId, session.hostToken);
  const seat = async (roleId: string, name: string) => {
    const p = await joinAsPlayer(server.url, session.code);
    const ack = await request<SeatClaimAck>(p.socket, 'seat:claim', actionRequest<'seat:claim'>({ tableId: 't1', roleId, name }, p.replica.version));
    if (!ack.ok) throw new Error(ack.message);
    await p.replica.waitForVersion(ack.version);
    return { ...p, seat: ack.seat, seatToken: ack.seatToken };
  };
  const mentor = await seat('mentor', 'Anouk');
  const moeder = await seat('moeder', 'Ria');
  sockets.push(host.socket, mentor.socket, moeder.socket);
  await host.replica.waitForVersion(2);
  await mentor.replica.waitForVersion(2);
  return { session, host, mentor, moeder };
}

/** Every host-only action with a payload that would be accepted from the facilitator. */
const HOST_ONLY_ROWS = [
  ['step:set', { step: 'spelen', force: true }],
  ['card:pause', { tableId: 't1', cardId: 'mbo', paused: true }],
  ['step:summon', {}],
  ['table:add', { name: 'Tafel 2' }],
  ['seat:release', { seatId: 's1' }],
  ['seat:reassign', { seatId: 's1', tableId: 't1', roleId: 'klantmanager' }],
  ['event:fire', { eventId: 'achttien' }],
  ['timer:start', { durationMs: 600_000 }],
  ['timer:pause', {}],
  ['timer:extend', { ms: 60_000 }],
  ['timer:reset', {}],
  ['board:lock', { locked: true }],
  ['interview:reveal', { count: 1 }],
  ['prompt:show', { prompt: { kind: 'reflection', index: 0 } }],
  ['situation:reveal', { all: true }],
  ['privacy:set', { private: true }],
  ['cards:reveal', {}],
  ['poll:open', { pollId: 'werkveld' }],
  ['poll:close', { pollId: 'werkveld' }],
  ['poll:reveal', { pollId: 'werkveld', revealed: true }],
  ['poll:dismiss', {}],
  ['insight:set', { insightId: 'i3', hidden: true }],
  ['insight:remove', { insightId: 'i3' }],
  ['insights:reveal', {}],
  ['screen:show', { tableIds: ['t1'] }],
  ['card:redact', { tableId: 't1', cardId: 'mbo' }],
] as const;

describe('actions', () => {
  it('acks a placed card with the new version and broadcasts it to every screen', async () => {
    const { host, mentor, moeder } = await table();
    const observed = nextEvent<CommittedAction<'card:place'>>(moeder.socket, 'card:placed');
    const ack = await request<ActionAck>(
      mentor.socket,
      'card:place',
      actionRequest<'card:place'>({ tableId: 't1', defId: 'bijstand', x: 0, y: -0.7 }, mentor.replica.version),
    );
    expect(ack).toEqual({ ok: true, version: 3 });
    const action = await observed;
    expect(action).toMatchObject({ version: 3, type: 'card:place', actor: { kind: 'seat', seatId: mentor.seat.id } });
    await host.replica.waitForVersion(3);
    await moeder.replica.waitForVersion(3);
    const card = moeder.replica.state?.tables.t1?.cards.bijstand;
    expect(card).toBeDefined();
    // y = -0.7 straight up: the gemeente ring, first sector.
    expect(locate(card!, 4)).toMatchObject({ kind: 'ring', supportType: 'gemeente', sector: 0 });
    // The mother holds her own view of the facilitator's state: everything but the staged start cards.
    expect(moeder.replica.state).toEqual(playerView(host.replica.state!, { kind: 'seat', seatId: moeder.seat.id }));
  });

  it('answers a repeated actionId with the first result and does not apply it twice', async () => {
    const { mentor, moeder } = await table();
    const req = actionRequest<'card:place'>({ tableId: 't1', label: 'Buurvrouw kookt mee', x: 0.3, y: 0.3 }, mentor.replica.version);
    const first = await request<ActionAck>(mentor.socket, 'card:place', req);
    const again = await request<ActionAck>(mentor.socket, 'card:place', req);
    expect(first).toEqual({ ok: true, version: 3 });
    expect(again).toEqual({ ok: true, version: 3, duplicate: true });
    await moeder.replica.waitForVersion(3);
    await new Promise((r) => setTimeout(r, 100));
    expect(moeder.replica.version).toBe(3);
    const blanks = Object.values(moeder.replica.state!.tables.t1!.cards).filter((c) => c.defId === null);
    expect(blanks).toHaveLength(1);
  });

  it('answers a repeated refused actionId with the same refusal', async () => {
    const { mentor } = await table();
    const req = actionRequest<'card:place'>({ tableId: 't1', defId: 'bijstand', x: 0, y: 0 }, mentor.replica.version);
    const first = await request<ActionAck>(mentor.socket, 'card:place', req);
    const again = await request<ActionAck>(mentor.socket, 'card:place', req);
    expect(first).toMatchObject({ ok: false, code: 'OUT_OF_BOUNDS' });
    expect(again).toEqual(first);
  });

  it('accepts an action from a client that is a few versions behind, and lets it catch up by sync', async () => {
    const { host, mentor, moeder } = await table();
    // The mother's client misses two broadcasts (as if the Wi-Fi hiccupped).
    moeder.socket.off('card:placed');
    for (const [i, defId] of ['bijstand', 'zorgtoeslag'].entries()) {
      await request<ActionAck>(mentor.socket, 'card:place', actionRequest<'card:place'>({ tableId: 't1', defId, x: 0.5, y: 0.5 - i * 0.2 }, 2 + i));
    }
    expect(moeder.replica.version).toBe(2);
    const ack = await request<ActionAck>(
      moeder.socket,
      'card:move',
      // The mother's board has not seen bijstand arrive, yet her move of it is accepted.
      actionRequest<'card:move'>({ tableId: 't1', cardId: 'bijstand', x: 0.1, y: -0.3, rev: 0 }, 2),
    );
    expect(ack).toEqual({ ok: true, version: 5 });
    // A player catches up from their own view; only the host's view is the log itself.
    const sync = await request<SyncAck>(moeder.socket, 'session:sync', { sinceVersion: 2 });
    if (!sync.ok || !('snapshot' in sync)) throw new Error('expected a snapshot for a player');
    expect(sync.snapshot.version).toBe(5);
    moeder.replica.state = sync.snapshot.state;
    moeder.replica.version = sync.snapshot.version;
    await mentor.replica.waitForVersion(5);
    expect(moeder.replica.state).toEqual(mentor.replica.state);
    const hostSync = await request<SyncAck>(host.socket, 'session:sync', { sinceVersion: 2 });
    expect(hostSync.ok && 'actions' in hostSync && hostSync.actions.map((a) => a.version)).toEqual([3, 4, 5]);
  });

  it('refuses an action whose base version is ahead of the server', async () => {
    const { mentor } = await table();
    const ack = await request<ActionAck>(mentor.socket, 'card:remove', actionRequest<'card:remove'>({ tableId: 't1', cardId: 'mbo' }, 99));
    expect(ack).toMatchObject({ ok: false, code: 'VERSION_AHEAD' });
  });

  it('sends a snapshot to a client that is too far behind or ahead', async () => {
    const { mentor } = await table();
    const sync = await request<SyncAck>(mentor.socket, 'session:sync', { sinceVersion: 50 });
    expect(sync.ok && 'snapshot' in sync && sync.snapshot.version).toBe(2);
  });

  it('lets only the facilitator change the step, and every screen hears the new step', async () => {
    const { host, mentor, moeder } = await table();
    const refused = await request<ActionAck>(mentor.socket, 'step:set', actionRequest<'step:set'>({ step: 'situatie' }, 2));
    expect(refused).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(mentor.replica.state?.tables.t1?.step).toBe('kennismaken');

    const heard = nextEvent<CommittedAction<'step:set'>>(moeder.socket, 'step:changed');
    const ack = await request<ActionAck>(host.socket, 'step:set', actionRequest<'step:set'>({ step: 'situatie' }, 2));
    expect(ack).toEqual({ ok: true, version: 3 });
    expect((await heard).payload.step).toBe('situatie');
    await moeder.replica.waitForVersion(3);
    expect(moeder.replica.state?.tables.t1?.step).toBe('situatie');
  });

  it.each(HOST_ONLY_ROWS)('refuses the host-only action %s from a player without effect', async (type, payload) => {
    const { mentor } = await table();
    const ack = await request<ActionAck>(mentor.socket, type, actionRequest(payload as never, 2));
    expect(ack).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    const sync = await request<SyncAck>(mentor.socket, 'session:sync', { sinceVersion: 2 });
    expect(sync.ok && sync.version).toBe(2);
  });

  it('covers every host-only action in the refusal table above', () => {
    expect([...HOST_ONLY].sort()).toEqual(HOST_ONLY_ROWS.map(([type]) => type).sort());
  });

  it('refuses players’ moves while the facilitator has locked the board, and lets them play again after', async () => {
    const { host, mentor } = await table();
    expect(await request<ActionAck>(host.socket, 'board:lock', actionRequest<'board:lock'>({ locked: true }, 2))).toEqual({ ok: true, version: 3 });
    await mentor.replica.waitForVersion(3);
    expect(mentor.replica.state?.tables.t1?.locked).toBe(true);
    const refused = await request<ActionAck>(mentor.socket, 'card:place', actionRequest<'card:place'>({ tableId: 't1', defId: 'bijstand', x: 0, y: -0.7 }, 3));
    expect(refused).toMatchObject({ ok: false, code: 'LOCKED' });
    await request<ActionAck>(host.socket, 'board:lock', actionRequest<'board:lock'>({ locked: false }, 3));
    const allowed = await request<ActionAck>(mentor.socket, 'card:place', actionRequest<'card:place'>({ tableId: 't1', defId: 'bijstand', x: 0, y: -0.7 }, 4));
    expect(allowed).toEqual({ ok: true, version: 5 });
  });

  it('refuses a player moving another role’s token', async () => {
    const { mentor } = await table();
    const ack = await request<ActionAck>(mentor.socket, 'token:move', actionRequest<'token:move'>({ tableId: 't1', roleId: 'moeder', x: 0.5, y: 0.5, rev: 0 }, 2));
    expect(ack).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });

  it('frees a seat on the facilitator’s word, so the player becomes a guest and the role is free again', async () => {
    const { session, host, mentor, moeder } = await table();
    const ack = await request<ActionAck>(host.socket, 'seat:release', actionRequest<'seat:release'>({ seatId: mentor.seat.id }, 2));
    expect(ack).toEqual({ ok: true, version: 3 });
    await moeder.replica.waitForVersion(3);
    expect(moeder.replica.state?.seats[mentor.seat.id]).toBeUndefined();
    const move = await request<ActionAck>(mentor.socket, 'card:remove', actionRequest<'card:remove'>({ tableId: 't1', cardId: 'mbo' }, 3));
    expect(move).toMatchObject({ ok: false, code: 'NOT_SEATED' });
    const back = await joinAsPlayer(server.url, session.code, mentor.seatToken);
    sockets.push(back.socket);
    expect(back.ack).toMatchObject({ ok: false, code: 'BAD_SEAT_TOKEN' });
  });
});

describe('the workshop flow over the wire', () => {
  it('keeps the starting cards out of players’ hands until the facilitator brings them onto the board', async () => {
    const { host, mentor, moeder } = await table();
    const early = await request<ActionAck>(mentor.socket, 'card:move', actionRequest<'card:move'>({ tableId: 't1', cardId: 'mbo', x: 0.1, y: -0.3, rev: 0 }, 2));
    expect(early).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    // Staged start cards are not in a player's view at all; each one arrives when it comes onto the wheel.
    expect(moeder.replica.state?.tables.t1?.cards).toEqual({});
    const heard = nextEvent<{ version: number }>(moeder.socket, 'view:patched');
    expect(await request<ActionAck>(host.socket, 'situation:reveal', actionRequest<'situation:reveal'>({ all: false }, 2))).toEqual({ ok: true, version: 3 });
    expect((await heard).version).toBe(3);
    await moeder.replica.waitForVersion(3);
    expect(moeder.replica.state?.tables.t1?.cards.mbo?.staged).toBe(false);
    expect(moeder.replica.state?.tables.t1?.cards).not.toHaveProperty('fasehuis');
    const later = await request<ActionAck>(mentor.socket, 'card:move', actionRequest<'card:move'>({ tableId: 't1', cardId: 'mbo', x: 0.1, y: -0.3, rev: 0 }, 3));
    expect(later).toEqual({ ok: true, version: 4 });
  });

  it('takes one vote per player, counts it on every screen once shown and refuses votes after the poll closed', async () => {
    const { host, mentor, moeder } = await table();
    expect(await request<ActionAck>(host.socket, 'poll:open', actionRequest<'poll:open'>({ pollId: 'werkveld' }, 2))).toEqual({ ok: true, version: 3 });
    await request<ActionAck>(mentor.socket, 'poll:answer', actionRequest<'poll:answer'>({ pollId: 'werkveld', option: 0 }, 3));
    await request<ActionAck>(moeder.socket, 'poll:answer', actionRequest<'poll:answer'>({ pollId: 'werkveld', option: 1 }, 4));
    await request<ActionAck>(mentor.socket, 'poll:answer', actionRequest<'poll:answer'>({ pollId: 'werkveld', option: 1 }, 5));
    await request<ActionAck>(host.socket, 'poll:close', actionRequest<'poll:close'>({ pollId: 'werkveld' }, 6));
    const late = await request<ActionAck>(moeder.socket, 'poll:answer', actionRequest<'poll:answer'>({ pollId: 'werkveld', option: 0 }, 7));
    expect(late).toMatchObject({ ok: false, code: 'POLL_CLOSED' });
    await moeder.replica.waitForVersion(7);
    await host.replica.waitForVersion(7);
    expect(host.replica.state?.polls.werkveld).toMatchObject({ status: 'closed', answers: { [mentor.seat.id]: 1, [moeder.seat.id]: 1 } });
    // A player knows their own answer only, until the facilitator shows the result: then counts, not voters.
    expect(moeder.replica.state?.polls.werkveld).toMatchObject({ status: 'closed', answers: { [moeder.seat.id]: 1 } });
    expect(await request<ActionAck>(host.socket, 'poll:reveal', actionRequest<'poll:reveal'>({ pollId: 'werkveld', revealed: true }, 7))).toEqual({ ok: true, version: 8 });
    await moeder.replica.waitForVersion(8);
    const shown = moeder.replica.state!.polls.werkveld!.answers;
    expect(Object.values(shown)).toEqual([1, 1]);
    expect(Object.keys(shown)).not.toContain(mentor.seat.id);
  });
});

describe('live dragging', () => {
  it('shows a dragged token to the other screens before it is dropped', async () => {
    const { host, mentor, moeder } = await table();
    const seen = nextEvent<DragBatch>(moeder.socket, 'pieces:dragged');
    const seenByHost = nextEvent<DragBatch>(host.socket, 'pieces:dragged');
    mentor.socket.emit('piece:drag', { tableId: 't1', kind: 'token', id: 'mentor', x: 0.25, y: 0.5 });
    const batch = await seen;
    expect(batch.frames).toContainEqual({ tableId: 't1', kind: 'token', id: 'mentor', x: 0.25, y: 0.5, by: mentor.seat.id });
    expect((await seenByHost).frames[0]?.id).toBe('mentor');
    // Nothing was stored: the version is unchanged until the drop.
    expect(mentor.replica.version).toBe(2);
    const drop = await request<ActionAck>(mentor.socket, 'token:move', actionRequest<'token:move'>({ tableId: 't1', roleId: 'mentor', x: 0.25, y: 0.5, rev: 0 }, 2));
    expect(drop).toEqual({ ok: true, version: 3 });
  });

  it('shows drags to a screen still on long-polling, before its WebSocket upgrade', async () => {
    const { session, mentor } = await table();
    const polling = io(server.url, { transports: ['polling'], reconnection: false, forceNew: true }) as unknown as TestSocket;
    sockets.push(polling);
    await new Promise<void>((resolve, reject) => {
      polling.once('connect', () => resolve());
      polling.once('connect_error', reject);
    });
    expect(await request<AttachAck>(polling, 'screen:attach', { protocolVersion: PROTOCOL_VERSION, code: session.code })).toMatchObject({ ok: true });
    const seen = nextEvent<DragBatch>(polling, 'pieces:dragged');
    mentor.socket.emit('piece:drag', { tableId: 't1', kind: 'token', id: 'mentor', x: 0.3, y: 0.6 });
    expect((await seen).frames).toEqual([{ tableId: 't1', kind: 'token', id: 'mentor', x: 0.3, y: 0.6, by: mentor.seat.id }]);
  });

  it('coalesces a burst of frames to the latest position per piece', async () => {
    const { mentor, moeder } = await table();
    const frames: DragBatch['frames'] = [];
    moeder.socket.on('pieces:dragged', (b: DragBatch) => frames.push(...b.frames));
    for (let i = 1; i <= 10; i++) mentor.socket.emit('piece:drag', { tableId: 't1', kind: 'token', id: 'mentor', x: i / 10, y: 0 });
    await new Promise((r) => setTimeout(r, 300));
    expect(frames.length).toBeGreaterThan(0);
    expect(frames.length).toBeLessThan(10);
    expect(frames.at(-1)).toMatchObject({ x: 1, y: 0 });
  });

  it('lets the facilitator take over a piece a player is dragging, and refuses the player meanwhile', async () => {
    const { host, mentor, moeder } = await table();
    mentor.socket.emit('piece:drag', { tableId: 't1', kind: 'token', id: 'mentor', x: 0.2, y: 0.9 });
    await nextEvent<DragBatch>(host.socket, 'pieces:dragged');
    const seenByMoeder = new Promise<DragBatch['frames'][number]>((resolve) =>
      moeder.socket.on('pieces:dragged', (b: DragBatch) => b.frames.forEach((f) => f.by === 'host' && resolve(f))),
    );
    host.socket.emit('piece:drag', { tableId: 't1', kind: 'token', id: 'mentor', x: -0.5, y: 0.9 });
    expect(await seenByMoeder).toEqual({ tableId: 't1', kind: 'token', id: 'mentor', x: -0.5, y: 0.9, by: 'host' });
    const refusedDrag = nextEvent<DragRefused>(mentor.socket, 'drag:refused');
    mentor.socket.emit('piece:drag', { tableId: 't1', kind: 'token', id: 'mentor', x: 0.3, y: 0.9 });
    expect(await refusedDrag).toMatchObject({ kind: 'token', id: 'mentor', heldBy: 'host' });
    const mentorDrop = await request<ActionAck>(mentor.socket, 'token:move', actionRequest<'token:move'>({ tableId: 't1', roleId: 'mentor', x: 0.3, y: 0.9, rev: 0 }, 2));
    expect(mentorDrop).toMatchObject({ ok: false, code: 'HELD_BY_OTHER' });
    const hostDrop = await request<ActionAck>(host.socket, 'token:move', actionRequest<'token:move'>({ tableId: 't1', roleId: 'mentor', x: -0.5, y: 0.9, rev: 0 }, 2));
    expect(hostDrop).toEqual({ ok: true, version: 3 });
    await mentor.replica.waitForVersion(3);
    expect(mentor.replica.state?.tables.t1?.tokens.mentor).toMatchObject({ x: -0.5, y: 0.9, rev: 1 });
  });

  it('lets one of two simultaneous drops win and tells the other, who sees the true position', async () => {
    const { host, mentor } = await table();
    const a = request<ActionAck>(mentor.socket, 'token:move', actionRequest<'token:move'>({ tableId: 't1', roleId: 'mentor', x: 0.9, y: 0.9, rev: 0 }, 2));
    const b = request<ActionAck>(host.socket, 'token:move', actionRequest<'token:move'>({ tableId: 't1', roleId: 'mentor', x: -0.9, y: -0.9, rev: 0 }, 2));
    const results = await Promise.all([a, b]);
    const winners = results.filter((r) => r.ok);
    const losers = results.filter((r) => !r.ok);
    expect(winners).toHaveLength(1);
    expect(losers[0]).toMatchObject({ ok: false, code: 'CONFLICT' });
    await mentor.replica.waitForVersion(3);
    await host.replica.waitForVersion(3);
    const won = results[0]!.ok ? { x: 0.9, y: 0.9 } : { x: -0.9, y: -0.9 };
    expect(host.replica.state?.tables.t1?.tokens.mentor).toMatchObject(won);
    expect(mentor.replica.state?.tables.t1?.tokens.mentor).toMatchObject(won);
  });

  it('does not relay drags from a guest or of another role’s token', async () => {
    const { session, mentor, moeder } = await table();
    const guest = await joinAsPlayer(server.url, session.code);
    sockets.push(guest.socket);
    const frames: DragBatch['frames'] = [];
    moeder.socket.on('pieces:dragged', (b: DragBatch) => frames.push(...b.frames));
    const refusals: string[] = [];
    guest.socket.on('error:reported', (e: { code: string }) => refusals.push(e.code));
    mentor.socket.on('error:reported', (e: { code: string }) => refusals.push(e.code));
    guest.socket.emit('piece:drag', { tableId: 't1', kind: 'token', id: 'moeder', x: 0, y: 0 });
    mentor.socket.emit('piece:drag', { tableId: 't1', kind: 'token', id: 'moeder', x: 0, y: 0 });
    await new Promise((r) => setTimeout(r, 200));
    expect(frames).toEqual([]);
    expect(refusals.sort()).toEqual(['FORBIDDEN', 'FORBIDDEN']);
  });
});

describe('screens', () => {
  it('lets the big screen watch but not act', async () => {
    const { session, mentor } = await table();
    const screen = await connect(server.url);
    sockets.push(screen);
    const replica = new Replica(screen);
    const ack = await request<AttachAck>(screen, 'screen:attach', { protocolVersion: PROTOCOL_VERSION, code: session.code });
    replica.adopt(ack);
    const refused = await request<ActionAck>(screen, 'card:remove', actionRequest<'card:remove'>({ tableId: 't1', cardId: 'mbo' }, 2));
    expect(refused).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    await request<ActionAck>(mentor.socket, 'card:place', actionRequest<'card:place'>({ tableId: 't1', defId: 'bijstand', x: 0, y: -0.7 }, 2));
    await replica.waitForVersion(3);
    expect(replica.state?.tables.t1?.cards.bijstand).toMatchObject({ placedBy: mentor.seat.id });
  });
});
