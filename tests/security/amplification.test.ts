import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { REAL_SCENARIOS, startServer, type StartOptions, type TestServer } from '../helpers/server';
import { act, newSession, PROTOCOL, until, wire, type Wire } from './wire';

/*
 * Hole 5: amplification. A few bytes in must not buy a snapshot out every time, an unread
 * connection must not make the server buffer without end, and a rejoin flood must not become a
 * flood of presence messages at the facilitator.
 */

const servers: TestServer[] = [];
const wires: Wire[] = [];
afterEach(async () => {
  for (const w of wires.splice(0)) w.close();
  for (const s of servers.splice(0)) {
    await s.stop();
    s.cleanup();
  }
});

async function serve(options: StartOptions = {}) {
  const server = await startServer({ scenariosDir: REAL_SCENARIOS, ...options });
  servers.push(server);
  return server;
}
const track = (w: Wire) => (wires.push(w), w);
const snapshotBytes = (ack: unknown) => Buffer.byteLength(JSON.stringify((ack as { snapshot: unknown }).snapshot));

describe('snapshots', () => {
  it('answers repeated syncs at the same version with "you are current" instead of the snapshot again', async () => {
    const server = await serve();
    const session = await newSession(server.url, 'tess-wordt-18', 2);
    const guest = track(await wire(server.url));
    const join = await guest.ask('session:join', { protocolVersion: PROTOCOL, code: session.code });
    expect(join.ok).toBe(true);
    const snapshot = snapshotBytes(join);
    const before = guest.received();

    const acks = await Promise.all(Array.from({ length: 200 }, () => guest.ask('session:sync', { sinceVersion: 99_999_999 })));
    expect(acks.filter((a) => 'snapshot' in a)).toHaveLength(0);
    expect(acks.filter((a) => a.ok).every((a) => Array.isArray(a.actions) && (a.actions as unknown[]).length === 0)).toBe(true);
    // Two hundred requests cost less than one snapshot.
    expect(guest.received() - before).toBeLessThan(snapshot);

    // After a change there is a new state to send, once.
    const host = track(await wire(server.url));
    const attached = await host.ask('host:attach', { protocolVersion: PROTOCOL, sessionId: session.sessionId, hostToken: session.hostToken });
    const step = await host.ask('step:set', act({ step: 'situatie' }, (attached.snapshot as { version: number }).version));
    expect(step).toMatchObject({ ok: true });
    const again = await Promise.all(Array.from({ length: 20 }, () => guest.ask('session:sync', { sinceVersion: 99_999_999 })));
    expect(again.filter((a) => 'snapshot' in a)).toHaveLength(1);
  });

  it('refuses syncs and joins past a connection\'s byte budget', async () => {
    const burst = 300_000;
    const perSecond = 50_000;
    const server = await serve({ limits: { replyBytesBurst: burst, replyBytesPerSecond: perSecond, eventsPerSecond: 10_000 } });
    const session = await newSession(server.url, 'tess-wordt-18', 2);
    const puller = track(await wire(server.url));
    const started = Date.now();
    const acks: { ok: boolean; code?: string }[] = [];
    for (let i = 0; i < 60; i++) acks.push(await puller.ask('session:join', { protocolVersion: PROTOCOL, code: session.code }));
    const elapsed = (Date.now() - started) / 1000;
    const snapshots = acks.filter((a) => a.ok).length;
    expect(acks.filter((a) => !a.ok).every((a) => a.code === 'RATE_LIMITED')).toBe(true);
    expect(acks.some((a) => !a.ok)).toBe(true);
    // What went out is bounded by the budget: the burst, the refill, and one overdraft.
    expect(puller.received()).toBeLessThan(burst + perSecond * elapsed + 2 * (puller.received() / Math.max(1, snapshots)) + 20_000);
    // A neighbour on the same address is not affected.
    const neighbour = track(await wire(server.url));
    expect(await neighbour.ask('session:join', { protocolVersion: PROTOCOL, code: session.code })).toMatchObject({ ok: true });
  });
});

describe('a reader that does not read', () => {
  it('is cut off once its unread backlog passes the bound, and the others keep playing', async () => {
    const server = await serve({ limits: { maxOutgoingBytes: 256 * 1024, replyBytesBurst: 1e12, replyBytesPerSecond: 1e12, eventsPerSecond: 100_000 } });
    const session = await newSession(server.url, 'tess-wordt-18', 2);
    const reader = track(await wire(server.url));
    await reader.ask('session:join', { protocolVersion: PROTOCOL, code: session.code });

    // A raw Socket.IO client that asks for snapshots and never reads a byte of the answers.
    const raw = new WebSocket(`ws://127.0.0.1:${server.port}/socket.io/?EIO=4&transport=websocket`);
    await new Promise((resolve, reject) => {
      raw.once('message', resolve);
      raw.once('error', reject);
    });
    raw.send('40');
    await new Promise((resolve) => raw.once('message', resolve));
    const closed = new Promise<void>((resolve) => raw.once('close', () => resolve()));
    raw.pause();
    const join = JSON.stringify(['session:join', { protocolVersion: PROTOCOL, code: session.code }]);
    for (let i = 0; i < 600; i++) raw.send(`42${i}${join}`);

    await until(() => server.logger.lines.some((l) => l.msg === 'slow reader cut off'), 'the slow reader to be cut off', 30_000);
    const cut = server.logger.lines.find((l) => l.msg === 'slow reader cut off');
    expect(Number(cut?.fields?.bytes)).toBeGreaterThan(256 * 1024);
    await until(() => server.app.io.sockets.sockets.size === 1, 'only the reading guest left');
    raw.resume();
    await closed;

    // The reading guest still gets the game.
    const host = track(await wire(server.url));
    const attached = await host.ask('host:attach', { protocolVersion: PROTOCOL, sessionId: session.sessionId, hostToken: session.hostToken });
    const stepped = new Promise((resolve) => reader.socket.once('step:changed', resolve));
    expect(await host.ask('step:set', act({ step: 'situatie' }, (attached.snapshot as { version: number }).version))).toMatchObject({ ok: true });
    await stepped;
  });
});

describe('presence', () => {
  it('reaches the facilitator as a few coalesced messages during a rejoin flood', async () => {
    const server = await serve({ limits: { eventsPerSecond: 10_000 } });
    const session = await newSession(server.url, 'tess-wordt-18', 2);
    const host = track(await wire(server.url));
    await host.ask('host:attach', { protocolVersion: PROTOCOL, sessionId: session.sessionId, hostToken: session.hostToken });
    let presences = 0;
    host.socket.on('presence:changed', () => presences++);

    const flooders = await Promise.all(Array.from({ length: 20 }, async () => track(await wire(server.url))));
    let joins = 0;
    for (let round = 0; round < 6; round++) {
      const acks = await Promise.all(flooders.map((f) => f.ask('session:join', { protocolVersion: PROTOCOL, code: session.code })));
      joins += acks.filter((a) => a.ok).length;
    }
    // The last change still arrives: wait for the quiet time to end.
    await new Promise((r) => setTimeout(r, 600));
    expect(joins).toBe(120);
    expect(presences).toBeGreaterThan(0);
    expect(presences).toBeLessThan(joins / 4);
  });
});
