import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { io } from 'socket.io-client';
import { PROTOCOL_VERSION, type ActionAck, type AttachAck, type SeatClaimAck, type SyncAck } from '@samenspel/game-core';
import { createSessionOver, FIXTURE_SCENARIOS, startServer, type TestServer } from '../helpers/server';
import { freePort, killHard, spawnServer, type ServerProcess } from '../helpers/process';
import { actionRequest, attachHost, joinAsPlayer, Replica, request, type TestSocket } from '../helpers/socket';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn();
});

/** One action in this many that `play` makes is a blank card: 230 actions stay under the table's cap of 60. */
const BLANK_EVERY = 4;

/** Plays a few dozen mixed actions as one seated player and returns the last version. */
async function play(url: string, code: string, count: number, paceMs = 0) {
  const p = await joinAsPlayer(url, code);
  cleanups.push(() => void p.socket.disconnect());
  const claim = await request<SeatClaimAck>(p.socket, 'seat:claim', actionRequest<'seat:claim'>({ tableId: 't1', roleId: 'mentor', name: 'Anouk' }, p.replica.version));
  if (!claim.ok) throw new Error(claim.message);
  let version = claim.version;
  let rev = 0;
  for (let i = 0; i < count; i++) {
    const angle = (i / count) * Math.PI * 2;
    const ack =
      i % BLANK_EVERY === 0
        ? await request<ActionAck>(p.socket, 'card:place', actionRequest<'card:place'>({ tableId: 't1', label: `steun ${i}`, x: Math.sin(angle) * 0.5, y: -Math.cos(angle) * 0.5 }, version))
        : await request<ActionAck>(p.socket, 'token:move', actionRequest<'token:move'>({ tableId: 't1', roleId: 'mentor', x: Math.sin(angle) * 1.1, y: Math.cos(angle) * 1.1, rev: rev++ }, version));
    if (!ack.ok) throw new Error(`${ack.code} ${ack.message}`);
    version = ack.version;
    if (paceMs) await new Promise((r) => setTimeout(r, paceMs));
  }
  return { version, seatToken: claim.seatToken, seatId: claim.seat.id };
}

describe('restart recovery', () => {
  it('leaves a session written by an older version on disk but does not serve it, and serves the others', async () => {
    let server: TestServer = await startServer();
    cleanups.push(() => server.cleanup(), () => server.stop());
    const old = await createSessionOver(server.url, 'mini');
    const current = await createSessionOver(server.url, 'mini');
    await server.stop();
    // What the first version stored: the same session without a state format.
    const db = new Database(join(server.dataDir, 'samenspel.sqlite'));
    const row = db.prepare('SELECT state FROM snapshots WHERE session_id = ?').get(old.sessionId) as { state: string };
    const { format: _format, ...earlier } = JSON.parse(row.state) as Record<string, unknown>;
    db.prepare('UPDATE snapshots SET state = ? WHERE session_id = ?').run(JSON.stringify(earlier), old.sessionId);
    db.close();

    server = await server.restart();
    const refused = await joinAsPlayer(server.url, old.code);
    cleanups.push(() => void refused.socket.disconnect());
    expect(refused.ack).toMatchObject({ ok: false, code: 'SESSION_NOT_FOUND' });
    const served = await joinAsPlayer(server.url, current.code);
    cleanups.push(() => void served.socket.disconnect());
    expect(served.replica.version).toBe(0);
    expect(server.logger.lines.some((l) => l.msg === 'session from an older version is not restored' && l.fields?.sessionId === old.sessionId)).toBe(true);
  });

  it('brings every session back as at its last acknowledged action, across snapshots', async () => {
    let server: TestServer = await startServer({ limits: { actionsPerSecond: 10_000, eventsPerSecond: 10_000 } });
    cleanups.push(() => server.cleanup(), () => server.stop());
    const a = await createSessionOver(server.url, 'mini');
    const b = await createSessionOver(server.url, 'mini');
    // More than one snapshot interval (200), so recovery uses a snapshot plus a log tail.
    const playedA = await play(server.url, a.code, 230);
    const playedB = await play(server.url, b.code, 7);
    const hostA = await attachHost(server.url, a.sessionId, a.hostToken);
    const before = hostA.replica.state;
    hostA.socket.disconnect();

    server = await server.restart();
    const afterA = await attachHost(server.url, a.sessionId, a.hostToken);
    const afterB = await attachHost(server.url, b.sessionId, b.hostToken);
    cleanups.push(() => void afterA.socket.disconnect(), () => void afterB.socket.disconnect());
    expect(afterA.replica.version).toBe(playedA.version);
    expect(afterA.replica.state).toEqual(before);
    expect(afterB.replica.version).toBe(playedB.version);
    const restored = server.logger.lines.find((l) => l.msg === 'sessions restored');
    expect(restored?.fields).toMatchObject({ rooms: 2 });
  });

  it('brings back the facilitation, the votes, the lines, the notes and the insights of a session', async () => {
    let server: TestServer = await startServer({ limits: { actionsPerSecond: 10_000, eventsPerSecond: 10_000 } });
    cleanups.push(() => server.cleanup(), () => server.stop());
    const session = await createSessionOver(server.url, 'mini');
    const host = await attachHost(server.url, session.sessionId, session.hostToken);
    const player = await joinAsPlayer(server.url, session.code);
    cleanups.push(() => void host.socket.disconnect(), () => void player.socket.disconnect());
    const claim = await request<SeatClaimAck>(player.socket, 'seat:claim', actionRequest<'seat:claim'>({ tableId: 't1', roleId: 'mentor', name: 'Anouk' }, 0));
    if (!claim.ok) throw new Error(claim.message);

    let version = claim.version;
    const send = async (socket: TestSocket, type: string, payload: unknown) => {
      const ack = await request<ActionAck>(socket, type, actionRequest(payload as never, version));
      if (!ack.ok) throw new Error(`${type}: ${ack.code} ${ack.message}`);
      version = ack.version;
    };
    await send(host.socket, 'situation:reveal', { all: false });
    await send(host.socket, 'situation:reveal', { all: true });
    await send(host.socket, 'step:set', { step: 'spelen', force: true });
    await send(host.socket, 'poll:open', { pollId: 'werkveld' });
    await send(player.socket, 'poll:answer', { pollId: 'werkveld', option: 1 });
    await send(host.socket, 'poll:reveal', { pollId: 'werkveld', revealed: true });
    await send(player.socket, 'card:note', { tableId: 't1', cardId: 'mbo', note: 'tweede jaar' });
    await send(player.socket, 'link:add', { tableId: 't1', from: 'mbo', to: 'fasehuis' });
    await send(host.socket, 'privacy:set', { private: true });
    await send(player.socket, 'card:place', { tableId: 't1', defId: 'bijstand', x: 0, y: -0.7 });
    await send(host.socket, 'timer:start', { durationMs: 300_000 });
    await send(host.socket, 'prompt:show', { prompt: { kind: 'event', eventId: 'achttien', index: 0 } });
    await send(player.socket, 'insight:add', { text: 'Eerder samen om tafel' });
    await send(host.socket, 'insights:reveal', {});
    await send(host.socket, 'screen:show', { tableIds: ['t1'] });
    await host.replica.waitForVersion(version);
    const before = host.replica.state!;
    expect(before.tables.t1!.cards.bijstand).toMatchObject({ hidden: true });
    expect(before.polls.werkveld?.answers).toEqual({ [claim.seat.id]: 1 });
    host.socket.disconnect();

    server = await server.restart();
    const after = await attachHost(server.url, session.sessionId, session.hostToken);
    cleanups.push(() => void after.socket.disconnect());
    expect(after.replica.version).toBe(version);
    expect(after.replica.state).toEqual(before);
  });

  it('lets open tablets reconnect by themselves after a restart and catch up', async () => {
    const port = (await startServer().then(async (s) => (await s.stop(), s.cleanup(), s.port)));
    let server = await startServer({ port });
    cleanups.push(() => server.cleanup(), () => server.stop());
    const session = await createSessionOver(server.url, 'mini');
    const played = await play(server.url, session.code, 4);

    // A tablet the way the app runs it: auto-reconnect, re-join with the seat token on every connect.
    const socket: TestSocket = io(server.url, { transports: ['websocket'], reconnectionDelay: 100, reconnectionDelayMax: 300 });
    cleanups.push(() => void socket.disconnect());
    const replica = new Replica(socket);
    let attaches = 0;
    socket.on('connect', async () => {
      const ack = await request<AttachAck>(socket, 'session:join', { protocolVersion: PROTOCOL_VERSION, code: session.code, seatToken: played.seatToken });
      replica.adopt(ack);
      attaches++;
    });
    await until(() => attaches === 1);
    expect(replica.version).toBe(played.version);

    server = await server.restart();
    await until(() => attaches === 2, 10_000);
    expect(replica.version).toBe(played.version);

    // The host, on the restarted server, moves on; the tablet hears it live.
    const host = await attachHost(server.url, session.sessionId, session.hostToken);
    cleanups.push(() => void host.socket.disconnect());
    const ack = await request<ActionAck>(host.socket, 'step:set', actionRequest<'step:set'>({ step: 'spelen', force: true }, host.replica.version));
    expect(ack.ok).toBe(true);
    await replica.waitForVersion(played.version + 1);
    expect(replica.state?.tables.t1?.step).toBe('spelen');
    const mine = await request<ActionAck>(socket, 'token:move', actionRequest<'token:move'>({ tableId: 't1', roleId: 'mentor', x: 0, y: 1.2, rev: replica.state!.tables.t1!.tokens.mentor!.rev }, replica.version));
    expect(mine).toEqual({ ok: true, version: played.version + 2 });
  });

  it('loses no acknowledged action when the server process is killed with SIGKILL', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'samenspel-kill-'));
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    const port = await freePort();
    const env = { PORT: String(port), DATA_DIR: dataDir, SCENARIOS_DIR: FIXTURE_SCENARIOS, CLIENT_DIR: join(dataDir, 'no-client') };
    let proc: ServerProcess = await spawnServer(env);
    cleanups.push(() => killHard(proc));
    const session = await createSessionOver(proc.url, 'mini');
    // Paced like people playing: the real server refuses more than 15 actions a second per tablet.
    const played = await play(proc.url, session.code, 40, 70);

    await killHard(proc);
    proc = await spawnServer(env);
    const host = await attachHost(proc.url, session.sessionId, session.hostToken);
    cleanups.push(() => void host.socket.disconnect());
    expect(host.replica.version).toBe(played.version);
    const blanks = Object.values(host.replica.state!.tables.t1!.cards).filter((c) => c.defId === null);
    expect(blanks).toHaveLength(Math.ceil(40 / BLANK_EVERY));
    const sync = await request<SyncAck>(host.socket, 'session:sync', { sinceVersion: played.version - 5 });
    expect(sync.ok && 'actions' in sync && sync.actions).toHaveLength(5);
    const back = await joinAsPlayer(proc.url, session.code, played.seatToken);
    cleanups.push(() => void back.socket.disconnect());
    expect(back.ack).toMatchObject({ ok: true, viewer: { kind: 'seat', seatId: played.seatId } });
  });
});

async function until(check: () => boolean, timeoutMs = 5000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}
