import { afterEach, describe, expect, it } from 'vitest';
import type { ActionAck } from '@samenspel/game-core';
import { createSessionOver, startServer, type TestServer } from '../helpers/server';
import { actionRequest, attachHost, joinAsPlayer, nextEvent, request, type TestSocket } from '../helpers/socket';

const DAY = 24 * 60 * 60_000;
const servers: TestServer[] = [];
const sockets: TestSocket[] = [];
afterEach(async () => {
  for (const s of sockets.splice(0)) s.disconnect();
  for (const s of servers.splice(0)) {
    await s.stop();
    s.cleanup();
  }
});

/** A clock the test moves by hand. */
function handClock(start = Date.UTC(2026, 0, 5, 9, 0)) {
  let now = start;
  return { now: () => now, advance: (ms: number) => void (now += ms) };
}

async function exists(server: TestServer, code: string) {
  const p = await joinAsPlayer(server.url, code);
  p.socket.disconnect();
  return p.ack.ok;
}

describe('retention', () => {
  it('deletes only sessions whose last action is older than the retention period', async () => {
    const clock = handClock();
    const server = await startServer({ clock, retentionDays: 30 });
    servers.push(server);
    const old = await createSessionOver(server.url, 'mini');
    const active = await createSessionOver(server.url, 'mini');
    clock.advance(20 * DAY);
    // Playing on day 20 keeps the session: the period counts from its last action.
    const host = await attachHost(server.url, active.sessionId, active.hostToken);
    sockets.push(host.socket);
    expect(await request<ActionAck>(host.socket, 'step:set', actionRequest<'step:set'>({ step: 'situatie' }, 0))).toMatchObject({ ok: true });
    const fresh = await createSessionOver(server.url, 'mini');

    clock.advance(11 * DAY);
    const told = nextEvent<{ sessionId: string }>(host.socket, 'session:deleted', 500).catch(() => null);
    expect(await server.app.purgeExpired()).toBe(1);
    expect(await told).toBeNull();
    expect(await exists(server, old.code)).toBe(false);
    expect(await exists(server, active.code)).toBe(true);
    expect(await exists(server, fresh.code)).toBe(true);

    clock.advance(20 * DAY);
    const goodbye = nextEvent<{ sessionId: string }>(host.socket, 'session:deleted');
    expect(await server.app.purgeExpired()).toBe(2);
    expect(await goodbye).toEqual({ sessionId: active.sessionId });
    expect(await exists(server, active.code)).toBe(false);
  });

  it('purges old sessions when the server starts', async () => {
    const clock = handClock();
    let server = await startServer({ clock, retentionDays: 7 });
    const old = await createSessionOver(server.url, 'mini');
    clock.advance(5 * DAY);
    const recent = await createSessionOver(server.url, 'mini');
    clock.advance(3 * DAY);
    server = await server.restart();
    servers.push(server);
    expect(server.logger.lines.find((l) => l.msg === 'sessions past retention deleted')?.fields).toMatchObject({ deleted: 1, retentionDays: 7 });
    expect(await exists(server, old.code)).toBe(false);
    expect(await exists(server, recent.code)).toBe(true);
  });

  it('tells the home page how many days data is kept', async () => {
    const server = await startServer({ retentionDays: 14 });
    servers.push(server);
    const res = await fetch(`${server.url}/api/info`);
    expect(await res.json()).toEqual({ retentionDays: 14 });
  });
});
