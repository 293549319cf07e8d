import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSessionOver, startServer, type TestServer } from '../helpers/server';
import { act, ask, connect, hostAs, hostView, joinAs, PROTOCOL, screenAs, type Json, type Peer } from './hostileClient';

/*
 * Hole 2 of the trust issue: ids index plain objects, so `__proto__`, `constructor` or
 * `toString` as a table id used to create phantom seats (and `tables.undefined`). A client that
 * knows only docs/protocol.md throws such names into every id field of every action.
 */

const RESERVED = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'isPrototypeOf', '__defineGetter__'];

type Who = 'host' | 'seat' | 'guest';
type Path = (string | number)[];
/** A request per action type, valid for the session below, with the paths of its id fields. */
const TEMPLATES: [string, Who, Json, Path[]][] = [
  ['seat:claim', 'guest', { tableId: 't1', roleId: 'klantmanager', name: 'Cas' }, [['tableId'], ['roleId']]],
  ['seat:release', 'host', { seatId: 'SEAT' }, [['seatId']]],
  ['card:place', 'seat', { tableId: 't1', defId: 'bijstand', x: 0.3, y: 0.3 }, [['tableId'], ['defId']]],
  ['card:move', 'seat', { tableId: 't1', cardId: 'mbo', x: 0.2, y: -0.45, rev: 0 }, [['tableId'], ['cardId']]],
  ['card:remove', 'seat', { tableId: 't1', cardId: 'mbo' }, [['tableId'], ['cardId']]],
  ['token:move', 'seat', { tableId: 't1', roleId: 'mentor', x: 0.1, y: 0.1, rev: 0 }, [['tableId'], ['roleId']]],
  ['card:note', 'seat', { tableId: 't1', cardId: 'mbo', note: 'op dinsdag' }, [['tableId'], ['cardId']]],
  ['link:add', 'seat', { tableId: 't1', from: 'mbo', to: 'fasehuis' }, [['tableId'], ['from'], ['to']]],
  ['link:remove', 'seat', { tableId: 't1', linkId: 'l1' }, [['tableId'], ['linkId']]],
  ['seat:reassign', 'host', { seatId: 'SEAT', tableId: 't2', roleId: 'mentor' }, [['seatId'], ['tableId'], ['roleId']]],
  ['step:set', 'host', { step: 'spelen', tableIds: ['t1'] }, [['tableIds', 0]]],
  ['step:summon', 'host', { tableIds: ['t1'] }, [['tableIds', 0]]],
  ['event:fire', 'host', { eventId: 'achttien', tableIds: ['t1'] }, [['eventId'], ['tableIds', 0]]],
  ['timer:start', 'host', { durationMs: 60_000, tableIds: ['t1'] }, [['tableIds', 0]]],
  ['timer:pause', 'host', { tableIds: ['t1'] }, [['tableIds', 0]]],
  ['timer:extend', 'host', { ms: 60_000, tableIds: ['t1'] }, [['tableIds', 0]]],
  ['timer:reset', 'host', { tableIds: ['t1'] }, [['tableIds', 0]]],
  ['board:lock', 'host', { locked: true, tableIds: ['t1'] }, [['tableIds', 0]]],
  ['interview:reveal', 'host', { count: 1, tableIds: ['t1'] }, [['tableIds', 0]]],
  ['prompt:show', 'host', { prompt: { kind: 'event', eventId: 'achttien', index: 0 }, tableIds: ['t1'] }, [['prompt', 'eventId'], ['tableIds', 0]]],
  ['situation:reveal', 'host', { all: true, tableIds: ['t2'] }, [['tableIds', 0]]],
  ['privacy:set', 'host', { private: true, tableIds: ['t1'] }, [['tableIds', 0]]],
  ['cards:reveal', 'host', { tableIds: ['t1'] }, [['tableIds', 0]]],
  ['poll:open', 'host', { pollId: 'werkveld' }, [['pollId']]],
  ['poll:answer', 'seat', { pollId: 'werkveld', option: 1 }, [['pollId']]],
  ['poll:close', 'host', { pollId: 'werkveld' }, [['pollId']]],
  ['poll:reveal', 'host', { pollId: 'werkveld', revealed: true }, [['pollId']]],
  ['insight:set', 'host', { insightId: 'i1', hidden: true }, [['insightId']]],
  ['insight:remove', 'host', { insightId: 'i1' }, [['insightId']]],
  ['insights:reveal', 'host', { tableIds: ['t1'] }, [['tableIds', 0]]],
  ['screen:show', 'host', { tableIds: ['t1', 't2'] }, [['tableIds', 0], ['tableIds', 1]]],
];

/** A copy of `payload` with `value` at `path`, as a real own key even for `__proto__` (as JSON.parse makes it). */
function setAt(payload: Json, path: Path, value: string): Json {
  const copy = JSON.parse(JSON.stringify(payload));
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key];
  Object.defineProperty(node, path.at(-1)!, { value, enumerable: true, writable: true, configurable: true });
  return copy;
}

let server: TestServer;
let session: { sessionId: string; code: string; hostToken: string };
let host: Peer;
let player: Peer;
let guest: Peer;
let seatId: string;

beforeAll(async () => {
  // The attack sends hundreds of requests; the flood limits are someone else's test.
  server = await startServer({ limits: { actionsPerSecond: 10_000, eventsPerSecond: 10_000 } });
  session = await createSessionOver(server.url, 'mini', 2);
  host = await hostAs(server.url, session.sessionId, session.hostToken);
  player = await joinAs(server.url, session.code);
  guest = await joinAs(server.url, session.code);
  const claim = await act(player.socket, 'seat:claim', { tableId: 't1', roleId: 'mentor', name: 'Anouk' });
  seatId = claim.seat.id;
  await act(host.socket, 'situation:reveal', { all: true, tableIds: ['t1'] });
  await act(host.socket, 'poll:open', { pollId: 'werkveld' });
});

afterAll(async () => {
  for (const p of [host, player, guest]) p?.close();
  await server.stop();
  server.cleanup();
});

describe('object-prototype names as ids', () => {
  it('refuses such a name in every id field of every action with BAD_REQUEST, and nothing changes', async () => {
    const before = await hostView(server.url, session.sessionId, session.hostToken);
    const socketOf = { host: host.socket, seat: player.socket, guest: guest.socket };
    let tried = 0;
    for (const [type, who, template, paths] of TEMPLATES) {
      const payload = JSON.parse(JSON.stringify(template).replaceAll('SEAT', seatId));
      for (const path of paths) {
        for (const key of RESERVED) {
          const ack = await act(socketOf[who], type, setAt(payload, path, key));
          expect(ack, `${type} ${path.join('.')}=${key}`).toMatchObject({ ok: false, code: 'BAD_REQUEST' });
          expect(ack.message).toContain('reserved');
          tried++;
        }
      }
    }
    expect(tried).toBeGreaterThan(300);
    expect(await hostView(server.url, session.sessionId, session.hostToken)).toEqual(before);
    expect(server.logger.lines.some((l) => l.msg === 'handler failed')).toBe(false);
  });

  it('creates no phantom seat that votes: the claim is refused and so is its vote', async () => {
    const before = await hostView(server.url, session.sessionId, session.hostToken);
    for (const key of RESERVED) {
      const p = await joinAs(server.url, session.code);
      expect(await act(p.socket, 'seat:claim', { tableId: key, roleId: 'moeder', name: 'Spook' })).toMatchObject({ ok: false, code: 'BAD_REQUEST' });
      expect(await act(p.socket, 'poll:answer', { pollId: 'werkveld', option: 0 })).toMatchObject({ ok: false, code: 'NOT_SEATED' });
      p.close();
    }
    const after = await hostView(server.url, session.sessionId, session.hostToken);
    expect(after).toEqual(before);
    expect(Object.keys(after.state.tables)).toEqual(after.state.tableOrder);
  });

  it('refuses such names in drag frames, attaches and the facilitator’s session id without a crash', async () => {
    const reported: Json[] = [];
    player.socket.on('error:reported', (e: Json) => reported.push(e));
    for (const key of RESERVED) {
      player.socket.emit('piece:drag', { tableId: key, kind: 'card', id: 'mbo', x: 0.1, y: 0.1 });
      player.socket.emit('piece:drag', { tableId: 't1', kind: 'card', id: key, x: 0.1, y: 0.1 });
    }
    // Messages of one connection are handled in order: once this is answered, the frames were read.
    expect(await act(player.socket, 'card:remove', { tableId: 't1', cardId: 'no-such-card' })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    const socket = await connect(server.url);
    for (const key of RESERVED.slice(0, 3)) {
      const ack = await ask(socket, 'host:attach', { protocolVersion: PROTOCOL, sessionId: key, hostToken: 'x'.repeat(20) });
      expect(ack.ok).toBe(false);
      expect(['BAD_REQUEST', 'SESSION_NOT_FOUND', 'RATE_LIMITED']).toContain(ack.code);
    }
    socket.disconnect();
    const screen = await screenAs(server.url, session.code);
    screen.close();
    expect(screen.attach.ok).toBe(true);
    expect(reported.length).toBeGreaterThan(0);
    expect(reported.every((e) => e.code === 'BAD_REQUEST')).toBe(true);
    expect(server.logger.lines.some((l) => l.msg === 'handler failed')).toBe(false);
  });
});
