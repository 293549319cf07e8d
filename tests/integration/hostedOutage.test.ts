import type { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Socket } from 'socket.io-client';
import type { ActionAck, CommittedAction, Presence, SeatClaimAck } from '@samenspel/game-core';
import { hostedUnavailable, twoProcesses, type HostedEnv } from '../helpers/hosted';
import { killHard, type ServerProcess } from '../helpers/process';
import { createSessionOver } from '../helpers/server';
import { actionRequest, attachHost, joinAsPlayer, request, type TestSocket } from '../helpers/socket';

const skip = await hostedUnavailable();

interface Health {
  ok: boolean;
  status?: string;
  dependencies?: { postgres: string; redis: string };
}

async function healthWhen(url: string, test: (h: Health) => boolean): Promise<Health> {
  for (;;) {
    const health = (await (await fetch(`${url}/healthz`)).json()) as Health;
    if (test(health)) return health;
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe.skipIf(skip !== null)('hosted mode while PostgreSQL is away, and when a process dies', () => {
  let env: HostedEnv;
  let a: ServerProcess;
  let b: ServerProcess;
  const sockets: TestSocket[] = [];

  twoProcesses((p) => ({ env, a, b } = p), () => {
    for (const s of sockets) s.disconnect();
  });

  it('refuses actions as UNAVAILABLE, says so on /healthz, and goes on by itself when it is back, with every acknowledged action kept', async () => {
    const session = await createSessionOver(a.url, 'mini');
    const players = await Promise.all(
      [
        [a.url, 'sam'],
        [b.url, 'mentor'],
      ].map(async ([url, roleId]) => {
        const p = await joinAsPlayer(url!, session.code);
        sockets.push(p.socket);
        const claim = await request<SeatClaimAck>(p.socket, 'seat:claim', actionRequest<'seat:claim'>({ tableId: 't1', roleId: roleId!, name: roleId! }, 0));
        if (!claim.ok) throw new Error(claim.message);
        return { ...p, roleId: roleId!, rev: 0 };
      }),
    );
    const acked = new Map<number, string>();
    const move = async (p: (typeof players)[number], actionId?: ReturnType<typeof randomUUID>) => {
      const req = actionRequest<'token:move'>({ tableId: 't1', roleId: p.roleId, x: 0.1 * (p.rev % 5), y: 0.2, rev: p.rev }, 0, actionId);
      const ack = await request<ActionAck>(p.socket, 'token:move', req);
      if (ack.ok) {
        p.rev++;
        acked.set(ack.version, req.actionId);
      }
      return { ack, actionId: req.actionId };
    };
    for (let i = 0; i < 5; i++) for (const p of players) expect((await move(p)).ack.ok).toBe(true);

    await env.cutDatabase();
    const down = await healthWhen(a.url, (h) => !h.ok);
    expect(down).toEqual({ ok: false, status: 'degraded', dependencies: { postgres: 'down', redis: 'up' } });
    const refused = await move(players[0]!);
    expect(refused.ack).toMatchObject({ ok: false, code: 'UNAVAILABLE' });
    await healthWhen(b.url, (h) => !h.ok);
    expect((await move(players[1]!)).ack).toMatchObject({ ok: false, code: 'UNAVAILABLE' });
    const log = await fetch(`${b.url}/api/sessions/${session.sessionId}/log`, { headers: { authorization: `Bearer ${session.hostToken}` } });
    expect(log.status).toBe(503);
    expect(await log.json()).toMatchObject({ code: 'UNAVAILABLE' });

    await env.restoreDatabase();
    await Promise.all([healthWhen(a.url, (h) => h.ok), healthWhen(b.url, (h) => h.ok)]);
    // The refused move is sent again as it was, and now it counts.
    expect((await move(players[0]!, refused.actionId)).ack).toMatchObject({ ok: true });
    for (let i = 0; i < 5; i++) for (const p of players) expect((await move(p)).ack.ok).toBe(true);

    const res = await fetch(`${b.url}/api/sessions/${session.sessionId}/log`, { headers: { authorization: `Bearer ${session.hostToken}` } });
    const { actions } = (await res.json()) as { actions: CommittedAction[] };
    expect(actions.map((x) => x.version)).toEqual(Array.from({ length: 2 + 21 }, (_, i) => i + 1));
    for (const [version, actionId] of acked) expect(actions[version - 1]?.actionId).toBe(actionId);
  });

  it('takes the players of a killed process out of presence on the other one', async () => {
    const session = await createSessionOver(b.url, 'mini');
    const host = await attachHost(b.url, session.sessionId, session.hostToken);
    sockets.push(host.socket);
    const player = await joinAsPlayer(a.url, session.code);
    sockets.push(player.socket);
    const present = waitForPresence(host.socket, (p) => p.seats.length === 1);
    const claim = await request<SeatClaimAck>(player.socket, 'seat:claim', actionRequest<'seat:claim'>({ tableId: 't1', roleId: 'moeder', name: 'Moeder' }, 0));
    expect(claim.ok).toBe(true);
    await present;
    const gone = waitForPresence(host.socket, (p) => p.seats.length === 0, 15_000);
    await killHard(a);
    expect((await gone).seats).toEqual([]);
  });
});

function waitForPresence(socket: TestSocket, test: (p: Presence) => boolean, timeoutMs = 5000): Promise<Presence> {
  const s = socket as unknown as Socket;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('presence never matched')), timeoutMs);
    const on = (p: Presence) => {
      if (!test(p)) return;
      clearTimeout(timer);
      s.off('presence:changed', on);
      resolve(p);
    };
    s.on('presence:changed', on);
  });
}
