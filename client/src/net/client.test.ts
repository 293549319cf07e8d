import { PROTOCOL_VERSION, type AttachAck, type CommittedAction, type SyncAck, type Viewer } from '@samenspel/game-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { keys } from '../lib/storage';
import { createAppStore, type AppStore } from '../store';
import { committed, installMemoryStorage, session } from '../test/fixtures';
import { createSessionClient, type AttachSpec, type SessionClient, type SocketLike } from './client';

type Listener = (...args: unknown[]) => void;

/** Stands in for a Socket.IO socket: records what is sent and lets the test play the server. */
class FakeSocket implements SocketLike {
  connected = false;
  sent: { event: string; payload: unknown; ack: Listener | undefined }[] = [];
  volatileSent: unknown[] = [];
  private listeners = new Map<string, Listener[]>();
  volatile = { emit: (_event: string, frame: unknown) => void this.volatileSent.push(frame) };

  on(event: string, listener: (...args: never[]) => void) {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener as Listener]);
  }
  emit(event: string, payload?: unknown, ack?: unknown) {
    this.sent.push({ event, payload, ack: typeof ack === 'function' ? (ack as Listener) : undefined });
  }
  connect() {
    this.connected = true;
    this.fire('connect');
  }
  disconnect() {
    this.connected = false;
    this.fire('disconnect');
  }
  fire(event: string, ...args: unknown[]) {
    for (const l of this.listeners.get(event) ?? []) l(...args);
  }
  last(event: string) {
    const found = this.sent.filter((s) => s.event === event).at(-1);
    if (!found) throw new Error(`nothing sent as ${event}`);
    return found;
  }
  count(event: string) {
    return this.sent.filter((s) => s.event === event).length;
  }
}

const attached = (version: number, viewer: Viewer = { kind: 'guest' }): AttachAck => ({
  ok: true,
  sessionId: 'S1',
  viewer,
  seat: null,
  snapshot: { version, state: session() },
  presence: { seats: [], hosts: 1, screens: 0 },
});

let socket: FakeSocket;
let store: AppStore;
let client: SessionClient;
let storage: Map<string, string>;

/** Lets promise continuations (a sync answer being applied) run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

function start(spec: AttachSpec = { kind: 'player', code: 'ACDEFG' }) {
  client = createSessionClient({ socket, store, spec, ackTimeoutMs: 60_000 });
  socket.connect();
}

beforeEach(() => {
  storage = installMemoryStorage();
  socket = new FakeSocket();
  store = createAppStore();
});
afterEach(() => client?.close());

describe('the session client', () => {
  it('attaches on connect with the protocol version and loads the snapshot it gets back', () => {
    start();
    const join = socket.last('session:join');
    expect(join.payload).toEqual({ protocolVersion: PROTOCOL_VERSION, code: 'ACDEFG' });
    expect(store.getState().connection).toBe('connecting');
    join.ack!(attached(4));
    expect(store.getState().connection).toBe('ready');
    expect(store.getState().version).toBe(4);
    expect(store.getState().tableId).toBe('t1');
  });

  it('sends the stored seat token when it attaches, so a reload returns the same seat', () => {
    storage.set(keys.seat('ACDEFG'), 'token-1');
    start();
    expect(socket.last('session:join').payload).toMatchObject({ seatToken: 'token-1' });
  });

  it('asks for the actions it missed after a gap and applies them with the ones that waited', async () => {
    start();
    socket.last('session:join').ack!(attached(4));
    socket.fire('step:changed', committed(6, 'step:set', { step: 'spelen', force: true }));
    expect(socket.last('session:sync').payload).toEqual({ sinceVersion: 4 });
    // A broadcast that arrives while the sync is under way waits its turn.
    socket.fire('token:moved', committed(7, 'token:move', { tableId: 't1', roleId: 'mentor', x: 0.1, y: 0.1, rev: 0 }));
    const missed: SyncAck = { ok: true, version: 6, actions: [committed(5, 'step:set', { step: 'situatie' }), committed(6, 'step:set', { step: 'spelen', force: true })] };
    socket.last('session:sync').ack!(missed);
    await settle();
    expect(store.getState().version).toBe(7);
    expect(store.getState().game?.tables.t1?.step).toBe('spelen');
    expect(store.getState().game?.tables.t1?.tokens.mentor).toMatchObject({ x: 0.1, y: 0.1 });
  });

  it('moves its version on for a withheld action and applies the next broadcast on top', () => {
    start();
    socket.last('session:join').ack!(attached(4));
    socket.fire('action:withheld', { version: 5 });
    socket.fire('step:changed', committed(6, 'step:set', { step: 'spelen', force: true }));
    expect(store.getState().version).toBe(6);
    expect(store.getState().game?.tables.t1?.step).toBe('spelen');
    expect(socket.count('session:sync')).toBe(0);
  });

  it('takes the polls of a patch as they are, in version order', () => {
    start();
    socket.last('session:join').ack!(attached(4));
    const base = session();
    const polls = { p1: { pollId: 'p1', status: 'open' as const, revealed: false, answers: { '~0': -1 }, openedAt: 1 } };
    socket.fire('view:patched', { version: 5, patch: { polls } });
    expect(store.getState().version).toBe(5);
    expect(store.getState().game?.polls).toEqual(polls);
    expect(store.getState().game?.tables).toEqual(base.tables);
  });

  it('says an event aloud when it arrives as a patch of the view', () => {
    start();
    socket.last('session:join').ack!(attached(4));
    socket.fire('view:patched', { version: 5, patch: { events: [{ eventId: 'achttien', tableIds: ['t1'], version: 5, at: 1 }] } });
    expect(store.getState().version).toBe(5);
    expect(store.getState().announcement?.text).toContain('achttien');
  });

  it('asks for what it missed when a placeholder comes after a gap', () => {
    start();
    socket.last('session:join').ack!(attached(4));
    socket.fire('action:withheld', { version: 7 });
    expect(socket.last('session:sync').payload).toEqual({ sinceVersion: 4 });
  });

  it('loads a replaced view whole, even over a gap', () => {
    start();
    socket.last('session:join').ack!(attached(4));
    const base = session();
    const fresh = { ...base, tables: { t1: { ...base.tables.t1!, step: 'reflectie' as const } } };
    socket.fire('view:replaced', { version: 9, state: fresh });
    expect(store.getState().version).toBe(9);
    expect(store.getState().game?.tables.t1?.step).toBe('reflectie');
    socket.fire('view:replaced', { version: 8, state: base });
    expect(store.getState().game?.tables.t1?.step).toBe('reflectie');
  });

  it('takes a snapshot when the server answers a sync with one', async () => {
    start();
    socket.last('session:join').ack!(attached(4));
    socket.fire('step:changed', committed(9, 'step:set', { step: 'spelen', force: true }));
    const base = session();
    const fresh = { ...base, tables: { t1: { ...base.tables.t1!, step: 'reflectie' as const } } };
    socket.last('session:sync').ack!({ ok: true, version: 12, snapshot: { version: 12, state: fresh } } satisfies SyncAck);
    await settle();
    expect(store.getState().version).toBe(12);
    expect(store.getState().game?.tables.t1?.step).toBe('reflectie');
  });

  it('holds actions while offline and sends them after the next attach with the same action id', async () => {
    start({ kind: 'host', sessionId: 'S1', hostToken: 'h' });
    socket.last('host:attach').ack!(attached(4, { kind: 'host' }));
    const done = client.send('step:set', { step: 'situatie' });
    const first = socket.last('step:set');
    socket.disconnect();
    expect(store.getState().connection).toBe('offline');
    socket.connect();
    expect(socket.count('step:set')).toBe(1);
    socket.last('host:attach').ack!(attached(4, { kind: 'host' }));
    expect(socket.count('step:set')).toBe(2);
    const retry = socket.last('step:set');
    expect((retry.payload as { actionId: string }).actionId).toBe((first.payload as { actionId: string }).actionId);
    retry.ack!({ ok: true, version: 5 });
    await expect(done).resolves.toEqual({ ok: true, version: 5 });
  });

  it('keeps the seat token from a successful claim for the next attach', async () => {
    start();
    socket.last('session:join').ack!(attached(0));
    const claim = client.claimSeat({ tableId: 't1', roleId: 'mentor', name: 'Anouk' });
    const seat = { id: 's1', tableId: 't1', roleId: 'mentor', name: 'Anouk', joinedAt: 1 };
    socket.last('seat:claim').ack!({ ok: true, version: 1, seat, seatToken: 'secret' });
    await claim;
    expect(storage.get(keys.seat('ACDEFG'))).toBe('secret');
    expect(store.getState().seatId).toBe('s1');
    socket.disconnect();
    socket.connect();
    expect(socket.last('session:join').payload).toMatchObject({ seatToken: 'secret' });
  });

  it('forgets a seat token the server no longer knows and joins again as a guest', () => {
    storage.set(keys.seat('ACDEFG'), 'stale');
    start();
    socket.last('session:join').ack!({ ok: false, code: 'BAD_SEAT_TOKEN', message: 'released' });
    expect(storage.has(keys.seat('ACDEFG'))).toBe(false);
    expect(socket.last('session:join').payload).toEqual({ protocolVersion: PROTOCOL_VERSION, code: 'ACDEFG' });
    expect(store.getState().announcement?.tone).toBe('error');
  });

  it('stops and says why when the code does not exist', () => {
    start();
    socket.last('session:join').ack!({ ok: false, code: 'SESSION_NOT_FOUND', message: 'no session' });
    expect(store.getState().connection).toBe('failed');
    expect(store.getState().failure).toBe('SESSION_NOT_FOUND');
  });

  it('sends live drag frames only while attached', () => {
    start();
    client.drag({ tableId: 't1', kind: 'token', id: 'mentor', x: 0.1, y: 0.2 });
    expect(socket.volatileSent).toEqual([]);
    socket.last('session:join').ack!(attached(0));
    client.drag({ tableId: 't1', kind: 'token', id: 'mentor', x: 0.1, y: 0.2 });
    expect(socket.volatileSent).toHaveLength(1);
  });

  it('lets go of its seat when the facilitator releases it', () => {
    storage.set(keys.seat('ACDEFG'), 'token-1');
    start();
    const seated = attached(1, { kind: 'seat', seatId: 's1' });
    if (!seated.ok) throw new Error('fixture');
    seated.snapshot.state.seats = { s1: { id: 's1', tableId: 't1', roleId: 'mentor', name: 'Anouk', joinedAt: 1 } };
    socket.last('session:join').ack!(seated);
    expect(store.getState().seatId).toBe('s1');
    socket.fire('seat:released', committed(2, 'seat:release', { seatId: 's1' }) as CommittedAction);
    expect(store.getState().seatId).toBeNull();
    expect(storage.has(keys.seat('ACDEFG'))).toBe(false);
  });

  it('says the session has ended and stops reconnecting when the facilitator deletes it', () => {
    start();
    socket.last('session:join').ack!(attached(1));
    socket.fire('session:deleted', { sessionId: 'S1' });
    expect(store.getState().sessionEnded).toBe(true);
    expect(socket.connected).toBe(false);
    const joins = socket.count('session:join');
    socket.connect();
    expect(socket.count('session:join')).toBe(joins);
  });
});
