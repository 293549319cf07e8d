/*
 * The drag relay on its own: which batches each connection gets when connections are free or
 * still writing. The connections are the relay's own small interface (the part of an
 * Engine.IO socket it writes to), so a test decides when a transport has taken a write; the
 * relay with real sockets is covered in actions.test.ts and tests/security/holds.test.ts.
 * Last, the drag lane's way back to Socket.IO's own decoding (its fast path with a real
 * server is in badInput.test.ts).
 */
import { EventEmitter } from 'node:events';
import type { Socket } from 'socket.io';
import { describe, expect, it } from 'vitest';
import type { DragBatch } from '@samenspel/game-core';
import { takeDragsFirst } from '../../server/src/realtime/dragLane';
import { DragRelay, readDragFrame, type DragConnection } from '../../server/src/realtime/dragRelay';

type Frame = DragBatch['frames'][number];

/** A connection that records what it was sent and holds each write until `take()`. */
class Conn implements DragConnection {
  readonly batches: Frame[][] = [];
  private pending: (() => void)[] = [];
  write(data: string, options: { wsPreEncodedFrame?: Buffer[] }, callback: () => void): void {
    const packet = data.replace(/^2/, '');
    const [event, batch] = JSON.parse(packet) as [string, DragBatch];
    expect(event).toBe('pieces:dragged');
    // The pre-built WebSocket frame is one unmasked text frame carrying the same packet.
    const frame = options.wsPreEncodedFrame![0]!;
    const length = frame[1]! < 126 ? frame[1]! : frame.readUInt16BE(2);
    const header = frame[1]! < 126 ? 2 : 4;
    expect(frame[0]).toBe(0x81);
    expect(frame.length).toBe(header + length);
    expect(frame.subarray(header).toString()).toBe(`4${data}`);
    this.batches.push(batch.frames);
    this.pending.push(callback);
  }
  /** The transport takes every outstanding write. */
  take(): void {
    const callbacks = this.pending;
    this.pending = [];
    for (const cb of callbacks) cb();
  }
}

const turn = () => new Promise<void>((r) => setImmediate(r));

function setup(ids: string[], now?: () => number) {
  const conns = new Map(ids.map((id) => [id, new Conn()]));
  const relay = new DragRelay({ members: () => conns.keys(), connection: (id) => conns.get(id), mayHear: (id) => id !== 'c' }, now);
  const frame = (id: string, x: number, by = 's1'): Frame => ({ tableId: 't1', kind: 'token', id, x, y: 0, by });
  const send = (id: string, x: number, origin: string) => relay.enqueue('S', `t1:token:${id}`, frame(id, x, origin), origin);
  return { relay, conns, send, conn: (id: string) => conns.get(id)! };
}

describe('the drag relay', () => {
  it('sends the frames of one turn as one batch per table, and not back to their only sender', async () => {
    const { conn, send } = setup(['a', 'b', 'c']);
    send('mentor', 0.1, 'a');
    send('mentor', 0.2, 'a');
    await turn();
    expect(conn('a').batches).toEqual([]);
    expect(conn('b').batches.map((b) => b.map((f) => f.x))).toEqual([[0.2]]);
    expect(conn('c').batches.map((b) => b.map((f) => f.x))).toEqual([[0.2]]);
  });

  it('sends every frame of a free connection without waiting for a window', async () => {
    const { conn, send } = setup(['a', 'b']);
    for (let i = 1; i <= 5; i++) {
      send('mentor', i / 10, 'a');
      await turn();
      conn('b').take();
    }
    expect(conn('b').batches.map((b) => b[0]!.x)).toEqual([0.1, 0.2, 0.3, 0.4, 0.5]);
  });

  it('keeps only the latest position per piece for a connection still writing, and sends them when its write is done', async () => {
    const { conn, send } = setup(['a', 'b', 'slow']);
    send('mentor', 0.1, 'a');
    await turn();
    conn('b').take();
    // "slow" has not taken its first batch; meanwhile two pieces move on.
    for (let i = 2; i <= 6; i++) {
      send('mentor', i / 10, 'a');
      send('moeder', -i / 10, 'b');
      await turn();
      conn('b').take();
      conn('a').take();
    }
    expect(conn('slow').batches).toHaveLength(1);
    conn('slow').take();
    expect(conn('slow').batches).toHaveLength(2);
    expect(conn('slow').batches[1]!.map((f) => [f.id, f.x])).toEqual([
      ['mentor', 0.6],
      ['moeder', -0.6],
    ]);
    // The fast connections saw every position.
    expect(conn('a').batches.map((b) => b.find((f) => f.id === 'moeder')?.x)).toEqual([-0.2, -0.3, -0.4, -0.5, -0.6]);
  });

  it('sends a restricted frame only to connections that may hear it, with the others’ frames as usual', async () => {
    const { relay, conn, send } = setup(['a', 'b', 'c']);
    relay.enqueue('S', 't1:card:private', { tableId: 't1', kind: 'card', id: 'private', x: 0.5, y: 0, by: 's1' }, 'a', true);
    send('mentor', 0.1, 'a');
    await turn();
    expect(conn('b').batches.map((b) => b.map((f) => f.id))).toEqual([['private', 'mentor']]);
    expect(conn('c').batches.map((b) => b.map((f) => f.id))).toEqual([['mentor']]);
    expect(conn('a').batches).toEqual([]);
  });

  it('does not put a connection’s own frames in its backlog', async () => {
    const { conn, send } = setup(['a', 'b']);
    send('moeder', 0.1, 'b');
    await turn();
    // While "a" is still writing, a turn brings frames from both.
    send('mentor', 0.2, 'a');
    send('moeder', 0.3, 'b');
    await turn();
    conn('a').take();
    expect(conn('a').batches.map((batch) => batch.map((f) => [f.id, f.x]))).toEqual([[['moeder', 0.1]], [['moeder', 0.3]]]);
  });

  it('sends nothing to a forgotten connection, and nothing at all after close', async () => {
    const { relay, conn, send } = setup(['a', 'b']);
    send('mentor', 0.1, 'a');
    await turn();
    send('mentor', 0.2, 'a');
    await turn();
    relay.forget('b');
    conn('b').take();
    expect(conn('b').batches).toHaveLength(1);
    relay.close();
    send('mentor', 0.3, 'a');
    await turn();
    expect(conn('b').batches).toHaveLength(1);
  });
});

describe('a hot table', () => {
  it('is paced to one batch per window once frames come far faster than people drag', async () => {
    // The clock stands still: every frame arrives "at once", far above the hot rate.
    const { relay, conn, send } = setup(['a', 'b'], () => 0);
    let i = 0;
    for (; i < 12; i++) {
      send('mentor', i / 100, 'a');
      await turn();
      conn('b').take();
    }
    expect(conn('b').batches).toHaveLength(12);
    for (; i < 20; i++) {
      send('mentor', i / 100, 'a');
      await turn();
    }
    expect(conn('b').batches).toHaveLength(12);
    await until(() => conn('b').batches.length > 12);
    expect(conn('b').batches.slice(12).map((b) => b.map((f) => f.x))).toEqual([[0.19]]);
    relay.close();
  });
});

async function until(check: () => boolean): Promise<void> {
  for (let tries = 0; !check(); tries++) {
    if (tries > 500) throw new Error('condition not met');
    await new Promise((r) => setTimeout(r, 5));
  }
}

describe('the drag frame check', () => {
  it('accepts exactly the five fields within the mat, and nothing else', () => {
    expect(readDragFrame({ tableId: 't1', kind: 'card', id: 'c1', x: 1.2, y: -1.3 })).toEqual({ tableId: 't1', kind: 'card', id: 'c1', x: 1.2, y: -1.3, by: '' });
    const bad: unknown[] = [
      null,
      'frame',
      [],
      { tableId: 't1', kind: 'card', id: 'c1', x: 0 },
      { tableId: 't1', kind: 'card', id: 'c1', x: 0, y: 0, by: 'host' },
      { tableId: 't1', kind: 'seat', id: 'c1', x: 0, y: 0 },
      { tableId: '', kind: 'card', id: 'c1', x: 0, y: 0 },
      { tableId: 't1', kind: 'card', id: 'x'.repeat(65), x: 0, y: 0 },
      { tableId: 't1', kind: 'card', id: 'c1', x: Number.NaN, y: 0 },
      { tableId: 't1', kind: 'card', id: 'c1', x: 0, y: Infinity },
      { tableId: 't1', kind: 'card', id: 'c1', x: 2, y: 0 },
      { tableId: 't1', kind: 'card', id: 'c1', x: '0', y: 0 },
      { tableId: '__proto__', kind: 'card', id: 'c1', x: 0, y: 0 },
      { tableId: 't1', kind: 'card', id: 'constructor', x: 0, y: 0 },
      JSON.parse('{"tableId":"t1","kind":"card","id":"c1","x":0,"__proto__":{"y":0}}'),
    ];
    for (const raw of bad) expect(readDragFrame(raw)).toBeNull();
  });
});

describe('the drag lane', () => {
  it('leaves a connection to Socket.IO when its data does not arrive the way the lane expects', () => {
    const conn = new EventEmitter();
    const listener = () => {};
    conn.on('data', listener);
    const socket = { client: {}, conn, connected: true } as unknown as Socket;
    expect(takeDragsFirst(socket, () => {})).toBe(false);
    expect(conn.listeners('data')).toEqual([listener]);
  });
});
