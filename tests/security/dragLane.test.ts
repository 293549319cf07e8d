/*
 * Drag frames are read ahead of Socket.IO's decoder (server/src/realtime/dragLane.ts). A
 * client written from docs/protocol.md, on a raw WebSocket, must not get a drag relayed that
 * Socket.IO would have refused, nor slip drags past the flood limit. Packets that must arrive in
 * one read are written while the TCP socket is corked.
 */
import type { Socket as TcpSocket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createSessionOver, startServer, type TestServer } from '../helpers/server';
import { PROTOCOL } from './hostileClient';

interface Frame {
  x: number;
  by: string;
}

/** An Engine.IO v4 / Socket.IO v5 connection on a bare WebSocket: '40' joins the main namespace. */
class Raw {
  readonly closed: Promise<void>;
  private readonly acks = new Map<number, (body: unknown) => void>();
  private nextAck = 1;
  private constructor(readonly ws: WebSocket) {
    this.closed = new Promise((resolve) => ws.once('close', () => resolve()));
    ws.on('message', (data) => {
      const text = data.toString();
      if (text === '2') ws.send('3');
      const ack = /^43(\d+)(\[.*)$/s.exec(text);
      if (ack) this.acks.get(Number(ack[1]))?.((JSON.parse(ack[2]!) as unknown[])[0]);
    });
  }

  /** Opens the Engine.IO connection (its first message starts with '0'), then joins the main namespace. */
  static async open(url: string): Promise<Raw> {
    const ws = new WebSocket(`${url.replace(/^http/, 'ws')}/socket.io/?EIO=4&transport=websocket`);
    const raw = new Raw(ws);
    await new Promise<void>((resolve, reject) => {
      ws.once('message', () => resolve());
      ws.once('error', reject);
    });
    await raw.join();
    return raw;
  }

  /** Joins the main namespace, as a client does before it emits anything. */
  join(): Promise<void> {
    return new Promise((resolve) => {
      const joined = (data: WebSocket.RawData) => {
        if (!data.toString().startsWith('40')) return;
        this.ws.off('message', joined);
        resolve();
      };
      this.ws.on('message', joined);
      this.ws.send('40');
    });
  }

  ask(event: string, payload: unknown): Promise<{ ok: boolean }> {
    const id = this.nextAck++;
    return new Promise((resolve) => {
      this.acks.set(id, resolve as (body: unknown) => void);
      this.ws.send(`42${id}${JSON.stringify([event, payload])}`);
    });
  }

  /** Writes the packets (Socket.IO packets; the Engine.IO '4' is added) so the server reads them at once. */
  together(...packets: string[]): void {
    const tcp = (this.ws as unknown as { _socket: TcpSocket })._socket;
    tcp.cork();
    for (const p of packets) this.ws.send(`4${p}`);
    tcp.uncork();
  }
}

const drag = (x: number) => `2["piece:drag",${JSON.stringify({ tableId: 't1', kind: 'token', id: 'mentor', x, y: 0.5 })}]`;

let server: TestServer;
let session: { sessionId: string; hostToken: string; code: string };
let observer: Raw;
const heard: Frame[] = [];

beforeAll(async () => {
  server = await startServer({ limits: { eventsPerSecond: 1000, actionsPerSecond: 1000 } });
  session = await createSessionOver(server.url, 'mini');
  observer = await Raw.open(server.url);
  observer.ws.on('message', (data) => {
    const text = data.toString();
    if (text.startsWith('42["pieces:dragged"')) heard.push(...(JSON.parse(text.slice(2)) as [string, { frames: Frame[] }])[1].frames);
  });
  expect(await observer.ask('host:attach', { protocolVersion: PROTOCOL, sessionId: session.sessionId, hostToken: session.hostToken })).toMatchObject({ ok: true });
});

afterAll(async () => {
  observer.ws.close();
  await server.stop();
  server.cleanup();
});

async function dragger(): Promise<Raw> {
  const raw = await Raw.open(server.url);
  expect(await raw.ask('host:attach', { protocolVersion: PROTOCOL, sessionId: session.sessionId, hostToken: session.hostToken })).toMatchObject({ ok: true });
  return raw;
}

/** Waits until a frame the dragger sends afterwards as a marker arrives, so nothing before it is still on its way. */
async function settled(raw: Raw, marker: number): Promise<void> {
  raw.together(drag(marker));
  await expect.poll(() => heard.some((f) => f.x === marker)).toBe(true);
}

describe('drags read ahead of Socket.IO', () => {
  it('are relayed from a host as usual', async () => {
    const raw = await dragger();
    raw.together(drag(0.101));
    await expect.poll(() => heard.some((f) => f.x === 0.101)).toBe(true);
    raw.ws.close();
  });

  it('that come in the same read as the packet leaving the namespace are not relayed', async () => {
    const raw = await dragger();
    raw.together('1', drag(0.201), drag(0.202));
    // Back in the namespace and attached again, the connection drags as before. (A connect
    // read before Socket.IO has handled the leave would close the connection: let it.)
    await new Promise((resolve) => setTimeout(resolve, 100));
    await raw.join();
    expect(await raw.ask('host:attach', { protocolVersion: PROTOCOL, sessionId: session.sessionId, hostToken: session.hostToken })).toMatchObject({ ok: true });
    await settled(raw, 0.203);
    expect(heard.filter((f) => f.x === 0.201 || f.x === 0.202)).toEqual([]);
    // Joining again on the same connection is not mistaken for a Socket.IO that reads differently.
    expect(server.logger.lines.filter((l) => l.msg.startsWith('drag frames take'))).toEqual([]);
    raw.ws.close();
  });

  it('after a binary packet that still waits for its attachment close the connection, as Socket.IO does', async () => {
    const raw = await dragger();
    raw.together('51-["card:move",{"_placeholder":true,"num":0}]');
    raw.together(drag(0.301));
    await Promise.race([raw.closed, new Promise((_, reject) => setTimeout(() => reject(new Error('the connection stayed open')), 5000))]);
    const other = await dragger();
    await settled(other, 0.302);
    expect(heard.filter((f) => f.x === 0.301)).toEqual([]);
    other.ws.close();
  });
});

describe('a connection sending far past the limit', () => {
  let limited: TestServer;
  let code: string;
  beforeAll(async () => {
    limited = await startServer({ limits: { eventsPerSecond: 5 } });
    ({ code } = await createSessionOver(limited.url, 'mini'));
  });
  afterAll(async () => {
    await limited.stop();
    limited.cleanup();
  });

  it.each([
    ['drag frames', drag(0.4)],
    ['unknown events', '2["no:such-event",{}]'],
  ])('is let go when it keeps sending %s', async (_what, packet) => {
    const raw = await Raw.open(limited.url);
    expect(await raw.ask('session:join', { protocolVersion: PROTOCOL, code })).toMatchObject({ ok: true });
    raw.together(...Array.from({ length: 300 }, () => packet));
    await raw.closed;
    expect(limited.logger.lines.some((l) => l.msg === 'flooding connection cut off')).toBe(true);
  });
});
