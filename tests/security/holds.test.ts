/*
 * Griefing by drag (issue 8, hole 7). The attacker is a client written from docs/protocol.md
 * alone: socket.io-client and plain JSON, no game-core. The server runs on a clock the test
 * moves by hand, so "after 1.5 s" and "after a few seconds" are steps, not waits.
 */
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { io, type Socket } from 'socket.io-client';
import { createSessionOver, startServer, type TestServer } from '../helpers/server';
import { PROTOCOL as PROTOCOL_VERSION } from './hostileClient';

/** From docs/protocol.md: "A piece is held by its dragger until the drop or 1.5 s after the last frame." */
const DRAG_HOLD_MS = 1500;
/** From docs/protocol.md: a hold ends this long after the drag began, however often frames come. */
const DRAG_MAX_HOLD_MS = 5000;

type Ack = { ok: true; version: number; [k: string]: unknown } | { ok: false; code: string; message: string };
interface Frame {
  tableId: string;
  kind: 'token' | 'card';
  id: string;
  x: number;
  y: number;
  by: string;
}

/** A connection that records what it hears and keeps its board version from the broadcasts. */
class Client {
  version = 0;
  readonly frames: Frame[] = [];
  readonly refusedDrags: { id: string; heldBy: string }[] = [];
  readonly reported: string[] = [];
  private constructor(readonly socket: Socket) {
    socket.onAny((event: string, payload: { version?: unknown }) => {
      if (event.includes(':') && typeof payload?.version === 'number' && payload.version > this.version) this.version = payload.version;
    });
    socket.on('pieces:dragged', (batch: { frames: Frame[] }) => this.frames.push(...batch.frames));
    socket.on('drag:refused', (info: { id: string; heldBy: string }) => this.refusedDrags.push(info));
    socket.on('error:reported', (e: { code: string }) => this.reported.push(e.code));
  }

  static async connect(url: string): Promise<Client> {
    const socket = io(url, { transports: ['websocket'], reconnection: false, forceNew: true });
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    });
    return new Client(socket);
  }

  async ask<T = Ack>(event: string, payload: unknown): Promise<T> {
    return (await this.socket.timeout(5000).emitWithAck(event, payload)) as T;
  }

  async attach(event: 'session:join' | 'host:attach', payload: Record<string, unknown>): Promise<void> {
    const ack = await this.ask<{ ok: boolean; snapshot?: { version: number }; message?: string }>(event, { protocolVersion: PROTOCOL_VERSION, ...payload });
    if (!ack.ok || !ack.snapshot) throw new Error(`attach refused: ${ack.message}`);
    this.version = Math.max(this.version, ack.snapshot.version);
  }

  async act(type: string, payload: Record<string, unknown>): Promise<Ack> {
    const ack = await this.ask(type, { actionId: randomUUID(), baseVersion: this.version, payload });
    if (ack.ok) this.version = Math.max(this.version, ack.version);
    return ack;
  }

  drag(kind: 'token' | 'card', id: string, x: number, y: number): void {
    this.socket.emit('piece:drag', { tableId: 't1', kind, id, x, y });
  }

  /**
   * Waits until this connection has received everything sent to it before now: the server
   * answers in order, so the ack of a request sent after them arrives after them.
   */
  async settle(): Promise<void> {
    await this.ask('session:sync', { sinceVersion: this.version });
  }
}

/** A clock the test moves by hand. */
function handClock(start = Date.UTC(2026, 0, 5, 9, 0)) {
  let now = start;
  return { now: () => now, advance: (ms: number) => void (now += ms) };
}

let server: TestServer;
let clock: ReturnType<typeof handClock>;
const clients: Client[] = [];

beforeEach(async () => {
  clock = handClock();
  server = await startServer({ clock });
});
afterEach(async () => {
  for (const c of clients.splice(0)) c.socket.disconnect();
  await server.stop();
  server.cleanup();
});

/** A facilitator, two players (mentor, moeder) at t1 and a card from the deck on the wheel. */
async function table() {
  const session = await createSessionOver(server.url, 'mini');
  const host = await Client.connect(server.url);
  clients.push(host);
  await host.attach('host:attach', { sessionId: session.sessionId, hostToken: session.hostToken });
  const seat = async (roleId: string, name: string) => {
    const c = await Client.connect(server.url);
    clients.push(c);
    await c.attach('session:join', { code: session.code });
    const ack = await c.act('seat:claim', { tableId: 't1', roleId, name });
    if (!ack.ok) throw new Error(ack.message);
    return c;
  };
  const mentor = await seat('mentor', 'Anouk');
  const moeder = await seat('moeder', 'Ria');
  const placed = await moeder.act('card:place', { tableId: 't1', defId: 'zorgtoeslag', x: 0.3, y: 0.2 });
  if (!placed.ok) throw new Error(placed.message);
  for (const c of [host, mentor, moeder]) await c.settle();
  return { session, host, mentor, moeder };
}

describe('drag holds cannot be used to grief', () => {
  it('lets the facilitator move a token that its player keeps dragging once a second', async () => {
    const { host, mentor, moeder } = await table();
    for (let second = 0; second < 3; second++) {
      mentor.drag('token', 'mentor', 0.1 * second, 0.9);
      await mentor.settle();
      clock.advance(1000);
    }
    const drop = await host.act('token:move', { tableId: 't1', roleId: 'mentor', x: -0.4, y: 0.6, rev: 0 });
    expect(drop).toMatchObject({ ok: true });
    await moeder.settle();
    expect(moeder.frames.some((f) => f.id === 'mentor' && f.by !== 'host')).toBe(true);
  });

  it('hands the facilitator’s drag over a player’s hold and refuses the player’s frames meanwhile', async () => {
    const { host, mentor, moeder } = await table();
    mentor.drag('card', 'zorgtoeslag', 0.2, 0.2);
    await mentor.settle();
    host.drag('card', 'zorgtoeslag', -0.2, 0.2);
    await host.settle();
    mentor.drag('card', 'zorgtoeslag', 0.25, 0.2);
    await mentor.settle();
    expect(host.refusedDrags).toEqual([]);
    expect(mentor.refusedDrags).toEqual([{ tableId: 't1', kind: 'card', id: 'zorgtoeslag', heldBy: 'host' }]);
    await moeder.settle();
    expect(moeder.frames.filter((f) => f.id === 'zorgtoeslag').map((f) => [f.x, f.by === 'host'])).toEqual([
      [0.2, false],
      [-0.2, true],
    ]);
    expect(await mentor.act('card:move', { tableId: 't1', cardId: 'zorgtoeslag', x: 0.25, y: 0.2, rev: 0 })).toMatchObject({ ok: false, code: 'HELD_BY_OTHER' });
  });

  it('keeps another player off a card while it is being dragged, and frees it 1.5 s after the last frame', async () => {
    const { mentor, moeder } = await table();
    mentor.drag('card', 'zorgtoeslag', 0.2, 0.2);
    await mentor.settle();
    moeder.drag('card', 'zorgtoeslag', 0.5, 0.5);
    await moeder.settle();
    expect(moeder.refusedDrags).toMatchObject([{ id: 'zorgtoeslag' }]);
    expect(await moeder.act('card:move', { tableId: 't1', cardId: 'zorgtoeslag', x: 0.5, y: 0.5, rev: 0 })).toMatchObject({ ok: false, code: 'HELD_BY_OTHER' });

    clock.advance(DRAG_HOLD_MS);
    expect(await moeder.act('card:move', { tableId: 't1', cardId: 'zorgtoeslag', x: 0.5, y: 0.5, rev: 0 })).toMatchObject({ ok: true });
  });

  it('does not let a player keep a card past a few seconds by sending a frame now and then', async () => {
    const { mentor, moeder } = await table();
    const step = 1000;
    for (let t = 0; t <= DRAG_MAX_HOLD_MS; t += step) {
      mentor.drag('card', 'zorgtoeslag', 0.2, 0.2 + t / 100_000);
      await mentor.settle();
      clock.advance(step);
    }
    // The frames keep coming, but the drag has run past its longest hold without a drop.
    mentor.drag('card', 'zorgtoeslag', 0.2, 0.3);
    await mentor.settle();
    expect(await moeder.act('card:move', { tableId: 't1', cardId: 'zorgtoeslag', x: -0.5, y: 0.5, rev: 0 })).toMatchObject({ ok: true });
    // Now the mentor is the one who is refused: the card moved on without them.
    expect(await mentor.act('card:move', { tableId: 't1', cardId: 'zorgtoeslag', x: 0.2, y: 0.3, rev: 0 })).toMatchObject({ ok: false, code: 'CONFLICT' });
  });

  it('relays no player’s drags while the facilitator has locked the table, and the facilitator’s still', async () => {
    const { host, mentor, moeder } = await table();
    expect(await host.act('board:lock', { locked: true })).toMatchObject({ ok: true });
    await mentor.settle();
    mentor.drag('token', 'mentor', 0.3, 0.9);
    mentor.drag('card', 'zorgtoeslag', 0.1, 0.1);
    await mentor.settle();
    expect(mentor.reported).toEqual(['LOCKED']);
    await moeder.settle();
    await host.settle();
    expect(moeder.frames).toEqual([]);
    expect(host.frames).toEqual([]);

    host.drag('card', 'zorgtoeslag', -0.1, 0.1);
    await host.settle();
    await moeder.settle();
    expect(moeder.frames).toEqual([{ tableId: 't1', kind: 'card', id: 'zorgtoeslag', x: -0.1, y: 0.1, by: 'host' }]);

    expect(await host.act('board:lock', { locked: false })).toMatchObject({ ok: true });
    await mentor.settle();
    mentor.drag('token', 'mentor', 0.3, 0.9);
    await mentor.settle();
    await moeder.settle();
    expect(moeder.frames.at(-1)).toMatchObject({ id: 'mentor', x: 0.3, y: 0.9 });
  });
});

describe('a private card’s drag', () => {
  it('reaches the facilitator only, not the other players or the big screen, while other drags reach everyone', async () => {
    const { session, host, mentor, moeder } = await table();
    const screen = await Client.connect(server.url);
    clients.push(screen);
    await screen.attach('screen:attach' as 'session:join', { code: session.code });
    expect(await host.act('situation:reveal', { all: true })).toMatchObject({ ok: true });
    expect(await host.act('privacy:set', { private: true })).toMatchObject({ ok: true });
    await moeder.settle();
    expect(await moeder.act('card:place', { tableId: 't1', defId: 'bijstand', x: 0, y: -0.7 })).toMatchObject({ ok: true });
    for (const c of [host, mentor, screen]) await c.settle();

    moeder.drag('card', 'bijstand', 0.1, -0.6);
    mentor.drag('token', 'mentor', 0.2, 0.9);
    await moeder.settle();
    await mentor.settle();
    for (const c of [host, mentor, screen]) await c.settle();
    expect(host.frames.map((f) => f.id).sort()).toEqual(['bijstand', 'mentor']);
    expect(screen.frames.map((f) => f.id)).toEqual(['mentor']);
    // The mentor may get its own frame back in a batch it shares; never the private card.
    expect(mentor.frames.every((f) => f.id === 'mentor')).toBe(true);
    expect(JSON.stringify([screen.frames, mentor.frames])).not.toContain('bijstand');
  });
});
