import { spawn } from 'node:child_process';
import type { Socket } from 'socket.io-client';
import { describe, expect, it } from 'vitest';
import type { ActionAck, CommittedAction, DragBatch, Presence, SeatClaimAck } from '@samenspel/game-core';
import { hostedUnavailable, query, twoProcesses, type HostedEnv } from '../helpers/hosted';
import type { ServerProcess } from '../helpers/process';
import { createSessionOver, REPO_ROOT } from '../helpers/server';
import { actionRequest, attachHost, joinAsPlayer, nextEvent, request, type TestSocket } from '../helpers/socket';

const skip = await hostedUnavailable();

type Player = Awaited<ReturnType<typeof joinAsPlayer>> & { seatId: string; seatToken: string; roleId: string; tableId: string };

async function seated(url: string, code: string, tableId: string, roleId: string): Promise<Player> {
  const p = await joinAsPlayer(url, code);
  if (!p.ack.ok) throw new Error(`${p.ack.code} ${p.ack.message}`);
  const claim = await request<SeatClaimAck>(p.socket, 'seat:claim', actionRequest<'seat:claim'>({ tableId, roleId, name: `speler ${roleId}` }, p.replica.version));
  if (!claim.ok) throw new Error(`${claim.code} ${claim.message}`);
  // A guest sees no board; the seated view arrives whole just after the ack.
  await p.replica.waitForVersion(claim.version);
  return { ...p, seatId: claim.seat.id, seatToken: claim.seatToken, roleId, tableId };
}

async function logOver(url: string, sessionId: string, hostToken: string) {
  const res = await fetch(`${url}/api/sessions/${sessionId}/log`, { headers: { authorization: `Bearer ${hostToken}` } });
  expect(res.status).toBe(200);
  return (await res.json()) as { actions: CommittedAction[] };
}

function until<T>(testSocket: TestSocket, event: string, test: (payload: T) => boolean, timeoutMs = 5000): Promise<T> {
  const socket = testSocket as unknown as Socket;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.off(event, on);
      reject(new Error(`no matching ${event} within ${timeoutMs} ms`));
    }, timeoutMs);
    const on = (payload: T) => {
      if (!test(payload)) return;
      clearTimeout(timer);
      socket.off(event, on);
      resolve(payload);
    };
    socket.on(event, on);
  });
}

describe('hosted mode: start-up', () => {
  it('refuses to start with DATABASE_URL but without REDIS_URL, saying so in one line', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
      cwd: REPO_ROOT,
      env: { ...process.env, PORT: '0', DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/postgres', REDIS_URL: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code).toBe(1);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/REDIS_URL/);
  });
});

describe.skipIf(skip !== null)('hosted mode: two processes on one PostgreSQL and one Redis', () => {
  let env: HostedEnv;
  let a: ServerProcess;
  let b: ServerProcess;
  const sockets: TestSocket[] = [];

  twoProcesses((p) => ({ env, a, b } = p), () => {
    for (const s of sockets) s.disconnect();
  });

  it('migrates the schema once, in numbered versions, whichever process starts first', async () => {
    const rows = await query<{ version: number; name: string }>(env, 'SELECT version, name FROM schema_migrations ORDER BY version');
    expect(rows.map((r) => r.version)).toEqual([1]);
    expect(rows[0]!.name).toBe('001_initial.sql');
    const health = (await (await fetch(`${a.url}/healthz`)).json()) as { dependencies: unknown };
    expect(health.dependencies).toEqual({ postgres: 'up', redis: 'up' });
  });

  it('lets a session made on one process be joined and played on the other, with actions, presence and drags seen on both', async () => {
    const session = await createSessionOver(a.url, 'mini');
    const host = await attachHost(a.url, session.sessionId, session.hostToken);
    sockets.push(host.socket);
    const reveal = await request<ActionAck>(host.socket, 'situation:reveal', actionRequest<'situation:reveal'>({ all: true }, host.replica.version));
    expect(reveal).toMatchObject({ ok: true, version: 1 });

    const presenceOnA = until<Presence>(host.socket, 'presence:changed', (p) => p.seats.length === 1);
    const player = await seated(b.url, session.code, 't1', 'mentor');
    sockets.push(player.socket);
    await player.replica.waitForVersion(2);
    await host.replica.waitForVersion(2);
    expect(host.replica.state?.seats[player.seatId]?.roleId).toBe('mentor');
    expect((await presenceOnA).seats).toEqual([player.seatId]);

    const move = await request<ActionAck>(player.socket, 'token:move', actionRequest<'token:move'>({ tableId: 't1', roleId: 'mentor', x: 0.4, y: 0.2, rev: 0 }, 2));
    expect(move).toMatchObject({ ok: true, version: 3 });
    await host.replica.waitForVersion(3);
    expect(host.replica.state?.tables.t1?.tokens.mentor).toMatchObject({ x: 0.4, y: 0.2 });

    // A second player on the first process watches the first one drag a card live.
    const watcher = await seated(a.url, session.code, 't1', 'moeder');
    sockets.push(watcher.socket);
    const cardId = Object.keys(watcher.replica.state!.tables.t1!.cards)[0]!;
    const lastFrame = until<DragBatch>(watcher.socket, 'pieces:dragged', (batch) => batch.frames.some((f) => f.id === cardId && f.x === 0.3 && f.y === -0.3));
    for (let i = 0; i <= 10; i++) player.socket.emit('piece:drag', { tableId: 't1', kind: 'card', id: cardId, x: i * 0.03, y: -i * 0.03 });
    expect((await lastFrame).frames.find((f) => f.id === cardId)?.by).toBe(player.seatId);

    // The dragger's hold reaches the other process: a drop there is refused while it lasts.
    const drop = await request<ActionAck>(watcher.socket, 'card:move', actionRequest<'card:move'>({ tableId: 't1', cardId, x: 0.1, y: 0.1, rev: watcher.replica.state!.tables.t1!.cards[cardId]!.rev }, watcher.replica.version));
    expect(drop).toMatchObject({ ok: false, code: 'HELD_BY_OTHER' });

    // Both processes answer for the session's log, and it is the same log.
    const [logA, logB] = await Promise.all([logOver(a.url, session.sessionId, session.hostToken), logOver(b.url, session.sessionId, session.hostToken)]);
    expect(logB).toEqual(logA);
    expect(logA.actions.map((x) => x.version)).toEqual([1, 2, 3, 4]);
  });

  it('keeps one order when hundreds of actions for one session arrive at both processes at once', async () => {
    const session = await createSessionOver(b.url, 'mini', 2);
    const roles = ['sam', 'mentor', 'moeder', 'klantmanager'];
    const players: Player[] = [];
    for (const tableId of ['t1', 't2']) {
      for (const [i, roleId] of roles.entries()) players.push(await seated(i % 2 === 0 ? a.url : b.url, session.code, tableId, roleId));
    }
    sockets.push(...players.map((p) => p.socket));
    const hostA = await attachHost(a.url, session.sessionId, session.hostToken);
    const hostB = await attachHost(b.url, session.sessionId, session.hostToken);
    sockets.push(hostA.socket, hostB.socket);

    const PER_PLAYER = 40;
    const acked: { version: number; actionId: string }[] = [];
    await Promise.all(
      players.map(async (p, n) => {
        for (let i = 0; i < PER_PLAYER; i++) {
          const req = actionRequest<'token:move'>({ tableId: p.tableId, roleId: p.roleId, x: Math.sin(i + n) * 0.9, y: Math.cos(i + n) * 0.9, rev: i }, 0);
          const ack = await request<ActionAck>(p.socket, 'token:move', req);
          if (!ack.ok) throw new Error(`${ack.code} ${ack.message}`);
          acked.push({ version: ack.version, actionId: req.actionId });
          // Under the per-connection action limit (15 a second) without its burst.
          await new Promise((r) => setTimeout(r, 60));
        }
      }),
    );
    // The facilitator on one process and the player on the other move the same token from the
    // same revision at the same moment: one wins, the other is told why.
    const token = players[1]!;
    const rev = PER_PLAYER;
    const [fromHost, fromPlayer] = await Promise.all([
      request<ActionAck>(hostA.socket, 'token:move', actionRequest<'token:move'>({ tableId: token.tableId, roleId: token.roleId, x: 0.5, y: 0.5, rev }, 0)),
      request<ActionAck>(token.socket, 'token:move', actionRequest<'token:move'>({ tableId: token.tableId, roleId: token.roleId, x: -0.5, y: -0.5, rev }, 0)),
    ]);
    expect([fromHost.ok, fromPlayer.ok].sort()).toEqual([false, true]);
    expect([fromHost, fromPlayer].find((x) => !x.ok)).toMatchObject({ code: 'CONFLICT' });

    const total = roles.length * 2 + players.length * PER_PLAYER + 1;
    expect(new Set(acked.map((x) => x.version)).size).toBe(acked.length);
    const [logA, logB] = await Promise.all([logOver(a.url, session.sessionId, session.hostToken), logOver(b.url, session.sessionId, session.hostToken)]);
    expect(logB).toEqual(logA);
    expect(logA.actions.map((x) => x.version)).toEqual(Array.from({ length: total }, (_, i) => i + 1));
    const byVersion = new Map(logA.actions.map((x) => [x.version, x.actionId]));
    for (const { version, actionId } of acked) expect(byVersion.get(version)).toBe(actionId);

    // Every connection, on either process, ends on the same board.
    await Promise.all([hostA.replica.waitForVersion(total), hostB.replica.waitForVersion(total)]);
    expect(hostB.replica.state).toEqual(hostA.replica.state);
    expect(hostA.replica.gaps + hostB.replica.gaps).toBe(0);
  });

  it('deletes a session on both processes, and its connections on the other one hear it', async () => {
    const session = await createSessionOver(a.url, 'mini');
    const player = await seated(b.url, session.code, 't1', 'sam');
    sockets.push(player.socket);
    const deleted = nextEvent<{ sessionId: string }>(player.socket, 'session:deleted');
    const res = await fetch(`${a.url}/api/sessions/${session.sessionId}`, { method: 'DELETE', headers: { authorization: `Bearer ${session.hostToken}` } });
    expect(res.status).toBe(200);
    expect(await deleted).toEqual({ sessionId: session.sessionId });
    const again = await joinAsPlayer(b.url, session.code);
    sockets.push(again.socket);
    expect(again.ack).toMatchObject({ ok: false, code: 'SESSION_NOT_FOUND' });
  });

  it('gives the report of a session played on the other process', async () => {
    const session = await createSessionOver(a.url, 'mini');
    const player = await seated(b.url, session.code, 't1', 'sam');
    sockets.push(player.socket);
    const res = await fetch(`${a.url}/api/sessions/${session.sessionId}/report.json`, { headers: { authorization: `Bearer ${session.hostToken}` } });
    expect(res.status).toBe(200);
    const report = (await res.json()) as { tables: { seats?: unknown[] }[] } & Record<string, unknown>;
    expect(JSON.stringify(report)).toContain('speler sam');
  });
});
