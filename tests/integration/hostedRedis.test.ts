import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ActionAck, SeatClaimAck } from '@samenspel/game-core';
import { hostedEnv, hostedUnavailable, type HostedEnv } from '../helpers/hosted';
import { freePort, killHard, type ServerProcess } from '../helpers/process';
import { createSessionOver } from '../helpers/server';
import { actionRequest, attachHost, joinAsPlayer, request, type TestSocket } from '../helpers/socket';

const skip = await hostedUnavailable();

/** A Redis of this test's own (the shared one is not for stopping), without persistence. */
async function startRedis(port: number): Promise<ChildProcess> {
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: ['ignore', 'pipe', 'pipe'] });
  await new Promise<void>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('Ready to accept connections')) resolve();
    });
    child.once('exit', () => reject(new Error(`redis-server exited:\n${out}`)));
  });
  return child;
}

function stopRedis(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

async function healthWhen(url: string, test: (h: { ok: boolean; dependencies?: { postgres: string; redis: string } }) => boolean) {
  for (;;) {
    const health = (await (await fetch(`${url}/healthz`)).json()) as { ok: boolean; dependencies?: { postgres: string; redis: string } };
    if (test(health)) return health;
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe.skipIf(skip !== null)('hosted mode while Redis is away', () => {
  let env: HostedEnv;
  let redisPort: number;
  let redis: ChildProcess;
  let a: ServerProcess;
  let b: ServerProcess;
  const sockets: TestSocket[] = [];

  beforeAll(async () => {
    env = await hostedEnv();
    redisPort = await freePort();
    redis = await startRedis(redisPort);
    const extra = { REDIS_URL: `redis://127.0.0.1:${redisPort}` };
    [a, b] = await Promise.all([env.spawn(extra), env.spawn(extra)]);
  }, 60_000);

  afterAll(async () => {
    for (const s of sockets) s.disconnect();
    await Promise.all([a && killHard(a), b && killHard(b)]);
    if (redis) await stopRedis(redis);
    await env?.drop();
  }, 30_000);

  it('refuses actions as UNAVAILABLE and names Redis on /healthz, then fans out again by itself when Redis is back', async () => {
    const session = await createSessionOver(a.url, 'mini');
    const host = await attachHost(a.url, session.sessionId, session.hostToken);
    const player = await joinAsPlayer(b.url, session.code);
    sockets.push(host.socket, player.socket);
    const claim = await request<SeatClaimAck>(player.socket, 'seat:claim', actionRequest<'seat:claim'>({ tableId: 't1', roleId: 'sam', name: 'Sam' }, 0));
    expect(claim.ok).toBe(true);
    await host.replica.waitForVersion(1);

    await stopRedis(redis);
    expect(await healthWhen(b.url, (h) => !h.ok)).toMatchObject({ ok: false, dependencies: { postgres: 'up', redis: 'down' } });
    const req = actionRequest<'token:move'>({ tableId: 't1', roleId: 'sam', x: 0.3, y: 0.3, rev: 0 }, 1);
    expect(await request<ActionAck>(player.socket, 'token:move', req)).toMatchObject({ ok: false, code: 'UNAVAILABLE' });

    redis = await startRedis(redisPort);
    await Promise.all([healthWhen(a.url, (h) => h.ok), healthWhen(b.url, (h) => h.ok)]);
    expect(await request<ActionAck>(player.socket, 'token:move', req)).toMatchObject({ ok: true, version: 2 });
    // The facilitator on the other process hears it: the processes talk again.
    await host.replica.waitForVersion(2);
    expect(host.replica.state?.tables.t1?.tokens.sam).toMatchObject({ x: 0.3, y: 0.3 });
  });
});
