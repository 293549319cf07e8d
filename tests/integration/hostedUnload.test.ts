import { describe, expect, it } from 'vitest';
import type { ActionAck, AttachAck, SeatClaimAck } from '@samenspel/game-core';
import { hostedUnavailable, twoProcesses } from '../helpers/hosted';
import type { ServerProcess } from '../helpers/process';
import { createSessionOver } from '../helpers/server';
import { actionRequest, attachHost, joinAsPlayer, request, type TestSocket } from '../helpers/socket';

const skip = await hostedUnavailable();

/** Rooms this process holds in memory, as /healthz counts them. */
async function roomsIn(url: string): Promise<number> {
  return ((await (await fetch(`${url}/healthz`)).json()) as { sessions: number }).sessions;
}

async function until(check: () => Promise<boolean>, what: string, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`still waiting: ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe.skipIf(skip !== null)('hosted mode: idle rooms leave memory', () => {
  let a: ServerProcess;
  let b: ServerProcess;
  const sockets: TestSocket[] = [];

  twoProcesses((p) => ({ a, b } = p), () => {
    for (const s of sockets) s.disconnect();
  }, { ROOM_IDLE_SECONDS: '0.3' });

  it('unloads a session from the process its last connection left, and a later attach there catches up with what the other process committed', async () => {
    const session = await createSessionOver(a.url, 'mini');
    const host = await attachHost(a.url, session.sessionId, session.hostToken);
    sockets.push(host.socket);
    expect(await request<ActionAck>(host.socket, 'situation:reveal', actionRequest<'situation:reveal'>({ all: true }, 0))).toMatchObject({ ok: true });

    const player = await joinAsPlayer(b.url, session.code);
    const claim = await request<SeatClaimAck>(player.socket, 'seat:claim', actionRequest<'seat:claim'>({ tableId: 't1', roleId: 'mentor', name: 'Gert' }, player.replica.version));
    expect(claim).toMatchObject({ ok: true });
    if (!claim.ok) return;
    await player.replica.waitForVersion(claim.version);
    expect(await roomsIn(b.url)).toBe(1);
    player.socket.disconnect();
    await until(async () => (await roomsIn(b.url)) === 0, 'process B to unload the idle session');
    // Process A keeps it: the facilitator is connected there, and goes on playing.
    expect(await roomsIn(a.url)).toBeGreaterThanOrEqual(1);
    const moved = await request<ActionAck>(host.socket, 'token:move', actionRequest<'token:move'>({ tableId: 't1', roleId: 'mentor', x: 0.5, y: -0.2, rev: 0 }, claim.version));
    expect(moved).toMatchObject({ ok: true, version: claim.version + 1 });
    await host.replica.waitForVersion(claim.version + 1);

    // Back on B with the seat token: the session is loaded again, at the newest version.
    const back = await joinAsPlayer(b.url, session.code, claim.seatToken);
    sockets.push(back.socket);
    expect(back.ack).toMatchObject({ ok: true, snapshot: { version: claim.version + 1 } });
    expect((back.ack as AttachAck & { ok: true }).snapshot.state.tables.t1!.tokens.mentor).toMatchObject({ x: 0.5, y: -0.2, rev: 1 });
    // And it follows the session again: a write there lands after A's, heard on A.
    const again = await request<ActionAck>(back.socket, 'token:move', actionRequest<'token:move'>({ tableId: 't1', roleId: 'mentor', x: 0.1, y: 0.1, rev: 1 }, claim.version + 1));
    expect(again).toMatchObject({ ok: true, version: claim.version + 2 });
    await host.replica.waitForVersion(claim.version + 2);
    expect(host.replica.state?.tables.t1?.tokens.mentor).toMatchObject({ x: 0.1, y: 0.1, rev: 2 });
    await back.replica.waitForVersion(claim.version + 2);
    expect(back.replica.state?.tables.t1?.tokens.mentor).toEqual(host.replica.state?.tables.t1?.tokens.mentor);
    expect(back.replica.gaps + host.replica.gaps).toBe(0);
  });
});
