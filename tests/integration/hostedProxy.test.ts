import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io } from 'socket.io-client';
import { PROTOCOL_VERSION, type AttachAck, type CommittedAction } from '@samenspel/game-core';
import { hostedEnv, hostedUnavailable, ResilientPlayer, startHaproxy, type HostedEnv, type Proxy } from '../helpers/hosted';
import { killHard, type ServerProcess } from '../helpers/process';
import { createSessionOver } from '../helpers/server';

const skip = await hostedUnavailable();

describe.skipIf(skip !== null)('hosted mode behind HAProxy (deploy/haproxy.cfg)', () => {
  let env: HostedEnv;
  let a: ServerProcess;
  let b: ServerProcess;
  let proxy: Proxy;
  const players: ResilientPlayer[] = [];

  beforeAll(async () => {
    env = await hostedEnv();
    [a, b] = await Promise.all([env.spawn(), env.spawn()]);
    proxy = await startHaproxy(a as ServerProcess & { port: number }, b as ServerProcess & { port: number });
  }, 60_000);

  afterAll(async () => {
    for (const p of players) p.close();
    await proxy?.stop();
    await Promise.all([a && killHard(a), b && killHard(b)]);
    await env?.drop();
  }, 30_000);

  it('keeps a long-polling connection on one process until it upgrades, through the cookie', async () => {
    const session = await createSessionOver(proxy.url, 'mini');
    const clients = Array.from({ length: 6 }, () => io(proxy.url, { transports: ['polling', 'websocket'], withCredentials: true, forceNew: true, reconnection: false }));
    try {
      const acks = await Promise.all(
        clients.map(async (socket) => {
          await new Promise<void>((resolve, reject) => {
            socket.once('connect', () => resolve());
            socket.once('connect_error', reject);
          });
          return (await socket.timeout(5000).emitWithAck('session:join', { protocolVersion: PROTOCOL_VERSION, code: session.code })) as AttachAck;
        }),
      );
      expect(acks.every((ack) => ack.ok)).toBe(true);
    } finally {
      for (const socket of clients) socket.disconnect();
    }
  });

  it('goes on from the last acknowledged action on the other process when one is killed mid-session, losing and repeating none', async () => {
    const session = await createSessionOver(proxy.url, 'mini', 2);
    for (const tableId of ['t1', 't2']) {
      for (const roleId of ['sam', 'mentor', 'moeder', 'klantmanager']) players.push(new ResilientPlayer(proxy.url, session.code, tableId, roleId));
    }
    for (const p of players) await p.start();

    const MOVES = 30;
    let killedAt = 0;
    let acks = 0;
    const killing = (async () => {
      while (acks < 60) await new Promise((r) => setTimeout(r, 20));
      killedAt = performance.now();
      await killHard(a);
    })();
    await Promise.all(
      players.map(async (p, n) => {
        for (let i = 0; i < MOVES; i++) {
          await p.move(Math.round(Math.sin(i + n) * 90) / 100, Math.round(Math.cos(i + n) * 90) / 100);
          acks++;
          await new Promise((r) => setTimeout(r, 70));
        }
      }),
    );
    await killing;

    // Some tablets were on the killed process: they reconnected through the proxy and went on.
    const moved = players.filter((p) => p.disconnects > 0);
    expect(moved.length).toBeGreaterThan(0);
    const backAfter = moved.map((p) => (p.acked.find((x) => x.at > killedAt)?.at ?? Infinity) - killedAt);
    console.info(`SIGKILL → every tablet of the killed process acted again after ${Math.round(Math.max(...backAfter))} ms (${moved.length} tablets)`);

    const res = await fetch(`${b.url}/api/sessions/${session.sessionId}/log`, { headers: { authorization: `Bearer ${session.hostToken}` } });
    const { actions } = (await res.json()) as { actions: CommittedAction[] };
    expect(actions.map((x) => x.version)).toEqual(Array.from({ length: actions.length }, (_, i) => i + 1));
    const byVersion = new Map(actions.map((x) => [x.version, x.actionId]));
    for (const p of players) for (const { version, actionId } of p.acked) expect(byVersion.get(version)).toBe(actionId);
    // Eight claims and every move exactly once: a retried move was answered, not applied again.
    expect(actions).toHaveLength(players.length + players.length * MOVES);
    expect(new Set(actions.map((x) => x.actionId)).size).toBe(actions.length);
  });
});
